import { addCalendarDays, beijingDateOf, beijingInstant, minimumLegalTimeline, rulesInForce } from '@zhengcai/domain';
import { and, eq } from 'drizzle-orm';
import { organisations, projects, users } from '../db/schema';
import { createProject } from '../modules/projects/create-project';
import { publishProject } from '../modules/projects/publish-project';
import { projectBody } from '../modules/projects/schemas';
import { recordDocument } from '../modules/projects/upload-document';
import type { UserViewer } from '../platform/policy/actor';
import type { Services } from '../services';
import { simplePdf } from './demo-pdf';

export const DEMO_PUBLISHED_TITLE = '六盘水市人民医院医学影像及检验设备采购项目';
export const DEMO_DRAFT_TITLE = '六盘水市教育局直属学校校园物业管理服务采购项目';

/** A demo account as the use cases see a caller (the seed acts through the same use cases as people do). */
async function actAs(s: Services, login: string): Promise<UserViewer> {
  const [row] = await s.db
    .select({ user: users, org: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.login, login));
  if (!row) throw new Error(`demo account ${login} missing`);
  return {
    kind: 'user',
    userId: row.user.id,
    role: row.user.role,
    organisationId: row.org.id,
    via: 'token',
    sessionId: null,
    csrfToken: null,
    account: {
      login: row.user.login,
      displayName: row.user.displayName,
      locale: 'zh-CN',
      organisation: { id: row.org.id, name: row.org.name, kind: row.org.kind, status: row.org.status },
    },
  };
}

const scoring = [
  { key: 'price', label: '价格', kind: 'price', weight: 30, maxScore: 30 },
  { key: 'technical', label: '技术参数响应', kind: 'technical', weight: 45, maxScore: 45 },
  { key: 'service', label: '售后服务与培训', kind: 'service', weight: 15, maxScore: 15 },
  { key: 'commercial', label: '业绩与信誉', kind: 'commercial', weight: 10, maxScore: 10 },
] as const;

/**
 * The demo city's projects, seeded once (found again by title): one open tender for goods with two lots, registered
 * and published by the agency for the hospital through the same use cases as in the browser, with a bid deadline a
 * week beyond the legal minimum from the seed time, so a fresh `npm start` shows its notice on the portal; and one
 * draft of the education bureau's own.
 */
export async function seedDemoProjects(s: Services): Promise<boolean> {
  const [existing] = await s.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.title, DEMO_PUBLISHED_TITLE)))
    .limit(1);
  if (existing) return false;

  const agency = await actAs(s, 'agency');
  const hospital = await actAs(s, 'purchaser2');
  const edu = await actAs(s, 'purchaser1');
  const now = s.clock.now();
  const today = beijingDateOf(now);
  const minimum = minimumLegalTimeline({
    method: 'open-tender',
    category: 'goods',
    publishedAt: now,
    rules: rulesInForce(today),
  });
  if (!minimum.bidDeadline || !minimum.documentsAvailableUntil) throw new Error('no minimum timeline');
  const deadlineDate = addCalendarDays(beijingDateOf(minimum.bidDeadline), 7);

  const publishedId = await createProject(
    s,
    agency,
    projectBody.parse({
      title: DEMO_PUBLISHED_TITLE,
      method: 'open-tender',
      category: 'goods',
      purchaserOrganisationId: hospital.organisationId,
      qualificationRequirements: '投标人须具有有效的《医疗器械经营许可证》或第二类医疗器械经营备案凭证',
      noticeDetails: {
        procurementNeeds:
          '包1 彩色多普勒超声诊断仪1台；包2 全自动生化分析仪1台。技术参数、数量及服务要求详见招标文件第三章。',
        contractPeriod: '合同签订后60日内交货并完成安装调试，质保期不少于3年',
        otherMatters: '本项目不接受进口产品投标。',
        contactName: '龙飞',
        contactPhone: '0858-8223456',
      },
      intentionPublishedOn: addCalendarDays(today, -40),
      documentsAvailableUntil: new Date(minimum.documentsAvailableUntil).toISOString(),
      bidDeadline: beijingInstant(deadlineDate, '09:30').toISOString(),
      decryptionWindowMinutes: 30,
      lots: [
        {
          title: '彩色多普勒超声诊断仪',
          categoryCode: 'A0320',
          budgetFen: 380_000_000,
          ceilingPriceFen: 375_000_000,
          evaluationMethod: 'comprehensive-scoring',
          criteria: scoring,
          smeReserved: false,
          smallMicroPercent: 10,
          consortiumPercent: 4,
          depositFen: 7_000_000,
          consortiumAllowed: true,
          priceSheetFields: [
            { key: 'brandModel', label: '品牌型号', kind: 'text', required: true },
            { key: 'warrantyMonths', label: '质保期（月）', kind: 'number', required: true },
          ],
        },
        {
          title: '全自动生化分析仪',
          categoryCode: 'A0320',
          budgetFen: 150_000_000,
          ceilingPriceFen: null,
          evaluationMethod: 'comprehensive-scoring',
          criteria: scoring,
          smeReserved: true,
          depositFen: 3_000_000,
          consortiumAllowed: false,
          priceSheetFields: [{ key: 'warrantyMonths', label: '质保期（月）', kind: 'number', required: true }],
        },
      ],
    }),
  );
  const pdf = simplePdf([
    'Zhengcai demo - procurement documents (zhaobiao wenjian)',
    "Liupanshui People's Hospital - imaging and laboratory equipment",
    'Lot 1: colour Doppler ultrasound system; Lot 2: automatic biochemistry analyser',
    'Open tender, comprehensive scoring (price 30%).',
  ]);
  const blob = await s.blobs.put(pdf);
  await recordDocument(s, agency, publishedId, { fileName: '招标文件.pdf', contentType: 'application/pdf', blob });
  await publishProject(s, agency, publishedId);

  await createProject(
    s,
    edu,
    projectBody.parse({
      title: DEMO_DRAFT_TITLE,
      method: 'open-tender',
      category: 'services',
      qualificationRequirements: '',
      intentionPublishedOn: addCalendarDays(today, -10),
      lots: [
        {
          title: '市第一中学、第三中学物业管理服务',
          categoryCode: 'C21',
          budgetFen: 96_000_000,
          evaluationMethod: 'comprehensive-scoring',
          criteria: [
            { key: 'price', label: '价格', kind: 'price', weight: 20, maxScore: 20 },
            { key: 'plan', label: '服务方案', kind: 'technical', weight: 60, maxScore: 60 },
            { key: 'team', label: '人员配置', kind: 'service', weight: 20, maxScore: 20 },
          ],
          smeReserved: true,
          depositFen: null,
        },
      ],
    }),
  );
  return true;
}
