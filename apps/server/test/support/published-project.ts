import { randomBytes } from 'node:crypto';
import { insertPublishedTender } from '../../src/seed/published-tender';
import { makeOrganisation, makeUser, type TestApp } from './test-app';

const DAY = 86_400_000;
let sequence = 0;

export interface PublishedProjectOptions {
  /** Days from the clock's now to the bid deadline (default 25). */
  deadlineInDays?: number;
  /** Documents available from/until, relative to now in days (defaults −1 and +7). */
  availableFromDays?: number;
  availableUntilDays?: number;
  purchaserOrganisationId?: string;
  agencyOrganisationId?: string | null;
}

/**
 * A published open tender for goods, as the projects module leaves it after publication: timeline set, one lot, one
 * document whose bytes are in `services.blobs`. Purchaser and agency are new organisations unless given.
 */
export async function publishedProject(t: TestApp, opts: PublishedProjectOptions = {}) {
  const now = t.clock.now().getTime();
  const purchaserOrganisationId = opts.purchaserOrganisationId ?? (await makeOrganisation(t, 'purchaser')).id;
  const agencyOrganisationId =
    opts.agencyOrganisationId === undefined ? (await makeOrganisation(t, 'agency')).id : opts.agencyOrganisationId;
  const creator = await makeUser(t, 'purchaser', { organisationId: purchaserOrganisationId });
  const content = new Uint8Array(Buffer.concat([Buffer.from('招标文件 %PDF-test '), randomBytes(2048)]));
  const n = sequence++;
  const { project, documents } = await insertPublishedTender(t.services.db, t.services.blobs, {
    code: `ZC-TEST-${process.pid}-${n}`,
    title: `测试项目 ${n}：教学设备采购`,
    purchaserOrganisationId,
    agencyOrganisationId,
    createdByUserId: creator.id,
    publishedAt: new Date(now - DAY),
    documentsAvailableFrom: new Date(now + (opts.availableFromDays ?? -1) * DAY),
    documentsAvailableUntil: new Date(now + (opts.availableUntilDays ?? 7) * DAY),
    bidDeadline: new Date(now + (opts.deadlineInDays ?? 25) * DAY),
    lots: [{ title: '多媒体教学设备', categoryCode: 'A0201', budgetFen: 150_000_000 }],
    documents: [{ fileName: '招标文件.pdf', contentType: 'application/pdf', content }],
  });
  const document = documents[0];
  if (!document) throw new Error('no document');
  return { project, document, content, purchaserOrganisationId, agencyOrganisationId };
}
