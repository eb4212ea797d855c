import { EVALUATION_TRANSITIONS, nextState } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { evaluationScores, evaluations } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { scoringComplete } from '../evaluations/scoring-complete';
import { bidInputs, listQueries } from './bid-inputs';
import { computeResult, documentHash, type EvaluationResultDocument } from './compute-result';
import { assertLeader, type EvaluationContext } from './context';
import { evaluationSubject } from './subject';

/** Computes the result from the rows as they are now (no writes). */
export async function resultFromRows(
  tx: Tx,
  ctx: EvaluationContext,
): Promise<{ result: EvaluationResultDocument; hash: string }> {
  const queries = await listQueries(tx, ctx.lot.id);
  const bids = await bidInputs(tx, { ...ctx, lotId: ctx.lot.id }, queries);
  const scores = await tx.select().from(evaluationScores).where(eq(evaluationScores.lotId, ctx.lot.id));
  const out = computeResult({ project: ctx.project, lot: ctx.lot, members: ctx.members, bids, scores });
  if (!out.ok) throw new AppError('EVALUATION_COMPUTE_FAILED', { detail: out.detail });
  return { result: out.result, hash: documentHash(out.result) };
}

/**
 * 计算评审结果 (the leader): in `scoring` once every member has submitted (→ `computed`), or again in `computed`
 * after bidders answered (`recompute`; the state stays). The result is canonical JSON with its SM3 hash.
 */
export async function computeEvaluation(
  tx: Tx,
  s: Services,
  viewer: UserViewer,
  ctx: EvaluationContext,
): Promise<{ resultHash: string }> {
  assertLeader(ctx, viewer);
  const state = ctx.evaluation.state;
  const event = state === 'computed' ? 'recompute' : 'compute';
  const next = nextState(EVALUATION_TRANSITIONS, state, event);
  if (!next) throw new AppError('EVALUATION_STATE', { state });
  if (event === 'compute' && !(await scoringComplete(tx, ctx.lot.id)))
    throw new AppError('EVALUATION_SCORES_INCOMPLETE');
  const { result, hash } = await resultFromRows(tx, ctx);
  const at = s.clock.now();
  await tx
    .update(evaluations)
    .set({ state: next, result: { ...result }, resultHash: hash, computedAt: at })
    .where(eq(evaluations.lotId, ctx.lot.id));
  await appendEvent(tx, s.clock, {
    type: 'evaluation.result_computed',
    payload: { projectId: ctx.project.id, lotId: ctx.lot.id, resultHash: hash, recompute: event === 'recompute' },
    actor: actorOf(viewer),
    subject: evaluationSubject(ctx.lot.id),
    audience: { kind: 'oversight' },
  });
  return { resultHash: hash };
}
