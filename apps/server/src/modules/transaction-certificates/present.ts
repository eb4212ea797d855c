import type { z } from 'zod';
import { certificateFactsSchema } from './facts';
import type { CertificateRow } from './repo';
import type { SignatureCheck } from './signature-check';
import type { listItem, verificationView } from './schemas';
import { SUITE_SIGNATURE } from './facts';

export const pdfUrl = (number: string) => `/api/verify/certificates/${encodeURIComponent(number)}/pdf`;
export const statusOf = (row: CertificateRow) => (row.revokedAt ? ('revoked' as const) : ('valid' as const));

/** The public verification answer: the registered facts, and the signature as checked just now. */
export function presentVerification(
  row: CertificateRow,
  check: SignatureCheck,
  suspension: { at: string; reason: string } | null,
): z.infer<typeof verificationView> {
  const facts = certificateFactsSchema.safeParse(row.facts);
  return {
    number: row.number,
    status: statusOf(row),
    suspension,
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revocationReason: row.revocationReason,
    facts: facts.success ? facts.data : null,
    factsHash: { algorithm: row.factsHashAlgorithm, value: row.factsHash },
    signature: {
      suite: row.suite,
      algorithm: SUITE_SIGNATURE[row.suite],
      value: row.signature,
      keyFingerprint: row.keyId,
      valid: check.valid && facts.success,
      hashMatches: check.hashMatches,
      keyKnown: check.keyKnown,
    },
    pdf: { sha256: row.pdfSha256, size: row.pdfSize, url: pdfUrl(row.number) },
    verifyUrl: facts.success ? facts.data.verifyUrl : '',
  };
}

export function presentListItem(row: CertificateRow): z.infer<typeof listItem> {
  const parsed = certificateFactsSchema.safeParse(row.facts);
  const f = parsed.success ? parsed.data : null;
  return {
    number: row.number,
    projectCode: f?.project.code ?? '',
    projectTitle: f?.project.title ?? '',
    lotNumber: f?.lot.number ?? 0,
    lotTitle: f?.lot.title ?? '',
    winnerName: f?.winner.name ?? '',
    contractAmountFen: f?.contractAmount.fen ?? 0,
    issuedAt: row.issuedAt.toISOString(),
    status: statusOf(row),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    verifyUrl: f?.verifyUrl ?? '',
  };
}
