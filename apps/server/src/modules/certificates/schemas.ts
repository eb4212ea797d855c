import { ROLES } from '@zhengcai/domain';
import { z } from 'zod';

const hex = (length: number, what: { zh: string; en: string }) =>
  z
    .string()
    .max(length + 2)
    .refine((v) => v.length === length && /^[0-9a-f]+$/.test(v), { params: what });

/** A public key in the suites' format: 04 ‖ X ‖ Y, 130 lower-case hex digits (packages/seal suite.ts). */
export const publicKeySchema = hex(130, {
  zh: '公钥须为 130 位小写十六进制（04 开头的非压缩点）',
  en: 'A public key is 130 lower-case hex digits (an uncompressed point starting 04)',
});
/** A signature r ‖ s: 128 lower-case hex digits. */
export const signatureSchema = hex(128, {
  zh: '签名须为 128 位小写十六进制',
  en: 'A signature is 128 lower-case hex digits',
});
export const serialSchema = z
  .string()
  .max(42)
  .refine((v) => /^[0-9a-f]{1,40}$/.test(v), {
    params: { zh: '序列号须为 1–40 位小写十六进制', en: 'A serial number is 1–40 lower-case hex digits' },
  });
export const fingerprintSchema = hex(64, {
  zh: '指纹须为 64 位小写十六进制',
  en: 'A fingerprint is 64 lower-case hex digits',
});

export const suiteSchema = z.enum(['gm', 'intl']);
export const statusSchema = z.enum(['valid', 'revoked', 'expired', 'not_yet_valid']);

/** Why a bundle is revoked (RFC 5280 §5.3.1 reasons, plus a lost key). Holders choose from the first three. */
export const REVOCATION_REASONS = [
  'key_lost',
  'key_compromise',
  'superseded',
  'affiliation_changed',
  'cessation_of_operation',
] as const;
export const HOLDER_REASONS: readonly (typeof REVOCATION_REASONS)[number][] = [
  'key_lost',
  'key_compromise',
  'superseded',
];
export const revocationReasonSchema = z.enum(REVOCATION_REASONS);

export const challengeView = z.object({
  challengeId: z.string().uuid(),
  challenge: z.object({
    type: z.literal('zhengcai-login-challenge'),
    version: z.literal(1),
    nonce: z.string(),
    serverTime: z.string(),
    origin: z.string(),
  }),
  expiresAt: z.string(),
  /** The platform's algorithm suite: the browser generates keys and signs with it. */
  suite: suiteSchema,
});

export const enrolBody = z.object({
  challengeId: z.string().uuid(),
  signingPublicKey: publicKeySchema,
  encryptionPublicKey: publicKeySchema,
  /** The enrolment challenge signed with the new signing key (proof of possession). */
  signature: signatureSchema,
  /** Revoke my other unrevoked bundles as superseded (default: keep them). */
  revokePrevious: z.boolean().optional(),
});

export const certificateView = z.object({
  id: z.string().uuid(),
  usage: z.enum(['signing', 'encryption']),
  serial: z.string(),
  fingerprint: z.string(),
  subject: z.string(),
  publicKey: z.string(),
});

export const bundleView = z.object({
  bundleId: z.string().uuid(),
  suite: suiteSchema,
  status: statusSchema,
  /** The bundle login, sealing and signature checks use now (the newest usable one). */
  current: z.boolean(),
  issuedAt: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  signing: certificateView,
  encryption: certificateView,
  holder: z.object({
    userId: z.string().uuid(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    organisationName: z.string().nullable(),
  }),
  abilities: z.object({ revoke: z.boolean() }),
});

export const revokeBody = z.object({
  reason: revocationReasonSchema,
  note: z.string().trim().max(500).optional(),
});

export const statusQuery = z
  .object({ serial: serialSchema.optional(), fingerprint: fingerprintSchema.optional() })
  .refine((q) => (q.serial === undefined) !== (q.fingerprint === undefined), {
    params: { zh: '请给出序列号或指纹之一', en: 'Give either a serial number or a fingerprint' },
  });

export const statusView = z.object({
  serial: z.string(),
  fingerprint: z.string(),
  suite: suiteSchema,
  usage: z.enum(['signing', 'encryption']),
  status: statusSchema,
  notBefore: z.string(),
  notAfter: z.string(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  checkedAt: z.string(),
});

export const pemView = z.object({ fileName: z.string(), pem: z.string(), serial: z.string(), fingerprint: z.string() });

export const caView = z.object({
  name: z.string(),
  suite: suiteSchema,
  serial: z.string(),
  fingerprint: z.string(),
  pem: z.string(),
});

export const revocationListView = z.object({
  type: z.literal('zhengcai-revocation-list'),
  version: z.literal(1),
  issuer: z.string(),
  issuerFingerprint: z.string(),
  suite: suiteSchema,
  thisUpdate: z.string(),
  entries: z.array(z.object({ serial: z.string(), revokedAt: z.string(), reason: z.string() })),
  /** The CA's signature (suite) over the canonical JSON (RFC 8785) of every other field. */
  signature: z.string(),
});

export const certificateLoginBody = z
  .object({
    challengeId: z.string().uuid(),
    signature: signatureSchema,
    /** The signing certificate, by serial, by fingerprint, or by its public key (a key file knows only that). */
    serial: serialSchema.optional(),
    fingerprint: fingerprintSchema.optional(),
    publicKey: publicKeySchema.optional(),
  })
  .refine((b) => [b.serial, b.fingerprint, b.publicKey].filter((v) => v !== undefined).length === 1, {
    params: {
      zh: '请给出证书的序列号、指纹或公钥之一',
      en: "Give one of the certificate's serial number, fingerprint or public key",
    },
  });
