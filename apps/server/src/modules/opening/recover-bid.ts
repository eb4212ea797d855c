import { decryptionWindowPosition } from '@zhengcai/domain';
import { checkEscrowShare, fromHex, recoverContentKey, type KeyEscrow } from '@zhengcai/seal';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { keyRecoveryShares, projectKeyHolders, users } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { bidOf, loadHall, type HallContext } from './load-hall';
import { openSubmissionWithKey, type OpenResult } from './open-bid';
import { hallSubject } from './open-hall';
import { findSubmissionRow, lockHall, lockOpeningBid, type OpeningBidRow } from './repo';

/** What a key holder needs in its browser to open its own share (seal `openEscrowShare`). */
export interface RecoveryShareView {
  holderId: string;
  context: { projectId: string; lotId: string; bidderId: string; nonce: string };
  /** The bid's escrow with the caller's share only. */
  escrow: KeyEscrow;
  bidState: OpeningBidRow['state'];
  threshold: number;
  released: number;
  releasedByMe: boolean;
}

interface HolderBid {
  ctx: HallContext;
  bid: OpeningBidRow;
  escrow: KeyEscrow;
  context: RecoveryShareView['context'];
}

/**
 * The bid and its escrow, for a caller who is one of the bid's key holders; anyone else gets 404 (the hall is
 * public, but whether and for whom a bid's key is escrowed is nobody else's business).
 */
async function holderBid(s: Services, viewer: UserViewer, lotId: string, submissionId: string): Promise<HolderBid> {
  const ctx = await loadHall(s.db, viewer, lotId);
  const bid = bidOf(ctx, submissionId);
  const submission = await findSubmissionRow(s.db, submissionId);
  const escrow = submission?.envelope?.keyEscrow as KeyEscrow | undefined;
  if (!submission || !escrow?.shares.some((share) => share.holderId === viewer.userId)) {
    throw new AppError('NOT_FOUND');
  }
  const context = {
    projectId: submission.projectId,
    lotId: submission.lotId,
    bidderId: submission.organisationId,
    nonce: submission.nonce,
  };
  return { ctx, bid, escrow, context };
}

async function releasedShares(db: Services['db'] | Tx, submissionId: string) {
  return db
    .select()
    .from(keyRecoveryShares)
    .where(eq(keyRecoveryShares.submissionId, submissionId))
    .orderBy(asc(keyRecoveryShares.releasedAt));
}

export async function recoveryShareFor(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  submissionId: string,
): Promise<RecoveryShareView> {
  const { bid, escrow, context } = await holderBid(s, viewer, lotId, submissionId);
  const released = await releasedShares(s.db, submissionId);
  return {
    holderId: viewer.userId,
    context,
    escrow: { ...escrow, shares: escrow.shares.filter((share) => share.holderId === viewer.userId) },
    bidState: bid.state,
    threshold: escrow.threshold,
    released: released.length,
    releasedByMe: released.some((r) => r.holderUserId === viewer.userId),
  };
}

/** Recovery is possible while the hall decrypts, inside its window, for a bid still sealed. */
function assertRecoverable(hall: HallContext['hall'] | null, bid: OpeningBidRow | null, at: Date): void {
  if (!hall || !bid) throw new AppError('NOT_FOUND');
  const position = decryptionWindowPosition({ startedAt: hall.decryptionStartedAt, endsAt: hall.decryptionEndsAt }, at);
  if (hall.state === 'open' || position === 'not_started') throw new AppError('DECRYPTION_NOT_STARTED');
  if (hall.state !== 'decrypting' || position === 'ended') {
    throw new AppError('DECRYPTION_WINDOW_CLOSED', { endsAt: hall.decryptionEndsAt?.toISOString() ?? '' });
  }
  if (bid.state !== 'sealed') throw new AppError('OPENING_BID_NOT_SEALED', { state: bid.state });
}

export type RecoveryOutcome =
  { state: 'waiting'; released: number; threshold: number } | ({ released: number; threshold: number } & OpenResult);

/**
 * A key holder releases its opened share on the record (ADR 0015, 0016): the share must be this holder's share of
 * this bid (`checkEscrowShare`, else 422 and nothing changes). It is kept in `key_recovery_shares` with the event
 * `opening.recovery_share_released` (the reason, never the share). Once k holders have released, the key is
 * recombined and checked against the commitment, and the bid is opened like a key release (`via: 'recovery'`); the
 * transaction that records the opening deletes the shares. If the escrow turns out unusable (commitment or key
 * wrong: the bidder sealed a bad escrow) or the opening fails, the shares are deleted too, with
 * `opening.recovery_failed`: shares never outlive their use.
 */
