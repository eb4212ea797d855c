import { addCalendarDays, beijingDateOf, buildUscc, minimumLegalTimeline, rulesInForce } from '@zhengcai/domain';
import { lots, notices, organisations, projectDocuments, projects } from '../../src/db/schema';
import { makeUser, type TestApp } from './test-app';

let sequence = 0;
const unique = () => `${process.pid.toString(36)}p${(sequence++).toString(36)}`;
/** Valid credit codes in a division (120000, Tianjin) no other helper uses. */
const freshUscc = () => buildUscc('91', '120000', String(sequence++).padStart(8, '0'));

interface Caller {
  role: string;
  userId: string;
  organisationId: string | null;
}

async function organisation(t: TestApp, kind: 'purchaser' | 'agency'): Promise<string> {
  const now = t.clock.now();
  const [org] = await t.services.db
    .insert(organisations)
    .values({
      kind,
      name: `项目测试${kind}${unique()}`,
      uscc: freshUscc(),
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: organisations.id });
  if (!org) throw new Error('no organisation');
  return org.id;
}

/**
 * A project written straight to the database, with one lot and one document: the caller's own (a purchaser's for
 * its organisation; an agency's acting for a new purchaser) or someone else's. A draft's timeline is legal for a
 * publication in the next hours (a week beyond the minimum), or too short with `illegal`.
 */
export async function projectFixture(
  t: TestApp,
  me: Caller | null,
  opts: { whose: 'own' | 'other'; status?: 'draft' | 'published'; illegal?: boolean },
): Promise<{ projectId: string; documentId: string; noticeId: string | null }> {
  const own = opts.whose === 'own' && me && (me.role === 'purchaser' || me.role === 'agency') && me.organisationId;
  const purchaserId = own && me.role === 'purchaser' ? me.organisationId : await organisation(t, 'purchaser');
  const agencyId = own && me.role === 'agency' ? me.organisationId : null;
  if (!purchaserId) throw new Error('no purchaser');
  const creator = own ? me.userId : (await makeUser(t, 'purchaser', { organisationId: purchaserId })).id;
  const now = t.clock.now();
  const minimum = minimumLegalTimeline({
    method: 'open-tender',
    category: 'goods',
    publishedAt: now,
    rules: rulesInForce(beijingDateOf(now)),
  });
  const deadline = minimum.bidDeadline ? new Date(minimum.bidDeadline) : now;
  const bidDeadline = new Date(deadline.getTime() + (opts.illegal ? -2 : 7) * 86_400_000);
  const status = opts.status ?? 'draft';
  const [project] = await t.services.db
    .insert(projects)
    .values({
      code: `ZC-TEST-${unique()}`,
      title: `测试采购项目${unique()}`,
      method: 'open-tender',
      category: 'goods',
      purchaserOrganisationId: purchaserId,
      agencyOrganisationId: agencyId,
      createdByUserId: creator,
      status,
      intentionPublishedOn: addCalendarDays(beijingDateOf(now), -40),
      documentsAvailableUntil: minimum.documentsAvailableUntil ? new Date(minimum.documentsAvailableUntil) : null,
      bidDeadline,
      publishedAt: status === 'published' ? now : null,
      documentsAvailableFrom: status === 'published' ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: projects.id, title: projects.title });
  if (!project) throw new Error('no project');
  await t.services.db.insert(lots).values({
    projectId: project.id,
    number: 1,
    title: '第1包',
    categoryCode: 'A0201',
    budgetFen: 100_000_000,
    evaluationMethod: 'lowest-evaluated-price',
    criteria: [],
    depositFen: 1_000_000,
    smeSmallMicroBp: 1000,
  });
  const [doc] = await t.services.db
    .insert(projectDocuments)
    .values({
      projectId: project.id,
      fileName: '招标文件.pdf',
      contentType: 'application/pdf',
      sizeBytes: 10,
      sha256: '0'.repeat(64),
      blobKey: '0'.repeat(64),
      uploadedByUserId: creator,
      uploadedAt: now,
    })
    .returning({ id: projectDocuments.id });
  if (!doc) throw new Error('no document');
  let noticeId: string | null = null;
  if (status === 'published') {
    const [notice] = await t.services.db
      .insert(notices)
      .values({
        projectId: project.id,
        kind: 'tender',
        title: `${project.title}公开招标公告`,
        body: '一、项目基本情况',
        publishedAt: now,
      })
      .returning({ id: notices.id });
    noticeId = notice?.id ?? null;
  }
  return { projectId: project.id, documentId: doc.id, noticeId };
}
