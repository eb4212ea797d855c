import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { openingBids } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import type { UserViewer, Viewer } from '../../platform/policy/actor';
import { listOpeningBids, findProjectAndLot, type LotRow, type OpeningBidRow, type ProjectRow } from '../opening/repo';
import { evaluationRoleOf, type EvaluationRole } from '../evaluations/policy';
import { committeeMembers, findEvaluation, lockEvaluation, type EvaluationRow } from '../evaluations/repo';

/** A lot's evaluation as the result, query and report acts need it. */
export interface EvaluationContext {
  evaluation: EvaluationRow;
  project: ProjectRow;
  lot: LotRow;
  /** The committee by seat. */
  members: { userId: string; seat: number }[];
  /** The lot's opening bids (all states; only `decrypted` ones take part). */
  bids: OpeningBidRow[];
  role: EvaluationRole | null;
}

/**
 * The evaluation of a lot and the caller's role in it (modules/evaluations/policy.ts). Without an evaluation row, or
 * for a caller with no role, NOT_FOUND: nobody learns that a lot is being evaluated from an error. `lock` takes the
 * evaluation row FOR UPDATE (every act on the evaluation goes through it).
 */
export async function loadEvaluation(
  tx: Tx,
  viewer: Viewer,
  lotId: string,
  opts: { lock?: boolean } = {},
): Promise<EvaluationContext> {
  const evaluation = opts.lock ? await lockEvaluation(tx, lotId) : await findEvaluation(tx, lotId);
  const where = evaluation ? await findProjectAndLot(tx, lotId) : null;
  if (!evaluation || !where) throw new AppError('NOT_FOUND');
  const members = await committeeMembers(tx, lotId);
  const bids = await listOpeningBids(tx, lotId);
  const role = evaluationRoleOf(viewer, {
    project: where.project,
    memberUserIds: members.map((m) => m.userId),
    bidderOrganisationIds: bids.map((b) => b.organisationId),
  });
  return { evaluation, ...where, members, bids, role };
}

/** The caller must be a member (others who may see the evaluation: 403; anyone else: 404). */
export function assertMember(ctx: EvaluationContext): void {
  if (ctx.role === null || ctx.role === 'bidder') throw new AppError('NOT_FOUND');
  if (ctx.role !== 'member') throw new AppError('EVALUATION_ROLE_REQUIRED', { role: ctx.role });
}

/** The caller must be the elected leader (评审组长): other members 403. */
export function assertLeader(ctx: EvaluationContext, viewer: UserViewer): void {
  assertMember(ctx);
  if (ctx.evaluation.leaderUserId !== viewer.userId) throw new AppError('EVALUATION_LEADER_REQUIRED');
}

/** The bids that take part in the evaluation: the decrypted bids of the opening record. */
export function decryptedBids(ctx: Pick<EvaluationContext, 'bids'>): OpeningBidRow[] {
  return ctx.bids.filter((b) => b.state === 'decrypted');
}

/** One decrypted bid of the lot, or 404. */
export function bidOfLot(ctx: Pick<EvaluationContext, 'bids'>, submissionId: string): OpeningBidRow {
  const bid = decryptedBids(ctx).find((b) => b.submissionId === submissionId);
  if (!bid) throw new AppError('NOT_FOUND');
  return bid;
}

export async function findOpeningBidOf(tx: Tx, submissionId: string): Promise<OpeningBidRow | null> {
  const [row] = await tx.select().from(openingBids).where(eq(openingBids.submissionId, submissionId));
  return row ?? null;
}

/**
 * Who may read the result and the report: members, the host, oversight — and the purchaser's users once the report
 * has reached them (`reported` and after). Anyone else (bidders included) 404.
 */
export function readerRole(ctx: EvaluationContext, viewer: UserViewer): 'member' | 'host' | 'oversight' | 'purchaser' {
  if (ctx.role === 'member' || ctx.role === 'host' || ctx.role === 'oversight') return ctx.role;
  const purchaser =
    viewer.role === 'purchaser' &&
    viewer.organisationId === ctx.project.purchaserOrganisationId &&
    ['reported', 'confirmed', 'published'].includes(ctx.evaluation.state);
  if (!purchaser) throw new AppError('NOT_FOUND');
  return 'purchaser';
}