export async function releaseRecoveryShare(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  submissionId: string,
  body: { share: string; reason: string },
): Promise<RecoveryOutcome> {
  const arrivedAt = s.clock.now();
  const { ctx, bid, escrow, context } = await holderBid(s, viewer, lotId, submissionId);
  assertRecoverable(ctx.hall, bid, arrivedAt);
  const share = fromHex(body.share);
  if (!(await checkEscrowShare({ escrow, holderId: viewer.userId, context, share }))) {
    throw new AppError('RECOVERY_SHARE_REFUSED', { reason: 'NOT_THIS_SHARE' });
  }
  const ref = { projectId: ctx.hall.projectId, lotId, submissionId, organisationId: bid.organisationId };
  const released = await s.db.transaction(async (tx) => {
    assertRecoverable(await lockHall(tx, lotId), await lockOpeningBid(tx, submissionId), arrivedAt);
    const rows = await releasedShares(tx, submissionId);
    if (rows.some((r) => r.holderUserId === viewer.userId)) throw new AppError('RECOVERY_SHARE_RELEASED');
    await tx.insert(keyRecoveryShares).values({
      submissionId,
      holderUserId: viewer.userId,
      share: body.share,
      reason: body.reason,
      releasedAt: arrivedAt,
    });
    const [holder] = await tx
      .select({ name: users.displayName, roleLabel: projectKeyHolders.roleLabel })
      .from(users)
      .leftJoin(
        projectKeyHolders,
        and(eq(projectKeyHolders.userId, users.id), eq(projectKeyHolders.projectId, ctx.hall.projectId)),
      )
      .where(eq(users.id, viewer.userId));
    await appendEvent(tx, s.clock, {
      type: 'opening.recovery_share_released',
      payload: {
        ...ref,
        holderUserId: viewer.userId,
        holderName: holder?.name ?? '',
        roleLabel: holder?.roleLabel ?? '',
        reason: body.reason,
        released: rows.length + 1,
        threshold: escrow.threshold,
      },
      actor: actorOf(viewer),
      subject: hallSubject(lotId),
      audience: { kind: 'public' },
    });
    return rows.length + 1;
  });
  share.fill(0);
  if (released < escrow.threshold) return { state: 'waiting', released, threshold: escrow.threshold };
  return { ...(await recoverAndOpen(s, viewer, ref, escrow, arrivedAt)), released, threshold: escrow.threshold };
}

async function recoverAndOpen(
  s: Services,
  viewer: UserViewer,
  ref: { projectId: string; lotId: string; submissionId: string; organisationId: string },
  escrow: KeyEscrow,
  arrivedAt: Date,
): Promise<OpenResult> {
  const rows = await releasedShares(s.db, ref.submissionId);
  const holders = rows.map((r) => r.holderUserId);
  const deleteShares = (tx: Tx) =>
    tx.delete(keyRecoveryShares).where(eq(keyRecoveryShares.submissionId, ref.submissionId));
  let contentKey: Uint8Array | null = null;
  try {
    contentKey = await recoverContentKey(
      escrow,
      rows.map((r) => fromHex(r.share)),
    ).catch(() => {
      throw new AppError('KEY_RECOVERY_FAILED');
    });
    return await openSubmissionWithKey(s, {
      lotId: ref.lotId,
      submissionId: ref.submissionId,
      contentKey,
      via: 'recovery',
      actor: actorOf(viewer),
      arrivedAt,
      // In the transaction that records the opening: the shares go, the recovery is on the record.
      afterRecord: async (tx) => {
        await deleteShares(tx);
        await appendEvent(tx, s.clock, {
          type: 'opening.bid_recovered',
          payload: { ...ref, holderUserIds: holders, threshold: escrow.threshold },
          actor: actorOf(viewer),
          subject: hallSubject(ref.lotId),
          audience: { kind: 'public' },
        });
      },
    });
  } catch (error) {
    // Another holder's request opened it first: nothing is wrong, and that opening deleted the shares.
    if (error instanceof AppError && error.code === 'OPENING_BID_NOT_SEALED') throw error;
    await s.db.transaction(async (tx) => {
      await deleteShares(tx);
      await appendEvent(tx, s.clock, {
        type: 'opening.recovery_failed',
        payload: { ...ref, reason: error instanceof AppError ? error.code : 'INTERNAL', threshold: escrow.threshold },
        actor: actorOf(viewer),
        subject: hallSubject(ref.lotId),
        audience: { kind: 'public' },
      });
    });
    throw error;
  } finally {
    contentKey?.fill(0);
  }
}
