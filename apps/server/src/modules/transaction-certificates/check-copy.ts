import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Services } from '../../services';
import { extractProof } from './embedded-proof';
import { statusOf } from './present';
import type { checkView, EMBEDDED_PROOF_STATES } from './schemas';
import { checkFactsSignature } from './signature-check';
import { verifyCertificate } from './verify-certificate';

type Reason = z.infer<typeof checkView>['reasons'][number];
type ProofState = (typeof EMBEDDED_PROOF_STATES)[number];

const reason = (code: string, ok: boolean, zh: string, en: string): Reason => ({ code, ok, message: { zh, en } });

const PROOF_REASONS: Record<ProofState, (number: string) => Reason> = {
  valid: () =>
    reason(
      'PROOF_VALID',
      true,
      '文件内嵌的事实数据与平台签名验证通过，且与平台登记的内容一致',
      'The facts and platform signature embedded in the file verify and match what the platform registered',
    ),
  signature_invalid: () =>
    reason(
      'PROOF_SIGNATURE_INVALID',
      false,
      '文件内嵌的事实数据与平台签名不符：内容已被篡改，或签名不是平台所签',
      'The facts embedded in the file do not match the platform signature: they were altered, or not signed by the platform',
    ),
  other_certificate: (number) =>
    reason(
      'PROOF_OTHER_CERTIFICATE',
      false,
      `文件内嵌的是另一份证明书的数据，不是 ${number}`,
      `The file carries the data of another certificate, not ${number}`,
    ),
  facts_differ: () =>
    reason(
      'PROOF_FACTS_DIFFER',
      false,
      '文件内嵌的事实数据与平台登记的不一致',
      'The facts embedded in the file differ from those the platform registered',
    ),
  missing: () =>
    reason(
      'PROOF_MISSING',
      false,
      '文件中没有平台签发的证明数据：不是本平台签发的交易证明书',
      'The file carries no proof from the platform: it is not a transaction certificate issued here',
    ),
  malformed: () =>
    reason(
      'PROOF_MALFORMED',
      false,
      '文件中的证明数据无法读取（格式错误或已损坏）',
      'The proof in the file cannot be read (malformed or damaged)',
    ),
  not_pdf: () =>
    reason(
      'NOT_A_PDF',
      false,
      '上传的文件不是可读取的 PDF（可能已损坏或被改动）',
      'The uploaded file is not a readable PDF (it may be damaged or altered)',
    ),
};

/** What the embedded proof says about this certificate, checked with the platform's public key. */
async function judgeProof(
  s: Services,
  bytes: Uint8Array,
  registered: { number: string; factsHash: string },
): Promise<ProofState> {
  const extracted = await extractProof(bytes);
  if (extracted.kind !== 'found') return extracted.kind;
  const { proof, rawFacts } = extracted;
  const check = await checkFactsSignature(s, {
    suite: proof.signature.suite,
    facts: rawFacts,
    factsHash: proof.factsHash.value,
    signature: proof.signature.value,
    keyId: proof.signature.keyFingerprint,
  });
  if (!check.valid) return 'signature_invalid';
  if (proof.facts.number !== registered.number) return 'other_certificate';
  if (proof.factsHash.value !== registered.factsHash) return 'facts_differ';
  return 'valid';
}

/**
 * Checks a copy of a certificate that a visitor uploads (ADR 0020). `unchanged`: its SHA-256 equals the registered
 * PDF's. `genuine`: unchanged, its embedded proof verifies with the platform's public key and is this certificate's,
 * and the registered record itself still verifies. A copy with one byte changed is not genuine even if its embedded
 * proof survived, because the visible text is what people read. Revocation does not make a copy less genuine; it
 * is reported as the status.
 */
export async function checkCopy(s: Services, number: string, bytes: Uint8Array): Promise<z.infer<typeof checkView>> {
  const { row, check } = await verifyCertificate(s, number);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const unchanged = sha256 === row.pdfSha256;
  const proof = await judgeProof(s, bytes, row);
  const reasons: Reason[] = [
    unchanged
      ? reason(
          'SHA256_MATCHES',
          true,
          '文件的 SHA-256 摘要与平台登记的一致：文件未被修改',
          'The file’s SHA-256 equals the registered one: the file was not changed',
        )
      : reason(
          'SHA256_DIFFERS',
          false,
          `文件的 SHA-256 摘要（${sha256.slice(0, 16)}…）与平台登记的（${row.pdfSha256.slice(0, 16)}…）不一致：文件已被篡改，或不是平台签发的原件`,
          `The file’s SHA-256 (${sha256.slice(0, 16)}…) differs from the registered one (${row.pdfSha256.slice(0, 16)}…): the file was altered, or is not the platform’s original`,
        ),
    PROOF_REASONS[proof](number),
  ];
  if (!check.valid) {
    reasons.push(
      reason(
        'REGISTRATION_INVALID',
        false,
        '平台登记的证明书记录未通过签名核验，请联系交易中心',
        'The platform’s registered record fails its signature check; contact the trading centre',
      ),
    );
  }
  if (row.revokedAt) {
    const at = row.revokedAt.toISOString();
    reasons.push(
      reason(
        'REVOKED',
        false,
        `该证明书已于 ${at} 撤销：${row.revocationReason ?? ''}`,
        `This certificate was revoked at ${at}: ${row.revocationReason ?? ''}`,
      ),
    );
  }
  return {
    number: row.number,
    genuine: unchanged && proof === 'valid' && check.valid,
    unchanged,
    sha256,
    registeredSha256: row.pdfSha256,
    embeddedProof: proof,
    status: statusOf(row),
    reasons,
  };
}
