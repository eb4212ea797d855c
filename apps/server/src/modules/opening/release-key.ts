import { fromHex } from '@zhengcai/seal';
import type { StoredEnvelope } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { bidOf, loadHall } from './load-hall';
import { openSubmissionWithKey, type OpenResult } from './open-bid';
import { assertHallRole, assertOwnBid } from './policy';
import { findAttendance, findSubmissionRow } from './repo';

/** The stored envelope of the caller's own bid in the hall, for the browser to unwrap the content key. */
export async function envelopeForBidder(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  submissionId: string,
): Promise<StoredEnvelope> {
  const ctx = await loadHall(s.db, viewer, lotId);
  const bid = bidOf(ctx, submissionId);
  assertHallRole(ctx.role, 'bidder');
  assertOwnBid(viewer, bid);
  const submission = await findSubmissionRow(s.db, submissionId);
  if (!submission?.envelope) throw new AppError('NOT_FOUND');
  return submission.envelope;
}

/**
 * Key release (ADR 0016): the bid's organisation, signed in, sends the content key it unwrapped in the browser.
 * The arrival instant is taken first: the window is judged at it.
 */
export async function releaseKey(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  submissionId: string,
  contentKeyHex: string,
): Promise<OpenResult> {
  const arrivedAt = s.clock.now();
  const ctx = await loadHall(s.db, viewer, lotId);
  const bid = bidOf(ctx, submissionId);
  assertHallRole(ctx.role, 'bidder');
  assertOwnBid(viewer, bid);
  if (!(await findAttendance(s.db, lotId, viewer.userId))) throw new AppError('HALL_SIGN_IN_REQUIRED');
  const contentKey = fromHex(contentKeyHex);
  try {
    return await openSubmissionWithKey(s, {
      lotId,
      submissionId,
      contentKey,
      via: 'bidder',
      actor: actorOf(viewer),
      arrivedAt,
    });
  } finally {
    contentKey.fill(0);
  }
}
