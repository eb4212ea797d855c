import { nextState, EVALUATION_TRANSITIONS, type EvaluationEvent, type EvaluationState } from '@zhengcai/domain';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { lockEvaluation, type EvaluationRow } from './repo';
import { stageClosedParams, type EvaluationAction } from './texts';

/** The lot's evaluation, locked for the rest of the transaction; refused when it has not started. */
export async function lockedEvaluation(tx: Tx, lotId: string): Promise<EvaluationRow> {
  const row = await lockEvaluation(tx, lotId);
  if (!row) throw new AppError('EVALUATION_NOT_STARTED');
  return row;
}

/** Refuses the action unless the evaluation is at one of the stages, saying which stage it is at. */
export function assertStage(row: EvaluationRow, stages: readonly EvaluationState[], action: EvaluationAction): void {
  if (!stages.includes(row.state)) throw new AppError('EVALUATION_STAGE_CLOSED', stageClosedParams(row.state, action));
}

/** The state the event leads to from the row's state (EVALUATION_TRANSITIONS); a missing transition is a bug. */
export function transition(row: EvaluationRow, event: EvaluationEvent): EvaluationState {
  const next = nextState(EVALUATION_TRANSITIONS, row.state, event);
  if (!next) throw new Error(`evaluation of lot ${row.lotId}: no transition ${event} from ${row.state}`);
  return next;
}
