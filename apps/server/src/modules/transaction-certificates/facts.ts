import { PROCUREMENT_METHOD_CODES, beijingDateOf } from '@zhengcai/domain';
import { canonicalBytes, getSuite, toHex, type Suite } from '@zhengcai/seal';
import { z } from 'zod';

/**
 * The facts a transaction certificate (交易证明书) attests, as one JSON document (ADR 0020). The platform signs the
 * suite hash (SM3 or SHA-256) of its RFC 8785 canonical form; the PDF shows the same facts and carries the JSON and
 * the signature inside it. Adding a fact means a new `version`: a signed version 1 never changes meaning.
 */
export const CERTIFICATE_FACTS_TYPE = 'zhengcai-transaction-certificate';
export const CERTIFICATE_PROOF_TYPE = 'zhengcai-transaction-certificate-proof';

/** JYZM-2026-000123: 交易证明, the Beijing year of issue, the running number (at least six digits). */
export const CERTIFICATE_NUMBER = /^JYZM-\d{4}-\d{6,9}$/;

export function certificateNumber(issuedAt: Date, running: number): string {
  return `JYZM-${beijingDateOf(issuedAt).slice(0, 4)}-${String(running).padStart(6, '0')}`;
}

const organisationFact = z.object({
  organisationId: z.string().uuid(),
  name: z.string(),
  /** 统一社会信用代码; null for an organisation registered without one. */
  uscc: z.string().nullable(),
});

export const certificateFactsSchema = z
  .object({
    type: z.literal(CERTIFICATE_FACTS_TYPE),
    version: z.literal(1),
    number: z.string().regex(CERTIFICATE_NUMBER),
    project: z.object({
      id: z.string().uuid(),
      code: z.string(),
      title: z.string(),
      method: z.enum(PROCUREMENT_METHOD_CODES),
      methodName: z.object({ zh: z.string(), en: z.string() }),
    }),
    lot: z.object({ id: z.string().uuid(), number: z.number().int().positive(), title: z.string() }),
    purchaser: organisationFact,
    agency: organisationFact.nullable(),
    winner: organisationFact,
    contractAmount: z.object({
      currency: z.literal('CNY'),
      fen: z.number().int().positive(),
      /** 1,234,567.89 (yuan). */
      figures: z.string(),
      /** 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分. */
      capital: z.string(),
    }),
    /** 投标截止时间 = 开标时间, ISO 8601 UTC. */
    bidDeadline: z.string().nullable(),
    /** The result notice (中标/成交结果公告) and when it was published, when the award flow gives it. */
    resultNotice: z.object({ id: z.string().uuid(), publishedAt: z.string() }).nullable(),
    /** The trading centre that issues the certificate (its seal is on the PDF). */
    issuer: organisationFact,
    /** Server time of issue, ISO 8601 UTC. */
    issuedAt: z.string(),
    /** The event ledger's head the platform saw at issue; the certificate's own event comes after it. */
    ledger: z.object({ size: z.number().int().nonnegative(), chainHash: z.string() }),
    /** Where anyone can check the certificate (the QR code). */
    verifyUrl: z.string(),
  })
  .meta({ id: 'TransactionCertificateFacts' });

export type CertificateFacts = z.infer<typeof certificateFactsSchema>;

export const SUITE_HASH = { gm: 'SM3', intl: 'SHA-256' } as const satisfies Record<Suite, string>;
export const SUITE_SIGNATURE = { gm: 'SM2-with-SM3', intl: 'ECDSA-P256-SHA256' } as const satisfies Record<
  Suite,
  string
>;

/** The suite hash of the facts' canonical JSON, hex: what the platform signs (as 32 bytes). */
export async function factsHash(suite: Suite, facts: CertificateFacts): Promise<string> {
  return toHex(await getSuite(suite).hash(canonicalBytes(facts)));
}

/** What the PDF carries inside it so that a copy proves itself: the facts, their hash, the signature and the key. */
export const certificateProofSchema = z.object({
  type: z.literal(CERTIFICATE_PROOF_TYPE),
  version: z.literal(1),
  facts: certificateFactsSchema,
  factsHash: z.object({ algorithm: z.enum(['SM3', 'SHA-256']), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  signature: z.object({
    suite: z.enum(['gm', 'intl']),
    algorithm: z.enum(['SM2-with-SM3', 'ECDSA-P256-SHA256']),
    /** r‖s, hex, over the 32 bytes of `factsHash.value`. */
    value: z.string().regex(/^[0-9a-f]+$/),
    /** Fingerprint of the platform service certificate (suite hash of its DER). */
    keyFingerprint: z.string(),
    certificatePem: z.string(),
  }),
});

export type CertificateProof = z.infer<typeof certificateProofSchema>;
