import { atBeijingDate, addCalendarDays, beijingDateOf } from '@zhengcai/domain';
import { eq, inArray } from 'drizzle-orm';
import { organisations, projects, users } from '../db/schema';
import type { Services } from '../services';
import { DEMO_ORGANISATIONS } from './demo-city-data';
import { scheduleMissingOpenings } from '../modules/opening/schedule-opening';
import { insertDemoTenderNotice } from './demo-tender-notice';
import { insertPublishedTender } from './published-tender';

const SEED_LOCK_KEY = 7_326_003;

/** The demo tenders, with stable ids so their pages have fixed addresses (/workspace/tenders/<id>). */
export const DEMO_TENDERS = {
  early: { id: '5e3d7c10-0001-4000-8000-000000000001', code: 'ZC-2026-LPS-0001' },
  nearDeadline: { id: '5e3d7c10-0002-4000-8000-000000000002', code: 'ZC-2026-LPS-0002' },
  /** For demonstrating the opening hall: its deadline is DEMO_OPENING_IN_MINUTES after the first start. */
  opening: { id: '5e3d7c10-0003-4000-8000-000000000003', code: 'ZC-2026-LPS-0003' },
} as const;
const DAY = 86_400_000;

/** A time of day on the Beijing date `days` from `now` (e.g. 09:30 for a deadline). */
function beijingAt(now: Date, days: number, hhmm: string): Date {
  const date = addCalendarDays(beijingDateOf(now), days);
  return atBeijingDate(new Date(`2000-01-01T${hhmm}:00+08:00`), date);
}

function documentText(code: string, title: string): Uint8Array {
  return new TextEncoder().encode(
    [
      `${title}`,
      `招标文件（项目编号：${code}）`,
      '',
      '第一章 投标邀请',
      '第二章 投标人须知',
      '第三章 采购需求',
      '第四章 评标方法和标准（综合评分法：价格 30 分，技术 60 分，售后服务 10 分）',
      '第五章 合同主要条款',
      '第六章 投标文件格式',
      '',
      '本文件为演示数据。',
    ].join('\n'),
  );
}

/**
 * Three published open tenders for the demo city, so a supplier can obtain documents, ask and bid at once: one early
 * in its bid period, one nine days from its deadline (a clarification there moves the deadline), and one whose bid
 * deadline — the opening — is DEMO_OPENING_IN_MINUTES after the first start, with a DEMO_OPENING_WINDOW_MINUTES
 * decryption window, for demonstrating the opening hall (and the award journey: its tender notice is on the portal,
 * seed/demo-tender-notice.ts). Each is written once (by its code), after the demo city;
 * the projects module publishes real projects (with their notices) through its own use case. Every published
 * project then gets its opening jobs (tenders seeded before the hall existed included).
 */
