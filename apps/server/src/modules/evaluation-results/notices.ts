import { formatFen } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import { insertNotifications } from '../notifications/repo';
import type { LotRow, ProjectRow } from '../opening/repo';
import type { QueryRow } from './bid-inputs';

/** The supplier's page of evaluation questions (web: features/evaluation-report). */
export const MY_QUERIES_PATH = '/workspace/evaluation-queries';
/** The committee's result and report panel of a lot. */
export const resultPath = (lotId: string) => `/workspace/evaluation-results/${lotId}`;

const beijing = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** Tells the bidder's organisation that the committee asks it something, and by when. */
export async function notifyQueryOpened(
  tx: Tx,
  where: { project: ProjectRow; lot: LotRow },
  query: Pick<QueryRow, 'organisationId' | 'kind' | 'respondBy' | 'askedAt' | 'request'>,
): Promise<void> {
  const { project, lot } = where;
  const correction = query.kind === 'arithmetic_correction';
  const corrected = Number(query.request.correctedFen);
  await insertNotifications(tx, [
    {
      userId: null,
      organisationId: query.organisationId,
      kind: `evaluation.query_opened`,
      titleZh: `评审澄清：${project.code} 第${lot.number}包`,
      titleEn: `Evaluation question: ${project.code} lot ${lot.number}`,
      bodyZh: correction
        ? `评审委员会依第五十九条对贵单位的报价作算术修正，修正后报价 ${formatFen(corrected)} 元。请在 ${beijing(query.respondBy)}（北京时间）前在线确认或不确认；不确认或逾期未答复的，投标无效。`
        : `评审委员会认为贵单位的报价明显低于其他投标报价，依第六十条请在 ${beijing(query.respondBy)}（北京时间）前在线书面说明其合理性；逾期未说明的，投标无效。`,
      bodyEn: correction
        ? `The committee corrected your price under Art. 59 to CNY ${formatFen(corrected)}. Confirm or refuse online by ${query.respondBy.toISOString()}; refusing or not answering makes the bid invalid.`
        : `The committee finds your price abnormally low and asks you, under Art. 60, to explain in writing online by ${query.respondBy.toISOString()}; no answer makes the bid invalid.`,
      link: MY_QUERIES_PATH,
      createdAt: query.askedAt,
    },
  ]);
}

/** Tells the leader a bidder answered. */
export async function notifyLeaderAnswered(
  tx: Tx,
  leaderUserId: string | null,
  where: { project: ProjectRow; lot: LotRow },
  at: Date,
): Promise<void> {
  if (!leaderUserId) return;
  await insertNotifications(tx, [
    {
      userId: leaderUserId,
      organisationId: null,
      kind: 'evaluation.query_answered',
      titleZh: `投标人已答复评审澄清：${where.project.code} 第${where.lot.number}包`,
      titleEn: `A bidder answered: ${where.project.code} lot ${where.lot.number}`,
      bodyZh: '请查看答复并在需要时重新计算评审结果。',
      bodyEn: 'Read the answer and recompute the result where needed.',
      link: resultPath(where.lot.id),
      createdAt: at,
    },
  ]);
}

/** The report reached the purchaser: every user of the purchaser organisation is told. */
export async function notifyPurchaserReported(
  tx: Tx,
  where: { project: ProjectRow; lot: LotRow },
  at: Date,
): Promise<void> {
  const people = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.organisationId, where.project.purchaserOrganisationId));
  await insertNotifications(
    tx,
    people.map((p) => ({
      userId: p.id,
      organisationId: null,
      kind: 'evaluation.reported',
      titleZh: `评审报告已送达：${where.project.code} 第${where.lot.number}包`,
      titleEn: `Evaluation report received: ${where.project.code} lot ${where.lot.number}`,
      bodyZh: `“${where.project.title}”第${where.lot.number}包的评审报告已由全体评审专家签署，请在法定期限内确定中标（成交）供应商。`,
      bodyEn: `The evaluation report of "${where.project.title}", lot ${where.lot.number}, is signed by the whole committee. Confirm the winner within the legal period.`,
      link: resultPath(where.lot.id),
      createdAt: at,
    })),
  );
}
