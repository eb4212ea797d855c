import { z } from 'zod';
import { BID_SUBMISSION_STATES } from '../../db/schema';

const hex = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => /^[0-9a-f]*$/.test(v), { params: { zh: '须为小写十六进制', en: 'Must be lower-case hex' } });

export const startBody = z.object({ projectId: z.string().uuid(), lotId: z.string().uuid() });

export const startView = z.object({
  submissionId: z.string().uuid(),
  nonce: z.string(),
  suite: z.enum(['gm', 'intl']),
  /** What the browser binds into the ciphertext and signs (seal BidContext). */
  context: z.object({ projectId: z.string(), lotId: z.string(), bidderId: z.string(), nonce: z.string() }),
  /** The bidder's OWN encryption public key: the content key is wrapped for it. */
  encryptionPublicKey: z.string(),
  encryptionCertificateFingerprint: z.string(),
  /** tus creation endpoint; send `Upload-Metadata: submissionId <base64>`. */
  uploadEndpoint: z.string(),
  /** Where the upload will be once created (the submission id). */
  uploadUrl: z.string(),
  expiresAt: z.string(),
  maxBytes: z.number().int(),
});

export const envelopeBody = z.object({
  suite: z.enum(['gm', 'intl']),
  statement: z.object({
    type: z.string().max(100),
    version: z.number().int(),
    suite: z.enum(['gm', 'intl']),
    projectId: z.string().max(200),
    lotId: z.string().max(200),
    bidderId: z.string().max(200),
    nonce: z.string().max(200),
    ciphertextHashAlgorithm: z.string().max(100),
    ciphertextHash: hex(64),
    ciphertextLength: z.number().int().nonnegative(),
    wrappedKeyHash: hex(64),
  }),
  signature: hex(512),
  contentKeyWrapped: hex(4096),
  ciphertextHash: hex(64),
});

const serviceSignature = z.object({
  suite: z.enum(['gm', 'intl']),
  signature: z.string(),
  certificateFingerprint: z.string(),
  certificatePem: z.string(),
});

export const receiptPayloadSchema = z.object({
  type: z.literal('zhengcai-bid-receipt'),
  version: z.literal(1),
  submissionId: z.string().uuid(),
  project: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  lot: z.object({ id: z.string(), number: z.number().int(), title: z.string() }),
  bidder: z.object({ organisationId: z.string(), name: z.string(), userId: z.string() }),
  ciphertext: z.object({
    hashAlgorithm: z.string(),
    hash: z.string(),
    length: z.number().int(),
    blobSha256: z.string(),
  }),
  replacesSubmissionId: z.string().nullable(),
  serverTime: z.string(),
  eventSeq: z.number().int(),
  ledgerChainHash: z.string(),
});

export const signedReceiptSchema = z.object({ receipt: receiptPayloadSchema, signature: serviceSignature });

export const submissionView = z.object({
  id: z.string().uuid(),
  projectId: z.string().uuid(),
  lotId: z.string().uuid(),
  state: z.enum(BID_SUBMISSION_STATES),
  ciphertextHash: z.string().nullable(),
  ciphertextLength: z.number().int().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  replacedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  expiresAt: z.string(),
  eventSeq: z.number().int().nullable(),
});

const priceSheetField = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'number', 'days']),
  required: z.boolean(),
});

export const biddingView = z.object({
  serverTime: z.string(),
  project: z.object({
    id: z.string().uuid(),
    code: z.string(),
    title: z.string(),
    bidDeadline: z.string().nullable(),
  }),
  lots: z.array(
    z.object({
      id: z.string().uuid(),
      number: z.number().int(),
      title: z.string(),
      budgetFen: z.number().int(),
      ceilingPriceFen: z.number().int().nullable(),
      consortiumAllowed: z.boolean(),
      priceSheetFields: z.array(priceSheetField),
    }),
  ),
  submissions: z.array(submissionView),
});

export const verifyView = z.object({
  signatureValid: z.boolean(),
  matchesStoredBid: z.boolean(),
  state: z.enum(BID_SUBMISSION_STATES).nullable(),
});