export async function seedDemoTenders(s: Services): Promise<void> {
  await s.database.withExclusiveLock(SEED_LOCK_KEY, async () => {
    const codes = [DEMO_TENDERS.early.code, DEMO_TENDERS.nearDeadline.code, DEMO_TENDERS.opening.code];
    const existing = await s.db.select({ code: projects.code }).from(projects).where(inArray(projects.code, codes));
    const has = new Set(existing.map((r) => r.code));
    if (has.size === codes.length) return await scheduleMissingOpenings(s.db, s.clock);
    const uscc = (key: string) => DEMO_ORGANISATIONS.find((o) => o.key === key)?.uscc ?? '';
    const orgId = async (key: string) => {
      const [row] = await s.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.uscc, uscc(key)));
      if (!row) throw new Error(`demo organisation ${key} missing: seed the demo city first`);
      return row.id;
    };
    const [creator] = await s.db.select({ id: users.id }).from(users).where(eq(users.login, 'agency'));
    if (!creator) throw new Error('demo user agency missing');
    const agency = await orgId('agency');
    const edu = await orgId('edu');
    const hospital = await orgId('hospital');
    const now = s.clock.now();
    // PGlite has one connection: everything inside the transaction goes through `tx`.
    await s.db.transaction(async (tx) => {
      if (!has.has(DEMO_TENDERS.opening.code)) {
        const third = { ...DEMO_TENDERS.opening, title: '六盘水市公安局执法记录仪采购项目' };
        const { inMinutes, windowMinutes } = s.config.demoOpening;
        const { project } = await insertPublishedTender(tx, s.blobs, {
          ...third,
          purchaserOrganisationId: edu,
          agencyOrganisationId: agency,
          createdByUserId: creator.id,
          publishedAt: new Date(now.getTime() - 22 * DAY),
          documentsAvailableFrom: new Date(now.getTime() - 21 * DAY),
          // Documents stay obtainable until the deadline, so suppliers can still bid on the demo opening.
          documentsAvailableUntil: new Date(now.getTime() + inMinutes * 60_000),
          bidDeadline: new Date(now.getTime() + inMinutes * 60_000),
          decryptionWindowMinutes: windowMinutes,
          lots: [{ title: '执法记录仪', categoryCode: 'A0201', budgetFen: 60_000_000 }],
          documents: [
            {
              fileName: '招标文件.txt',
              contentType: 'text/plain; charset=utf-8',
              content: documentText(third.code, third.title),
            },
          ],
        });
        // Its notice on the portal, from which a supplier goes to the documents (the award journey starts there).
        await insertDemoTenderNotice(tx, s.clock, project, {
          procurementNeeds: '执法记录仪一批（1个包）。技术参数、数量及服务要求详见招标文件第三章。',
          contractPeriod: '合同签订后30日内交货，质保期不少于2年',
          otherMatters: '本项目为演示数据。',
        });
      }
      if (has.has(DEMO_TENDERS.early.code)) return;
      const first = { ...DEMO_TENDERS.early, title: '六盘水市教育局2026年中小学多媒体教学设备采购项目' };
      await insertPublishedTender(tx, s.blobs, {
        ...first,
        purchaserOrganisationId: edu,
        agencyOrganisationId: agency,
        createdByUserId: creator.id,
        publishedAt: new Date(now.getTime() - 2 * DAY),
        documentsAvailableFrom: new Date(now.getTime() - 2 * DAY),
        documentsAvailableUntil: beijingAt(now, 6, '17:00'),
        bidDeadline: beijingAt(now, 25, '09:30'),
        lots: [
          { title: '交互式智能黑板', categoryCode: 'A0201', budgetFen: 180_000_000 },
          // The second lot accepts consortium bids (a recording-studio fit-out is often bid jointly).
          { title: '录播教室设备', categoryCode: 'A0201', budgetFen: 95_000_000, consortiumAllowed: true },
        ],
        documents: [
          {
            fileName: '招标文件.txt',
            contentType: 'text/plain; charset=utf-8',
            content: documentText(first.code, first.title),
          },
        ],
      });
      const second = { ...DEMO_TENDERS.nearDeadline, title: '六盘水市人民医院医用耗材配送服务采购项目' };
      await insertPublishedTender(tx, s.blobs, {
        ...second,
        category: 'services',
        purchaserOrganisationId: hospital,
        agencyOrganisationId: agency,
        createdByUserId: creator.id,
        publishedAt: new Date(now.getTime() - 13 * DAY),
        documentsAvailableFrom: new Date(now.getTime() - 12 * DAY),
        documentsAvailableUntil: beijingAt(now, 4, '17:00'),
        bidDeadline: beijingAt(now, 9, '09:30'),
        lots: [{ title: '医用耗材配送服务', categoryCode: 'C23', budgetFen: 320_000_000 }],
        documents: [
          {
            fileName: '招标文件.txt',
            contentType: 'text/plain; charset=utf-8',
            content: documentText(second.code, second.title),
          },
        ],
      });
    });
    await scheduleMissingOpenings(s.db, s.clock);
  });
}
