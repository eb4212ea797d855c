import { canonicalBytes } from '@zhengcai/seal';
import type { Services } from '../../services';
import { receiptBytes, type SignedReceipt } from './receipt';
import { findSubmission } from './repo';

/**
 * Anyone may check a receipt: the platform's signature over its canonical JSON, and whether it matches the bid the
 * platform holds (same submission, bidder, lot, ciphertext hash and ledger position). The answer reveals nothing the
 * receipt does not already say, except the bid's current state.
 */
export async function verifyReceipt(s: Services, signed: SignedReceipt) {
  const set = await s.platformKeys.get();
  const signatureValid =
    signed.signature.suite === set.suite &&
    signed.signature.certificateFingerprint === set.service.certificate.fingerprint &&
    (await s.platformKeys.verifyServiceSignature(receiptBytes(signed.receipt), signed.signature.signature));
  const row = signatureValid ? await findSubmission(s.db, signed.receipt.submissionId) : null;
  const stored = row?.receipt as SignedReceipt | null | undefined;
  const matches =
    !!stored &&
    Buffer.from(canonicalBytes(stored.receipt)).equals(Buffer.from(receiptBytes(signed.receipt))) &&
    stored.signature.signature === signed.signature.signature;
  return { signatureValid, matchesStoredBid: matches, state: matches && row ? row.state : null };
}
