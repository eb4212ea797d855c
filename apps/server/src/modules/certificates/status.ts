import type { CertificateRow } from './repo';

export type CertificateStatus = 'valid' | 'revoked' | 'expired' | 'not_yet_valid';

/** A certificate's status at `at`: revocation first, then the validity period (notBefore inclusive, notAfter exclusive). */
export function certificateStatus(
  row: Pick<CertificateRow, 'revokedAt' | 'notBefore' | 'notAfter'>,
  at: Date,
): CertificateStatus {
  if (row.revokedAt && row.revokedAt <= at) return 'revoked';
  if (at < row.notBefore) return 'not_yet_valid';
  if (at >= row.notAfter) return 'expired';
  return 'valid';
}
