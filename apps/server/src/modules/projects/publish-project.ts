import { createHash } from 'node:crypto';
import { findCategory } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { notices, projects } from '../../db/schema';
import { AppError, type FieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { scheduleOpenHall } from '../opening/schedule-opening';
import { checkPublication } from './check-publication';
import { keyEscrowProblems } from './key-escrow';
import { loadForChange } from './load-draft';
import { listDocuments, listLots } from './repo';
import { renderTenderNotice } from './tender-notice-template';
import { tenderNoticeHeader } from './tender-notice-header';

export { PLATFORM_NAME } from './tender-notice-header';

/**
 * Publishes a draft (C7): the whole timeline and every lot's set-up are checked at the server clock, by the rules in
 * force at that instant (B4); any violation refuses publication with each broken rule named on its field and the
 * earliest legal date. Otherwise the project becomes published with `rulesApplied`, the tender notice is rendered
 * from its template, and both events are written — all in one transaction.
 */
export async function publishProject(s: Services, viewer: UserViewer, projectId: string) {
  return s.db.transaction(async (tx) => {
    const project = await loadForChange(tx, viewer, projectId, 'publish');
    const [lotRows, docs] = [await listLots(tx, project.id), await listDocuments(tx, project.id)];
    const now = s.clock.now();
    const check = checkPublication(project, lotRows, docs.length, now);
    const escrowProblems = await keyEscrowProblems(tx, project, now);
    if (!check.ok || escrowProblems.length) {
      const fields: FieldError[] = check.violations.map((v) => ({
        field: v.fields[v.fields.length - 1] ?? 'project',
        reason: v.message,
        ruleId: v.ruleId,
        ...(v.earliestDate ? { earliestDate: v.earliestDate } : {}),
      }));
      fields.push(...escrowProblems);
      throw new AppError(
        'PUBLICATION_BLOCKED',
        { rules: [...new Set(fields.map((f) => f.ruleId ?? ''))].join(', ') },
        fields,
      );
    }
    const documentsAvailableFrom = project.documentsAvailableFrom ?? now;
    const { documentsAvailableUntil, bidDeadline } = project;
    if (!documentsAvailableUntil || !bidDeadline) throw new Error('a valid timeline has its dates');
    const notice = renderTenderNotice({
      ...(await tenderNoticeHeader(tx, project)),
      ...project.noticeDetails,
      publishedAt: now,
      documentsAvailableFrom,
      documentsAvailableUntil,
      bidDeadline,
      lots: lotRows.map((l) => ({ ...l, categoryName: findCategory(l.categoryCode)?.zh ?? '' })),
    });
    await tx
      .update(projects)
      .set({
        status: 'published',
        publishedAt: now,
        documentsAvailableFrom,
        rulesApplied: check.rulesApplied,
        updatedAt: now,
      })
      .where(eq(projects.id, project.id));
    await scheduleOpenHall(
      tx,
      s.clock,
      { id: project.id, bidDeadline },
      lotRows.map((l) => l.id),
    );
    const [row] = await tx
      .insert(notices)
      .values({
        projectId: project.id,
        kind: 'tender',
        title: notice.title,
        body: notice.body,
        lotIds: null,
        publishedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const actor = actorOf(viewer);
    const subject = { type: 'project', id: project.id };
    await appendEvent(tx, s.clock, {
      type: 'project.published',
      payload: {
        projectId: project.id,
        code: project.code,
        title: project.title,
        noticeId: row.id,
        publishedAt: now.toISOString(),
        documentsAvailableFrom: documentsAvailableFrom.toISOString(),
        documentsAvailableUntil: documentsAvailableUntil.toISOString(),
        bidDeadline: bidDeadline.toISOString(),
        rulesApplied: check.rulesApplied,
        documents: docs.map((d) => ({ documentId: d.id, fileName: d.fileName, sha256: d.sha256 })),
      },
      actor,
      subject,
      audience: { kind: 'public' },
    });
    await appendEvent(tx, s.clock, {
      type: 'notice.published',
      payload: {
        noticeId: row.id,
        projectId: project.id,
        kind: 'tender',
        title: row.title,
        bodySha256: createHash('sha256').update(row.body, 'utf8').digest('hex'),
      },
      actor,
      subject: { type: 'notice', id: row.id },
      audience: { kind: 'public' },
    });
    return row.id;
  });
}
