import { createReadStream } from 'node:fs';
import { verifySealedBid, type SealedBidEnvelope } from '@zhengcai/seal';
import { AppError } from '../../platform/errors/app-error';
import { findUsableCertificates } from '../certificates/repo';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { HashingFileStore } from '../../platform/uploads/hashing-file-store';
import type { Services } from '../../services';
import { awaitMembers } from './await-members';
import { removeStaged } from './expire-upload';
import { issueReceipt } from './issue-receipt';
import { assertMayBid } from './policy';
import type { SignedReceipt } from './receipt';
import { consortiumMembers, recordBid } from './record-bid';
import { findSubmission, type SubmissionRow } from './repo';
import { submissionTransition } from './submission-transition';

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
 * issued (for a consortium: the composition too), the wrapped key hash and the signature with the bidder's usable
 * signing certificate. Then the ciphertext moves into the blob store and, in one transaction (the deadline checked
 * again by the server clock), a bid alone becomes the current `submitted` bid of this bidder for this lot, replacing
 * the previous one, and a receipt signed by the platform's service key is returned; a consortium bid waits for its
 * members' signatures (`awaiting_members`, ADR 0014).
 */
export async function completeSubmission(
  s: Services,
  store: HashingFileStore,
  viewer: UserViewer,
  id: string,
  envelope: SealedBidEnvelope,
): Promise<{ kind: 'receipt'; receipt: SignedReceipt } | { kind: 'awaiting'; row: SubmissionRow }> {
  const row = await ownSubmission(s, viewer, id);
  if (row.userId !== viewer.userId) throw new AppError('NOT_FOUND');
  submissionTransition(row.state, 'complete', 'BID_SUBMISSION_USED');
  const { certificates } = await assertMayBid(s.db, viewer, row, s.clock.now());
  if (row.encryptionCertificateId !== certificates.encryption.id) throw new AppError('CERTIFICATE_CHANGED');
  const digest = await uploadedDigest(store, id, envelope.statement?.ciphertextLength ?? 0);
  if (envelope.suite !== certificates.signing.suite) {
    throw new AppError('SEALED_BID_REJECTED', { reason: 'SUITE_MISMATCH' });
  }
  const issued = row.keyEscrowIssued;
  if (issued) {
    // The escrow was made for the holders' keys issued at start: refused if one of them changed since.
    for (const h of issued.holders) {
      const usable = await findUsableCertificates(s.db, h.holderId, s.clock.now());
      if (usable?.encryption.id !== h.certificateId) throw new AppError('KEY_ESCROW_CHANGED');
    }
  }
  const members = await consortiumMembers(s.db, id);
  const verification = await verifySealedBid({
    envelope,
    signerPublicKey: certificates.signing.publicKey,
    expectedContext: { projectId: row.projectId, lotId: row.lotId, bidderId: row.organisationId, nonce: row.nonce },
    expectedConsortium: members.length
      ? {
          members: members.map((m) => ({
            organisationId: m.organisationId,
            uscc: m.uscc,
            role: m.role,
            shareBasisPoints: m.shareBasisPoints,
          })),
        }
      : null,
    expectedKeyEscrow: issued
      ? {
          threshold: issued.threshold,
          holders: issued.holders.map(({ holderId, publicKey }) => ({ holderId, publicKey })),
        }
      : null,
    ciphertext: digest,
  });
  if (!verification.valid && verification.reason === 'KEY_ESCROW_MISMATCH') {
    s.log.info({ submissionId: id, reason: verification.reason }, 'sealed bid rejected');
    throw new AppError('KEY_ESCROW_MISMATCH');
  }
  if (!verification.valid) {
    s.log.info({ submissionId: id, reason: verification.reason }, 'sealed bid rejected');
    throw new AppError('SEALED_BID_REJECTED', { reason: verification.reason });
  }
  const blob = await s.blobs.put(createReadStream(store.pathOf(id)));
  const sealed = {
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
      ...(envelope.keyEscrow ? { keyEscrow: { ...envelope.keyEscrow } } : {}),
    },
    signingCertificateId: certificates.signing.id,
    encryptionCertificateId: certificates.encryption.id,
  };
  if (members.length) {
    const waiting = await awaitMembers(s, viewer, id, sealed);
    await removeStaged(store, id);
    return { kind: 'awaiting', row: waiting };
  }
  const recorded = await s.db.transaction((tx) =>
    recordBid(tx, s, { id, event: 'complete', actor: actorOf(viewer), set: sealed }),
  );
  const receipt = await issueReceipt(s, recorded);
  await removeStaged(store, id);
  return { kind: 'receipt', receipt };
}
