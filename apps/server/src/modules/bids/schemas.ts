import { CONSORTIUM_ROLES, ENTERPRISE_SCALES, MAX_CONSORTIUM_MEMBERS } from '@zhengcai/domain';
import { z } from 'zod';
import { BID_SUBMISSION_STATES } from '../../db/schema';

const hex = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => /^[0-9a-f]*$/.test(v), { params: { zh: '须为小写十六进制', en: 'Must be lower-case hex' } });

const consortiumMemberInput = z.object({
  /** Unified social credit code (统一社会信用代码) of the member organisation. */
  uscc: z.string().trim().min(1).max(18),
  role: z.enum(CONSORTIUM_ROLES),
  /** Work share in basis points (1/100 %): 3333 = 33.33 %. The members' shares sum to 10000. */
  shareBasisPoints: z.number().int(),
});

export const startBody = z.object({
  projectId: z.string().uuid(),
  lotId: z.string().uuid(),
  /** A consortium bid (联合体投标): every party, the caller's organisation as the lead. Absent: a bid alone. */
  consortium: z.object({ members: z.array(consortiumMemberInput).max(MAX_CONSORTIUM_MEMBERS) }).optional(),
});

/** One party as signed in the statement (seal ConsortiumComposition). */
const compositionMember = z.object({
  organisationId: z.string(),
  uscc: z.string(),
  role: z.enum(CONSORTIUM_ROLES),
  shareBasisPoints: z.number().int(),
});
const composition = z.object({ members: z.array(compositionMember) });

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
  /** For a consortium bid: the composition to seal into the statement exactly as given (null: a bid alone). */
  consortium: composition.nullable(),
  /**
   * Emergency recovery (ADR 0015): escrow the content key k-of-n for these holders (seal `escrow` param), in this
   * order, for exactly these public keys. Null: the project escrows no keys, the statement must bind none.
   */
  keyEscrow: z
    .object({
      threshold: z.number().int(),
      holders: z.array(
        z.object({ holderId: z.string(), publicKey: z.string(), certificateId: z.string(), name: z.string() }),
      ),
    })
    .nullable(),
});

/** seal KeyEscrow, exactly as the browser made it (its RFC 8785 hash is bound by the statement). */
export const keyEscrowSchema = z.object({
  scheme: z.string().max(100),
  suite: z.enum(['gm', 'intl']),
  threshold: z.number().int(),
  keyCommitment: hex(64),
  shares: z
    .array(
      z.object({
        holderId: z.string().max(200),
        publicKey: hex(200),
        wrappedKey: hex(1024),
        sealedShare: hex(512),
        shareCheck: hex(64),
      }),
    )
    .max(20),
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
    consortium: composition.optional(),
    keyEscrowHash: hex(64).optional(),
  }),
  signature: hex(512),
  contentKeyWrapped: hex(4096),
  ciphertextHash: hex(64),
  keyEscrow: keyEscrowSchema.optional(),
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
  consortium: z
    .object({
      members: z.array(
        z.object({
          organisationId: z.string(),
          name: z.string(),
          uscc: z.string(),
          role: z.enum(CONSORTIUM_ROLES),
          shareBasisPoints: z.number().int(),
          signedAt: z.string(),
        }),
      ),
    })
    .optional(),
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

/** A party of a consortium bid and where it stands (signed, declined or waiting). */
export const memberView = z.object({
  organisationId: z.string().uuid(),
  name: z.string(),
  uscc: z.string(),
  role: z.enum(CONSORTIUM_ROLES),
  shareBasisPoints: z.number().int(),
  scale: z.enum(ENTERPRISE_SCALES).nullable(),
  signedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
});

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
  /** A consortium bid: its parties (null: a bid alone). */
  consortium: z.object({ members: z.array(memberView) }).nullable(),
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
  /** The caller's organisation (the lead when it starts a consortium bid). */
  myOrganisation: z.object({ id: z.string().uuid(), name: z.string(), uscc: z.string().nullable() }),
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

/** What a consortium member reviews before signing: never a price (the platform has none), only who, where and hashes. */
export const consortiumRequestView = z.object({
  submissionId: z.string().uuid(),
  state: z.enum(BID_SUBMISSION_STATES),
  project: z.object({ id: z.string().uuid(), code: z.string(), title: z.string(), bidDeadline: z.string().nullable() }),
  lot: z.object({ id: z.string().uuid(), number: z.number().int(), title: z.string() }),
  lead: z.object({ organisationId: z.string().uuid(), name: z.string(), uscc: z.string() }),
  members: z.array(memberView),
  myOrganisationId: z.string().uuid(),
  ciphertextHashAlgorithm: z.string().nullable(),
  ciphertextHash: z.string().nullable(),
  ciphertextLength: z.number().int().nullable(),
  /** The lead's signed statement (RFC 8785 canonical JSON of this object is what the member signs). */
  statement: z.record(z.string(), z.unknown()).nullable(),
  suite: z.enum(['gm', 'intl']),
  receiptAvailable: z.boolean(),
  /** What the caller may do now (the server accepts exactly these). */
  abilities: z.object({ sign: z.boolean(), decline: z.boolean() }),
});

export const signBody = z.object({
  signature: hex(512).refine((v) => v.length > 0, { params: { zh: '不能为空', en: 'Must not be empty' } }),
});
export const declineBody = z.object({ reason: z.string().trim().max(500).default('') });
export const signView = z.object({ recorded: z.boolean(), receipt: signedReceiptSchema.nullable() });
