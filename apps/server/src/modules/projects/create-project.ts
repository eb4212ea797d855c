import { beijingDateOf } from '@zhengcai/domain';
import { lots, projects } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { runningOrganisationId } from './policy';
import { lotRows, projectColumns } from './project-rows';
import { nextProjectNumber } from './repo';
import { resolveParties } from './resolve-parties';
import type { ProjectBody } from './schemas';

/** 项目编号: ZC-<Beijing year of registration>-<six-digit number from the sequence>. */
export function projectCode(year: string, n: number): string {
  return `ZC-${year}-${String(n).padStart(6, '0')}`;
}

/** A purchaser or its agency registers a project as a draft (C5). */
export async function createProject(s: Services, viewer: UserViewer, body: ProjectBody): Promise<string> {
  return s.db.transaction(async (tx) => {
    const parties = await resolveParties(tx, viewer, body);
    const now = s.clock.now();
    const code = projectCode(beijingDateOf(now).slice(0, 4), await nextProjectNumber(tx));
    const [row] = await tx
      .insert(projects)
      .values({
        ...projectColumns(body),
        ...parties,
        code,
        createdByUserId: viewer.userId,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(lots).values(lotRows(row.id, body));
    await appendEvent(tx, s.clock, {
      type: 'project.created',
      payload: {
        projectId: row.id,
        code,
        title: row.title,
        method: row.method,
        category: row.category,
        ...parties,
        lots: body.lots.length,
      },
      actor: actorOf(viewer),
      subject: { type: 'project', id: row.id },
      audience: { kind: 'organisation', organisationId: runningOrganisationId(row) },
    });
    return row.id;
  });
}
