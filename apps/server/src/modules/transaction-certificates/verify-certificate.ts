import { AppError } from '../../platform/errors/app-error';
import type { Services } from '../../services';
import { awardSuspension, findCertificateByNumber, type CertificateRow } from './repo';
import { checkFactsSignature, type SignatureCheck } from './signature-check';

/** The registered certificate (unknown number: a bilingual 404) and its signature checked now. Anyone may ask. */
export async function verifyCertificate(
  s: Services,
  number: string,
): Promise<{ row: CertificateRow; check: SignatureCheck; suspension: { at: string; reason: string } | null }> {
  const row = await findCertificateByNumber(s.db, number);
  if (!row) throw new AppError('TRANSACTION_CERTIFICATE_NOT_FOUND', { number });
  const check = await checkFactsSignature(s, {
    suite: row.suite,
    facts: row.facts,
    factsHash: row.factsHash,
    signature: row.signature,
    keyId: row.keyId,
  });
  return { row, check, suspension: await awardSuspension(s.db, row.lotId) };
}
