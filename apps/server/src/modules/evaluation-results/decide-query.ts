import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { evaluationBidderQueries } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findProjectAndLot } from '../opening/repo';
import { lockEvaluation } from '../evaluations/repo';
import { queryEvent } from './answer-query';
import { assertLeader, type EvaluationContext } from './context';

/**
 * The leader records the committee's decision on a bidder's explanation of its price (87号令 第六十条): `accepted`
 * (the bid stays) or `rejected` (the bid is invalid), with the reason. Then the result is computed again.
 */
export async function decideQuery(
  tx: Tx,
  s: Services,
  viewer: UserViewer,
  ctx: EvaluationContext,
  queryId: string,
  body: { decision: 'accepted' | 'rejected'; reason: string },
): Promise<void> {
  assertLeader(ctx, viewer);
  const [row] = await tx
    .select()
    .from(evaluationBidderQueries)
    .where(and(eq(evaluationBidderQueries.id, queryId), eq(evaluationBidderQueries.lotId, ctx.lot.id)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  if (ctx.evaluation.state !== 'computed') throw new AppError('EVALUATION_STATE', { state: ctx.evaluation.state });
  if (row.kind !== 'abnormal_price') throw new AppError('EVALUATION_QUERY_KIND', { kind: row.kind });
  if (row.state !== 'answered') throw new AppError('EVALUATION_QUERY_STATE', { state: row.state });
  await tx
    .update(evaluationBidderQueries)
    .set({
      state: body.decision,
      decidedByUserId: viewer.userId,
      decidedAt: s.clock.now(),
      decisionReason: body.reason,
    })
    .where(eq(evaluationBidderQueries.id, row.id));
  await queryEvent(tx, s, row, actorOf(viewer), { type: 'evaluation.query_decided', ...body });
}

/**
 * The `evaluation.query_lapse` job at a query's deadline: a question still unanswered lapses, and the bid is invalid
 * (87号令 第五十九条、第六十条); the next computation leaves it out. An answered query is left alone.
 */
export async function lapseQueryJob(tx: Tx, s: Services, queryId: string): Promise<void> {
  const [found] = await tx.select().from(evaluationBidderQueries).where(eq(evaluationBidderQueries.id, queryId));
  if (!found) return;
  await lockEvaluation(tx, found.lotId);
  const [row] = await tx
    .select()
    .from(evaluationBidderQueries)
    .where(eq(evaluationBidderQueries.id, queryId))
    .for('update');
  const now = s.clock.now();
  if (!row || row.state !== 'open' || row.respondBy > now) return;
  if (!(await findProjectAndLot(tx, row.lotId))) return;
  await tx
    .update(evaluationBidderQueries)
    .set({ state: 'lapsed', decidedAt: now })
    .where(eq(evaluationBidderQueries.id, row.id));
  await queryEvent(tx, s, row, { userId: null, organisationId: null }, { type: 'evaluation.query_lapsed' });
}
