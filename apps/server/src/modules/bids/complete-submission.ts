import { createReadStream } from 'node:fs';
import { verifySealedBid, type SealedBidEnvelope } from '@zhengcai/seal';
import { and, eq } from 'drizzle-orm';
import { bidSubmissions, projects } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { HashingFileStore } from '../../platform/uploads/hashing-file-store';
import type { Services } from '../../services';
import { removeStaged } from './expire-upload';
import { assertBeforeDeadline, assertMayBid } from './policy';
import { receiptBytes, receiptPayload, type SignedReceipt } from './receipt';
import { findSubmission, organisationName, type SubmissionRow } from './repo';

/** The caller's own submission (same organisation and the user who started it), else "not found". */
export async function ownSubmission(s: Services, viewer: UserViewer, id: string): Promise<SubmissionRow> {
  const row = await findSubmission(s.db, id);
  if (!row || row.organisationId !== viewer.organisationId) throw new AppError('NOT_FOUND');
  return row;
}

async function uploadedDigest(store: HashingFileStore, id: string, declared: number) {
  let offset = 0;
  let size: number | undefined;
  try {
    const upload = await store.getUpload(id);
    offset = upload.offset;
    size = upload.size;
  } catch {
    // nothing uploaded yet
  }
  const digest = size !== undefined && offset === size ? await store.digest(id) : null;
  if (!digest) throw new AppError('UPLOAD_INCOMPLETE', { received: offset, expected: size ?? declared });
  return digest;
}

/**
 * Completion: the browser sends the signed envelope after the ciphertext upload finished. The server checks, in
 * order: the submission is the caller's and still `uploading` (a used or lapsed nonce is refused: replay), the
 * bidder may still bid (active supplier, usable certificate — a revoked one is refused — and before the deadline),
 * the upload is complete, and the envelope verifies against the hash computed while receiving, the context it
 * issued, the wrapped key hash and the signature with the bidder's usable signing certificate. Then the ciphertext
 * moves into the blob store and, in one transaction (the deadline checked again by the server clock), the bid
 * becomes the current `submitted` bid of this bidder for this lot, replacing the previous one. A receipt signed
 * by the platform's service key is returned.
 */
export async function completeSubmission(
  s: Services,
  store: HashingFileStore,
  viewer: UserViewer,
  id: string,
  envelope: SealedBidEnvelope,
): Promise<SignedReceipt> {
  const row = await ownSubmission(s, viewer, id);
  if (row.userId !== viewer.userId) throw new AppError('NOT_FOUND');
  if (row.state !== 'uploading') throw new AppError('BID_SUBMISSION_USED', { state: row.state });
  const { project, lot, certificates } = await assertMayBid(s.db, viewer, row, s.clock.now());
  const digest = await uploadedDigest(store, id, envelope.statement?.ciphertextLength ?? 0);
  if (envelope.suite !== certificates.signing.suite) {
    throw new AppError('SEALED_BID_REJECTED', { reason: 'SUITE_MISMATCH' });
  }
  const verification = await verifySealedBid({
    envelope,
    signerPublicKey: certificates.signing.publicKey,
    expectedContext: { projectId: row.projectId, lotId: row.lotId, bidderId: row.organisationId, nonce: row.nonce },
    ciphertext: digest,
  });
  if (!verification.valid) {
    s.log.info({ submissionId: id, reason: verification.reason }, 'sealed bid rejected');
    throw new AppError('SEALED_BID_REJECTED', { reason: verification.reason });
  }
  const blob = await s.blobs.put(createReadStream(store.pathOf(id)));
  const bidderName = await organisationName(s.db, row.organisationId);

  const recorded = await s.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(bidSubmissions).where(eq(bidSubmissions.id, id)).for('update');
    if (locked?.state !== 'uploading') throw new AppError('BID_SUBMISSION_USED', { state: locked?.state ?? 'gone' });
    const [current] = await tx.select().from(projects).where(eq(projects.id, row.projectId));
    if (!current) throw new AppError('NOT_FOUND');
    const at = s.clock.now();
    assertBeforeDeadline(current, at);
    const [previous] = await tx
      .select()
      .from(bidSubmissions)
      .where(
        and(
          eq(bidSubmissions.lotId, row.lotId),
          eq(bidSubmissions.organisationId, row.organisationId),
          eq(bidSubmissions.state, 'submitted'),
        ),
      )
      .for('update');
    const ref = { projectId: row.projectId, lotId: row.lotId, organisationId: row.organisationId };
    if (previous) {
      await tx
        .update(bidSubmissions)
        .set({ state: 'replaced', replacedAt: at, replacedBySubmissionId: id })
        .where(eq(bidSubmissions.id, previous.id));
      await appendEvent(tx, s.clock, {
        type: 'bid.replaced',
        payload: { ...ref, submissionId: previous.id, replacedBySubmissionId: id },
        actor: actorOf(viewer),
        subject: { type: 'bid_submission', id: previous.id },
        audience: { kind: 'organisation', organisationId: row.organisationId },
      });
    }
    const [updated] = await tx
      .update(bidSubmissions)
      .set({
        state: 'submitted',
        submittedAt: at,
        receivedBytes: digest.length,
        ciphertextHashAlgorithm: envelope.statement.ciphertextHashAlgorithm,
        ciphertextHash: digest.hash,
        ciphertextLength: digest.length,
        blobKey: blob.hash,
        envelope: {
          suite: envelope.suite,
          statement: { ...envelope.statement },
          signature: envelope.signature,
          contentKeyWrapped: envelope.contentKeyWrapped,
          ciphertextHash: envelope.ciphertextHash,
        },
        signingCertificateId: certificates.signing.id,
        encryptionCertificateId: certificates.encryption.id,
      })
      .where(eq(bidSubmissions.id, id))
      .returning();
    if (!updated) throw new Error('update returned nothing');
    const { seq, chainHash } = await appendEvent(tx, s.clock, {
      type: 'bid.submitted',
      payload: {
        ...ref,
        submissionId: id,
        ciphertextHashAlgorithm: envelope.statement.ciphertextHashAlgorithm,
        ciphertextHash: digest.hash,
        ciphertextLength: digest.length,
        replacesSubmissionId: previous?.id ?? null,
      },
      actor: actorOf(viewer),
      subject: { type: 'bid_submission', id },
      audience: { kind: 'organisation', organisationId: row.organisationId },
    });
    return { updated, at, seq, chainHash, replaces: previous?.id ?? null };
  });

  const receipt = receiptPayload({
    row: recorded.updated,
    project,
    lot,
    bidderName,
    blobSha256: blob.hash,
    replacesSubmissionId: recorded.replaces,
    at: recorded.at,
    seq: recorded.seq,
    chainHash: recorded.chainHash,
  });
  const signed: SignedReceipt = { receipt, signature: await s.platformKeys.signAsService(receiptBytes(receipt)) };
  await s.db
    .update(bidSubmissions)
    .set({ receipt: signed as unknown as Record<string, unknown>, eventSeq: recorded.seq })
    .where(eq(bidSubmissions.id, id));
  await removeStaged(store, id);
  return signed;
}
