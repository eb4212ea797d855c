import { eq } from 'drizzle-orm';
import { lots, projectDocuments, projectKeyHolders, projects } from '../../db/schema';
import { fieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { loadForChange } from './load-draft';
import { runningOrganisationId } from './policy';
import { lotRows, projectColumns } from './project-rows';
import type { ProjectBody } from './schemas';

/** Replaces a draft's data, lots and timeline. The parties stay those it was registered with. */
export async function updateProject(s: Services, viewer: UserViewer, projectId: string, body: ProjectBody) {
  await s.db.transaction(async (tx) => {
    const project = await loadForChange(tx, viewer, projectId, 'edit');
    if (body.purchaserOrganisationId && body.purchaserOrganisationId !== project.purchaserOrganisationId) {
      throw fieldError('body.purchaserOrganisationId', '项目登记后不能更换采购人', 'The purchaser cannot change');
    }
    if (body.agencyOrganisationId !== undefined && body.agencyOrganisationId !== project.agencyOrganisationId) {
      throw fieldError('body.agencyOrganisationId', '项目登记后不能更换代理机构', 'The agency cannot change');
    }
    await tx
      .update(projects)
      .set({ ...projectColumns(body), updatedAt: s.clock.now() })
      .where(eq(projects.id, project.id));
    await tx.delete(lots).where(eq(lots.projectId, project.id));
    await tx.insert(lots).values(lotRows(project.id, body));
    await appendEvent(tx, s.clock, {
      type: 'project.updated',
      payload: { projectId: project.id, code: project.code, title: body.title, lots: body.lots.length },
      actor: actorOf(viewer),
      subject: { type: 'project', id: project.id },
      audience: { kind: 'organisation', organisationId: runningOrganisationId(project) },
    });
  });
}

/** Deletes a draft with its lots and document records (the blobs stay: they are content-addressed and shared). */
export async function deleteProject(s: Services, viewer: UserViewer, projectId: string) {
  await s.db.transaction(async (tx) => {
    const project = await loadForChange(tx, viewer, projectId, 'delete');
    await tx.delete(lots).where(eq(lots.projectId, project.id));
    await tx.delete(projectDocuments).where(eq(projectDocuments.projectId, project.id));
    await tx.delete(projectKeyHolders).where(eq(projectKeyHolders.projectId, project.id));
    await tx.delete(projects).where(eq(projects.id, project.id));
    await appendEvent(tx, s.clock, {
      type: 'project.deleted',
      payload: { projectId: project.id, code: project.code, title: project.title },
      actor: actorOf(viewer),
      subject: { type: 'project', id: project.id },
      audience: { kind: 'organisation', organisationId: runningOrganisationId(project) },
    });
  });
}
