import { decryptionWindowPosition, nextState, OPENING_BID_TRANSITIONS } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { certificates, openingBids } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent, type Actor } from '../../platform/events/append-event';
import type { Services } from '../../services';
import { decryptBid, type Decryption, type SealedInput } from './decrypt-bid';
import { hallSubject } from './open-hall';
import { readOutOfSheet } from './present-hall';
import {
  findHall,
  findOpeningBid,
  findSubmissionRow,
  lockHall,
  lockOpeningBid,
  nextReadOutSeq,
  organisationNames,
  type HallRow,
  type OpeningBidRow,
} from './repo';

export interface OpenWithKeyInput {
  lotId: string;
  submissionId: string;
  /** The bid's content key (released by the bidder, or recombined from escrow shares). Never stored or logged. */
  contentKey: Uint8Array;
  via: 'bidder' | 'recovery';
  actor: Actor;
  /** When the key reached the server: the window is judged at this instant, not after decryption. */
  arrivedAt: Date;
  /** Runs in the transaction that records the opening (emergency recovery deletes the released shares there). */
  afterRecord?: (tx: Tx) => Promise<void>;
}

export type OpenResult = { state: 'decrypted'; readOutSeq: number } | { state: 'invalid'; reason: string };

/** The hall must be decrypting and `arrivedAt` inside its window; the bid must be sealed. */
function assertOpenable(hall: HallRow | null, bid: OpeningBidRow | null, arrivedAt: Date): void {
  if (!hall || !bid || bid.lotId !== hall.lotId) throw new AppError('NOT_FOUND');
  const position = decryptionWindowPosition(
    { startedAt: hall.decryptionStartedAt, endsAt: hall.decryptionEndsAt },
    arrivedAt,
  );
  if (hall.state === 'open' || position === 'not_started') throw new AppError('DECRYPTION_NOT_STARTED');
  if (hall.state !== 'decrypting' || position === 'ended') {
    throw new AppError('DECRYPTION_WINDOW_CLOSED', { endsAt: hall.decryptionEndsAt?.toISOString() ?? '' });
  }
  if (!nextState(OPENING_BID_TRANSITIONS, bid.state, 'decrypt')) {
    throw new AppError('OPENING_BID_NOT_SEALED', { state: bid.state });
  }
}

/**
 * Opens one sealed bid with its content key — the key release (`via: 'bidder'`) and emergency recovery
 * (`via: 'recovery'`, ADR 0015) both end here. Decryption runs outside any transaction (decrypt-bid.ts); then one
 * transaction re-reads the hall and the bid `FOR UPDATE`, re-checks the window at the instant the key arrived, and
 * records: `decrypted` with the price sheet and the plaintext files' blobs and the read-out event, or `invalid`
 * with the reason when the ciphertext or its signature no longer verify. A wrong key answers 422 CONTENT_KEY_WRONG
 * and changes nothing.
 */
export async function openSubmissionWithKey(s: Services, input: OpenWithKeyInput): Promise<OpenResult> {
  assertOpenable(await findHall(s.db, input.lotId), await findOpeningBid(s.db, input.submissionId), input.arrivedAt);
  const submission = await findSubmissionRow(s.db, input.submissionId);
  if (!submission?.envelope || !submission.blobKey || !submission.signingCertificateId) throw new AppError('NOT_FOUND');
  const [signer] = await s.db
    .select({ publicKey: certificates.publicKey })
    .from(certificates)
    .where(eq(certificates.id, submission.signingCertificateId));
  if (!signer) throw new AppError('NOT_FOUND');
  const receipt = submission.receipt as { receipt?: { ciphertext?: { hash?: string } } } | null;
  const sealed: SealedInput = {
    lotId: submission.lotId,
    projectId: submission.projectId,
    organisationId: submission.organisationId,
    nonce: submission.nonce,
    envelope: submission.envelope,
    blobKey: submission.blobKey,
    receiptCiphertextHash: receipt?.receipt?.ciphertext?.hash ?? submission.ciphertextHash ?? '',
    signerPublicKey: signer.publicKey,
  };
  // The window was judged at the key's arrival (above, and again when recording): waiting for a slot cannot lose it.
  const native = s.crypto.primitives(submission.suite);
  const decryption = await s.crypto.withSlot(() => decryptBid(s.blobs, sealed, input.contentKey, native));
  if (decryption.kind === 'wrong_key') throw new AppError('CONTENT_KEY_WRONG');
  return s.db.transaction((tx) => recordOpening(tx, s, input, decryption));
}

async function recordOpening(
  tx: Tx,
  s: Services,
  input: OpenWithKeyInput,
  decryption: Exclude<Decryption, { kind: 'wrong_key' }>,
): Promise<OpenResult> {
  const hall = await lockHall(tx, input.lotId);
  const bid = await lockOpeningBid(tx, input.submissionId);
  assertOpenable(hall, bid, input.arrivedAt);
  if (!hall || !bid) throw new AppError('NOT_FOUND');
  const now = s.clock.now();
  const ref = {
    projectId: hall.projectId,
    lotId: hall.lotId,
    submissionId: bid.submissionId,
    organisationId: bid.organisationId,
  };
  const bidderName = (await organisationNames(tx, [bid.organisationId])).get(bid.organisationId) ?? '';
  await appendEvent(tx, s.clock, {
    type: 'opening.key_released',
    payload: { ...ref, via: input.via },
    actor: input.actor,
    subject: hallSubject(hall.lotId),
    audience: { kind: 'public' },
  });
  if (decryption.kind === 'invalid') {
    await tx
      .update(openingBids)
      .set({ state: 'invalid', invalidReason: decryption.reason, openedVia: input.via })
      .where(eq(openingBids.submissionId, bid.submissionId));
    await appendEvent(tx, s.clock, {
      type: 'opening.bid_invalid',
      payload: { ...ref, bidderName, reason: decryption.reason },
      actor: input.actor,
      subject: hallSubject(hall.lotId),
      audience: { kind: 'public' },
    });
    await input.afterRecord?.(tx);
    return { state: 'invalid', reason: decryption.reason };
  }
  const readOutSeq = await nextReadOutSeq(tx, hall.lotId);
  const sheet = decryption.priceSheet;
  await tx
    .update(openingBids)
    .set({
      state: 'decrypted',
      openedVia: input.via,
      priceSheet: sheet,
      files: decryption.files,
      decryptedAt: now,
      readOutSeq,
    })
    .where(eq(openingBids.submissionId, bid.submissionId));
  await appendEvent(tx, s.clock, {
    type: 'opening.bid_decrypted',
    payload: {
      ...ref,
      bidderName,
      readOutSeq,
      via: input.via,
      ...readOutOfSheet(sheet),
    },
    actor: input.actor,
    subject: hallSubject(hall.lotId),
    audience: { kind: 'public' },
  });
  await input.afterRecord?.(tx);
  return { state: 'decrypted', readOutSeq };
}
