import {
  BID_SUBMISSION_TRANSITIONS,
  nextState,
  type BidSubmissionEvent,
  type BidSubmissionState,
} from '@zhengcai/domain';
import { AppError } from '../../platform/errors/app-error';

/**
 * The state a locked submission moves to on `event` (packages/domain's BID_SUBMISSION_TRANSITIONS), or the error
 * the caller names when the table refuses it (`BID_SUBMISSION_USED` for an upload already used, `INVALID_STATE`
 * otherwise). A row that is gone is refused the same way.
 */
export function submissionTransition(
  state: BidSubmissionState | undefined,
  event: BidSubmissionEvent,
  refusal: 'BID_SUBMISSION_USED' | 'INVALID_STATE',
): BidSubmissionState {
  const to = state ? nextState(BID_SUBMISSION_TRANSITIONS, state, event) : null;
  if (!to) throw new AppError(refusal, { state: state ?? 'gone' });
  return to;
}
