import { getSuite, verifyCertificate } from '@zhengcai/seal';
import type { Services } from '../../services';
import type { CertificateRow } from './repo';

/**
 * Defence in depth: a certificate row is trusted only if its PEM verifies against the platform CA's public key at
 * `at` and certifies the very public key the row names. A row written straight into the database (by someone with
 * database access but without the CA key) is thereby worthless. Call outside transactions (it reads the CA keys).
 */
export async function certificateRowIsGenuine(s: Services, row: CertificateRow, at: Date): Promise<boolean> {
  const { ca } = await s.platformKeys.get();
  const verified = await verifyCertificate(row.certificatePem, ca.keys.publicKey, at);
  return (
    verified.valid &&
    verified.certificate.publicKey === row.publicKey &&
    verified.certificate.serial === row.serial &&
    verified.certificate.usage === row.usage &&
    verified.certificate.subject?.userId === row.userId
  );
}

/** Verifies `signature` over `message` with a certificate row's public key, in the row's suite. */
export function verifyWithRow(row: CertificateRow, message: Uint8Array, signature: string): Promise<boolean> {
  return getSuite(row.suite).verify(row.publicKey, message, signature);
}
