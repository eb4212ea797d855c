import type { Executor } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import {
  findProjectAndLot,
  listOpeningBids,
  organisationNames,
  type LotRow,
  type OpeningBidRow,
  type ProjectRow,
} from '../opening/repo';
import { assertEvaluationRole, type EvaluationRole } from './policy';
import { committeeMembers } from './repo';

/** A lot's evaluation as one request sees it: the project and lot, the committee, the opening's bids, the caller's role. */
export interface EvaluationContext {
  project: ProjectRow;
  lot: LotRow;
  /** The confirmed committee now, by seat. */
  members: { userId: string; seat: number }[];
  /** Every bid of the lot's opening (decrypted or not). */
  openingBids: OpeningBidRow[];
  role: EvaluationRole;
}

/** Roles that may know a lot's evaluation exists: the others (bidders included) are told "not found". */
export const SEES_EVALUATION: readonly EvaluationRole[] = ['host', 'member', 'oversight'];

/**
 * Loads the lot and the parties and checks the caller's role: 404 when the lot does not exist or the caller has no
 * part in its evaluation (an expert of another lot, a purchaser that entrusted an agency, a bidder); 403 when the
 * caller sees the evaluation but may not do this.
 */
export async function evaluationContext(
  db: Executor,
  viewer: Viewer,
  lotId: string,
  allowed: readonly EvaluationRole[],
): Promise<EvaluationContext> {
  const found = await findProjectAndLot(db, lotId);
  if (!found) throw new AppError('NOT_FOUND');
  const members = await committeeMembers(db, lotId);
  const openingBids = await listOpeningBids(db, lotId);
  const role = assertEvaluationRole(
    viewer,
    {
      project: found.project,
      memberUserIds: members.map((m) => m.userId),
      bidderOrganisationIds: openingBids.map((b) => b.organisationId),
    },
    allowed,
    SEES_EVALUATION,
  );
  return { ...found, members, openingBids, role };
}

/** One bid of the lot's opening under review, with its bidder's name; a bid of another lot is "not found". */
export async function bidUnderReview(
  db: Executor,
  viewer: Viewer,
  lotId: string,
  submissionId: string,
  allowed: readonly EvaluationRole[],
): Promise<{ ctx: EvaluationContext; bid: OpeningBidRow; bidderName: string }> {
  const ctx = await evaluationContext(db, viewer, lotId, allowed);
  const bid = ctx.openingBids.find((b) => b.submissionId === submissionId);
  if (!bid) throw new AppError('NOT_FOUND');
  const bidderName = (await organisationNames(db, [bid.organisationId])).get(bid.organisationId) ?? '';
  return { ctx, bid, bidderName };
}
