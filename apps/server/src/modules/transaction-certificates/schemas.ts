import { z } from 'zod';
import { CERTIFICATE_NUMBER, certificateFactsSchema } from './facts';

/** Largest PDF a visitor may upload to check a copy: a certificate is well under 1 MiB. */
export const MAX_CHECK_BYTES = 5 * 1024 * 1024;

/** A certificate number as printed (JYZM-2026-000123); lower case is accepted and read as upper case. */
export const certificateNumberSchema = z
  .string()
  .max(40)
  .refine((v) => CERTIFICATE_NUMBER.test(v.toUpperCase()), {
    params: {
      zh: '证明书编号格式应为 JYZM-年份-六位以上流水号，如 JYZM-2026-000123',
      en: 'A certificate number looks like JYZM-2026-000123 (year, then a running number of at least six digits)',
    },
  })
  .transform((v) => v.toUpperCase());

export const numberParams = z.object({ number: certificateNumberSchema });

const STATUS = z.enum(['valid', 'revoked']);
const text = z.object({ zh: z.string(), en: z.string() });

export const verificationView = z
  .object({
    number: z.string(),
    /** `revoked`: the centre withdrew it (the reason is given); the facts stay as issued. */
    status: STATUS,
    /** The award suspended while a challenge is pending (C14): the certificate stands, the award is on hold. */
    suspension: z.object({ at: z.string(), reason: z.string() }).nullable(),
    issuedAt: z.string(),
    revokedAt: z.string().nullable(),
    revocationReason: z.string().nullable(),
    /** The registered facts; null only if the stored row no longer reads as facts (then `signature.valid` is false). */
    facts: certificateFactsSchema.nullable(),
    factsHash: z.object({ algorithm: z.enum(['SM3', 'SHA-256']), value: z.string() }),
    signature: z.object({
      suite: z.enum(['gm', 'intl']),
      algorithm: z.enum(['SM2-with-SM3', 'ECDSA-P256-SHA256']),
      value: z.string(),
      keyFingerprint: z.string(),
      /** Verified now, on the server, with the platform's public key over the registered facts' hash. */
      valid: z.boolean(),
      hashMatches: z.boolean(),
      keyKnown: z.boolean(),
    }),
    pdf: z.object({ sha256: z.string(), size: z.number().int(), url: z.string() }),
    verifyUrl: z.string(),
  })
  .meta({ id: 'TransactionCertificateVerification' });

export const EMBEDDED_PROOF_STATES = [
  'valid',
  'signature_invalid',
  'other_certificate',
  'facts_differ',
  'missing',
  'malformed',
  'not_pdf',
] as const;

export const checkView = z
  .object({
    number: z.string(),
    /** The file is the platform's original of this certificate: unchanged, and its embedded proof verifies. */
    genuine: z.boolean(),
    /** The file's SHA-256 equals the registered PDF's: not a byte changed. */
    unchanged: z.boolean(),
    sha256: z.string(),
    registeredSha256: z.string(),
    embeddedProof: z.enum(EMBEDDED_PROOF_STATES),
    status: STATUS,
    reasons: z.array(z.object({ code: z.string(), ok: z.boolean(), message: text })),
  })
  .meta({ id: 'TransactionCertificateCheck' });

export const revokeBody = z.object({
  reason: z
    .string()
    .trim()
    .min(4)
    .max(500)
    .meta({ description: '撤销原因（公示） / Reason, shown on the public verification page' }),
});

export const listItem = z.object({
  number: z.string(),
  projectCode: z.string(),
  projectTitle: z.string(),
  lotNumber: z.number().int(),
  lotTitle: z.string(),
  winnerName: z.string(),
  contractAmountFen: z.number().int(),
  issuedAt: z.string(),
  status: STATUS,
  revokedAt: z.string().nullable(),
  verifyUrl: z.string(),
});

export const listView = z.object({ items: z.array(listItem) }).meta({ id: 'TransactionCertificateList' });
