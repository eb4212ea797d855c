import { eq } from 'drizzle-orm';
import { bidSubmissions } from '../../db/schema';
import type { Services } from '../../services';
import type { recordBid } from './record-bid';
import { receiptBytes, receiptPayload, type SignedReceipt } from './receipt';
import { findProjectAndLot, organisationName } from './repo';

/**
 * After the recording transaction: the receipt (回执) — project, lot, bidder (and for a consortium every party with
 * role, share and signing time), ciphertext, server time and ledger position — signed with the platform's service key
 * and stored on the submission (ADR 0013).
 */
export async function issueReceipt(
  s: Services,
  recorded: Awaited<ReturnType<typeof recordBid>>,
): Promise<SignedReceipt> {
  const row = recorded.updated;
  const found = await findProjectAndLot(s.db, row.projectId, row.lotId);
  if (!found || !row.blobKey) throw new Error('receipt for a submission without project, lot or blob');
  const receipt = receiptPayload({
    row,
    project: found.project,
    lot: found.lot,
    bidderName: await organisationName(s.db, row.organisationId),
    members: recorded.members,
    blobSha256: row.blobKey,
    replacesSubmissionId: recorded.replaces,
    at: recorded.at,
    seq: recorded.seq,
    chainHash: recorded.chainHash,
  });
  const signed: SignedReceipt = { receipt, signature: await s.platformKeys.signAsService(receiptBytes(receipt)) };
  await s.db
    .update(bidSubmissions)
    .set({ receipt: signed as unknown as Record<string, unknown>, eventSeq: recorded.seq })
    .where(eq(bidSubmissions.id, row.id));
  return signed;
}
