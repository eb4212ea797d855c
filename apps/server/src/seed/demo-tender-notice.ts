import { createHash } from 'node:crypto';
import { findCategory } from '@zhengcai/domain';
import type { Tx } from '../db/client';
import { notices } from '../db/schema';
import type { Clock } from '../platform/clock';
import { appendEvent } from '../platform/events/append-event';
import { tenderNoticeHeader } from '../modules/projects/tender-notice-header';
import { listLots } from '../modules/projects/repo';
import { renderTenderNotice } from '../modules/projects/tender-notice-template';
import type { insertPublishedTender } from './published-tender';

type Published = Awaited<ReturnType<typeof insertPublishedTender>>['project'];

/** What the demo's tender notices say beyond the project's own fields (the agency's contact, as in demo-projects). */
export interface DemoNoticeDetails {
  procurementNeeds: string;
  contractPeriod: string;
  otherMatters: string;
}

/**
 * The tender notice (招标公告) of a demo tender written by insertPublishedTender, as publication renders it (the same
 * template, dated at the project's publication) with its `notice.published` event: so the portal shows the notice and
 * a supplier can go from it to the documents, as for a project published in the browser.
 */
export async function insertDemoTenderNotice(
  tx: Tx,
  clock: Clock,
  project: Published,
  details: DemoNoticeDetails,
): Promise<string> {
  const { publishedAt, documentsAvailableFrom, documentsAvailableUntil, bidDeadline } = project;
  if (!publishedAt || !documentsAvailableFrom || !documentsAvailableUntil || !bidDeadline) {
    throw new Error(`demo tender ${project.code} has no timeline`);
  }
  const lotRows = await listLots(tx, project.id);
  const notice = renderTenderNotice({
    ...(await tenderNoticeHeader(tx, project)),
    ...details,
    contactName: '龙飞',
    contactPhone: '0858-8223456',
    publishedAt,
    documentsAvailableFrom,
    documentsAvailableUntil,
    bidDeadline,
    lots: lotRows.map((l) => ({ ...l, categoryName: findCategory(l.categoryCode)?.zh ?? '' })),
  });
  const [row] = await tx
    .insert(notices)
    .values({
      projectId: project.id,
      kind: 'tender',
      title: notice.title,
      body: notice.body,
      lotIds: null,
      publishedAt,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await appendEvent(tx, clock, {
    type: 'notice.published',
    payload: {
      noticeId: row.id,
      projectId: project.id,
      kind: 'tender',
      title: row.title,
      bodySha256: createHash('sha256').update(row.body, 'utf8').digest('hex'),
    },
    actor: { userId: project.createdByUserId, organisationId: project.agencyOrganisationId },
    subject: { type: 'notice', id: row.id },
    audience: { kind: 'public' },
  });
  return row.id;
}
