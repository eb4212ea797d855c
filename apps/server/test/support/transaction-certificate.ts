import { randomUUID } from 'node:crypto';
import { buildUscc, type OrganisationKind } from '@zhengcai/domain';
import { and, eq } from 'drizzle-orm';
import { bidSubmissions, lots, notices, organisations } from '../../src/db/schema';
import {
  issueTransactionCertificate,
  type IssueCertificateInput,
} from '../../src/modules/transaction-certificates/issue-transaction-certificate';
import { publishedProject } from './published-project';
import { makeUser, type TestApp } from './test-app';

export const CENTRE_NAME = '六盘水市公共资源交易中心';

let sequence = 0;
/**
 * An organisation with a credit code from its own division (110200) and a counter, so that codes never collide with
 * those of test-app.ts's makeOrganisation (derived from the time) in the same database.
 */
export async function newOrganisation(t: TestApp, kind: OrganisationKind, name?: string) {
  const n = sequence++;
  const now = t.clock.now();
  const [org] = await t.services.db
    .insert(organisations)
    .values({
      kind,
      name: name ?? `测试${kind}${process.pid.toString(36)}${n}`,
      uscc: buildUscc('91', '110200', String(n).padStart(8, '0')),
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!org) throw new Error('no organisation');
  return org;
}

/** The issuing centre: the oldest active centre organisation, made (with the demo city's name) when there is none. */
export async function ensureCentre(t: TestApp): Promise<string> {
  const [found] = await t.services.db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'centre'), eq(organisations.status, 'active')));
  if (found) return found.id;
  return (await newOrganisation(t, 'centre', CENTRE_NAME)).id;
}

/** A counted (`submitted`) bid of the organisation on the lot, as the bids module leaves it. */
export async function countedBid(t: TestApp, projectId: string, lotId: string, organisationId: string) {
  const user = await makeUser(t, 'supplier', { organisationId });
  const now = t.clock.now();
  await t.services.db.insert(bidSubmissions).values({
    projectId,
    lotId,
    organisationId,
    userId: user.id,
    nonce: `nonce-${randomUUID()}`,
    suite: 'gm',
    state: 'submitted',
    expiresAt: now,
    createdAt: now,
  });
}

/**
 * A lot ready for its award: a published open tender whose bid deadline passed a day ago, one lot, three suppliers
 * with counted bids (the first is the winner), a published result notice, and the issuing centre.
 */
export async function awardableLot(t: TestApp, opts: { deadlineInDays?: number } = {}) {
  await ensureCentre(t);
  const { project } = await publishedProject(t, {
    deadlineInDays: opts.deadlineInDays ?? -1,
    availableFromDays: -30,
    availableUntilDays: -20,
    purchaserOrganisationId: (await newOrganisation(t, 'purchaser', '六盘水市教育局')).id,
    agencyOrganisationId: (await newOrganisation(t, 'agency', '贵州黔诚工程项目管理咨询有限公司')).id,
  });
  const [lot] = await t.services.db.select().from(lots).where(eq(lots.projectId, project.id));
  if (!lot) throw new Error('no lot');
  const bidders: string[] = [];
  for (const name of ['贵州黔星科技有限公司', '六盘水云端信息技术有限公司', '贵阳数联教育装备有限公司']) {
    const supplier = await newOrganisation(t, 'supplier', name);
    await countedBid(t, project.id, lot.id, supplier.id);
    bidders.push(supplier.id);
  }
  const [notice] = await t.services.db
    .insert(notices)
    .values({
      projectId: project.id,
      kind: 'result',
      title: `${project.title}中标结果公告`,
      body: '一、项目编号…',
      lotIds: [lot.id],
      publishedAt: t.clock.now(),
    })
    .returning();
  if (!notice) throw new Error('no notice');
  return { project, lot, winnerOrganisationId: bidders[0] ?? '', bidders, resultNoticeId: notice.id };
}

/** An issued certificate on a new awardable lot. */
export async function issuedCertificate(t: TestApp, input: Partial<IssueCertificateInput> = {}) {
  const lot = await awardableLot(t);
  const issued = await issueTransactionCertificate(t.services, {
    lotId: lot.lot.id,
    winnerOrganisationId: lot.winnerOrganisationId,
    contractAmountFen: 123_456_789,
    resultNoticeId: lot.resultNoticeId,
    issuedBy: { userId: null, organisationId: null },
    ...input,
  });
  return { ...lot, ...issued };
}
