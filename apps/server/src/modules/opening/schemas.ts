import { HALL_STATES, INVALID_BID_REASONS, OPENING_BID_STATES } from '@zhengcai/domain';
import { z } from 'zod';

export const lotParams = z.object({ lotId: z.string().uuid() });
export const bidParams = z.object({ lotId: z.string().uuid(), submissionId: z.string().uuid() });

const hexSignature = z
  .string()
  .regex(/^[0-9a-f]{128}$/i, 'r ‖ s in hex (128 hex digits)')
  .transform((v) => v.toLowerCase());

export const signatureBody = z.object({ signature: hexSignature });

/** A content key: 16 bytes (SM4) or 32 bytes (AES-256), hex. */
export const keyBody = z.object({
  contentKey: z.string().regex(/^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{64})$/, '32 or 64 hex digits'),
});

export const confirmBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('confirm') }),
  z.object({ decision: z.literal('object'), text: z.string().trim().min(2).max(2000) }),
]);

export const answerBody = z.object({ text: z.string().trim().min(2).max(2000) });

export const HALL_ACTIONS = ['sign_in', 'start', 'close', 'sign_record'] as const;
export const BID_ACTIONS = ['fetch_envelope', 'release_key', 'confirm', 'object', 'answer'] as const;

const text = z.object({ zh: z.string(), en: z.string() });

export const readOutView = z.object({
  priceFen: z.number().int(),
  priceFigures: z.string(),
  priceInWords: z.string(),
  priceCapital: z.string(),
  deliveryPeriod: z.string(),
  fields: z.record(z.string(), z.string()),
});

export const hallBidView = z.object({
  submissionId: z.string().uuid(),
  organisationId: z.string().uuid(),
  bidderName: z.string(),
  state: z.enum(OPENING_BID_STATES),
  invalidReason: z.enum(INVALID_BID_REASONS).nullable(),
  openedVia: z.enum(['bidder', 'recovery']).nullable(),
  decryptedAt: z.string().nullable(),
  readOutSeq: z.number().int().nullable(),
  readOut: readOutView.nullable(),
  files: z.array(z.object({ name: z.string(), size: z.number().int(), digest: z.string() })),
  confirmation: z.enum(['confirmed', 'objected']).nullable(),
  objection: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  mine: z.boolean(),
  actions: z.array(z.enum(BID_ACTIONS)),
});

export const hallView = z
  .object({
    lotId: z.string().uuid(),
    project: z.object({
      id: z.string().uuid(),
      code: z.string(),
      title: z.string(),
      bidDeadline: z.string().nullable(),
    }),
    lot: z.object({ number: z.number().int(), title: z.string() }),
    state: z.enum(HALL_STATES),
    serverTime: z.string(),
    openedAt: z.string(),
    decryptionWindowMinutes: z.number().int(),
    decryptionStartedAt: z.string().nullable(),
    decryptionEndsAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    outcome: z.enum(['valid', 'failed']).nullable(),
    failureReason: z.string().nullable(),
    /** Only for the host: the failure notice draft prepared when the lot failed. */
    failureNoticeDraft: z.object({ title: text, body: text }).nullable(),
    attendance: z.array(
      z.object({
        userId: z.string().uuid(),
        displayName: z.string(),
        organisationId: z.string().uuid().nullable(),
        organisationName: z.string().nullable(),
        role: z.enum(['host', 'bidder', 'supervisor']),
        signedInAt: z.string(),
      }),
    ),
    bids: z.array(hallBidView),
    signatures: z.array(
      z.object({
        userId: z.string().uuid(),
        displayName: z.string(),
        role: z.enum(['host', 'supervisor']),
        signedAt: z.string(),
      }),
    ),
    recordHash: z.string().nullable(),
    publishedAt: z.string().nullable(),
    recordPdfUrl: z.string().nullable(),
    myRole: z.enum(['host', 'bidder', 'supervisor', 'public']),
    signedIn: z.boolean(),
    actions: z.array(z.enum(HALL_ACTIONS)),
  })
  .meta({ id: 'OpeningHall' });

export const signInStatementView = z.object({
  statement: z.object({
    type: z.literal('zhengcai-opening-sign-in'),
    lotId: z.string().uuid(),
    userId: z.string().uuid(),
    organisationId: z.string().uuid().nullable(),
  }),
});

export const envelopeView = z.object({
  suite: z.enum(['gm', 'intl']),
  statement: z.record(z.string(), z.unknown()),
  signature: z.string(),
  contentKeyWrapped: z.string(),
  ciphertextHash: z.string(),
});

export const openResultView = z.discriminatedUnion('state', [
  z.object({ state: z.literal('decrypted'), readOutSeq: z.number().int() }),
  z.object({ state: z.literal('invalid'), reason: z.string() }),
]);

export const recordView = z.object({
  record: z.record(z.string(), z.unknown()),
  recordHash: z.string(),
  hashAlgorithm: z.literal('SM3'),
  frozen: z.boolean(),
});
