import type { Services } from '../../services';
import { certificateRowIsGenuine, verifyWithRow } from './certificate-check';
import { findUsableCertificates, type CertificateRow } from './repo';

export type UserSignatureCheck =
  | { valid: true; certificate: CertificateRow }
  | { valid: false; reason: 'NO_USABLE_CERTIFICATE' | 'CERTIFICATE_NOT_GENUINE' | 'BAD_SIGNATURE' };

/**
 * Server-side signature verification for other modules (C2): did `userId` sign `message` with the signing key of
 * their usable certificate at `at`?
 *
 * - The certificate is the user's current usable signing certificate (findUsableCertificates: unrevoked, inside its
 *   validity, newest bundle), so a revoked or expired certificate never verifies anything.
 * - Its PEM must verify against the platform CA (a row written straight into the database does not count).
 * - `signature` is the suite's r ‖ s in hex (packages/seal: SM2-with-SM3 with the default user id, or ECDSA P-256
 *   with SHA-256); `message` is the exact bytes that were signed — sign a canonical encoding with a `type` field
 *   (packages/seal canonicalBytes) so one kind of statement can never pass for another.
 *
 * Returns the certificate used (record its serial/fingerprint beside what was signed). Never throws for bad input.
 * Reads the database and the CA keys: call it OUTSIDE a transaction (PGlite has one connection), then act on the
 * result inside one. Example (bids):
 *
 *   const check = await verifyUserSignature(s, viewer.userId, canonicalBytes(statement), body.signature, s.clock.now());
 *   if (!check.valid) throw new AppError('SIGNATURE_INVALID');
 */
export async function verifyUserSignature(
  s: Services,
  userId: string,
  message: Uint8Array,
  signature: string,
  at: Date,
): Promise<UserSignatureCheck> {
  const usable = await findUsableCertificates(s.db, userId, at);
  if (!usable) return { valid: false, reason: 'NO_USABLE_CERTIFICATE' };
  if (!(await certificateRowIsGenuine(s, usable.signing, at))) {
    return { valid: false, reason: 'CERTIFICATE_NOT_GENUINE' };
  }
  if (!(await verifyWithRow(usable.signing, message, signature))) return { valid: false, reason: 'BAD_SIGNATURE' };
  return { valid: true, certificate: usable.signing };
}
