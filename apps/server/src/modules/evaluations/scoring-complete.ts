import type { Executor, Tx } from '../../db/client';
import { appendEvent, type Actor } from '../../platform/events/append-event';
import type { Services } from '../../services';
import { hostOrganisationId } from '../opening/policy';
import { findProjectAndLot, type LotRow, type ProjectRow } from '../opening/repo';
import { allSubmitted, committeeMembers, findEvaluation, listSubmissions } from './repo';

/** Experts score only under comprehensive scoring (综合评分法); by the lowest evaluated price there is nothing to score. */
export function expertsScore(lot: Pick<LotRow, 'evaluationMethod'>): boolean {
  return lot.evaluationMethod === 'comprehensive-scoring';
}

/**
 * Whether the lot's scoring is complete, so its result can be computed: the compliance review has ended without
 * failing the lot, and either the lot is evaluated by the lowest evaluated price (nothing to score) or every member
 * of the committee has submitted their scores (a submission the leader returned for re-scoring does not count until
 * it is submitted again).
 */
export async function scoringComplete(tx: Executor, lotId: string): Promise<boolean> {
  const evaluation = await findEvaluation(tx, lotId);
  if (!evaluation || evaluation.complianceFinishedAt === null || evaluation.state === 'failed') return false;
  const found = await findProjectAndLot(tx, lotId);
  if (!found) return false;
  if (!expertsScore(found.lot)) return true;
  return allSubmitted(await listSubmissions(tx, lotId), await committeeMembers(tx, lotId), 'scoring');
}

/** Records that the scoring is complete (inside the completing transaction); the leader then computes the result. */
export async function markScoringComplete(
  tx: Tx,
  s: Services,
  where: { project: ProjectRow; lot: LotRow },
  actor: Actor,
): Promise<void> {
  const { project, lot } = where;
  await appendEvent(tx, s.clock, {
    type: 'evaluation.scoring_complete',
    payload: { projectId: project.id, lotId: lot.id, method: lot.evaluationMethod },
    actor,
    subject: { type: 'evaluation', id: lot.id },
    audience: { kind: 'organisation', organisationId: hostOrganisationId(project) },
  });
}
