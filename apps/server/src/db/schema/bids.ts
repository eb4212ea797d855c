import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { BID_SUBMISSION_STATES } from '@zhengcai/domain';
import { certificates } from './certificates';
import { organisations, users } from './identity';
import { lots, projects } from './projects';

export { BID_SUBMISSION_STATES, LIVE_BID_STATES, type BidSubmissionState } from '@zhengcai/domain';

/** The envelope the bidder's browser produced (seal's SealedBidEnvelope): statement, signature, wrapped key. */
export interface StoredEnvelope {
  suite: 'gm' | 'intl';
  statement: Record<string, unknown>;
  signature: string;
  contentKeyWrapped: string;
  ciphertextHash: string;
  /** The content key escrowed k-of-n among the project's key holders (seal KeyEscrow, ADR 0015), when required. */
  keyEscrow?: Record<string, unknown>;
}

/** The key escrow issued at the start of a submission: k and each holder's encryption key at that moment. */
export interface IssuedKeyEscrow {
  threshold: number;
  holders: { holderId: string; publicKey: string; certificateId: string }[];
}

/**
 * One sealed-bid submission for one lot (C9). Started by the supplier (`uploading`: the server issued `nonce` and a
 * tus upload named by the submission id), completed with the signed envelope (`submitted`), superseded by a later
 * submission (`replaced`), withdrawn (`withdrawn`), or abandoned and swept (`expired`). A consortium bid (联合体投标,
 * ADR 0014) waits in `awaiting_members` after completion until every member has co-signed; a member's refusal or the
 * lead's withdrawal makes it `cancelled`, the deadline `expired`. `organisationId` is the bidder of record: the
 * lead member for a consortium. Only ciphertext hashes,
 * lengths, the wrapped content key (openable only with the bidder's own key) and signatures are here: no price.
 * At most one `submitted` row per bidder organisation and lot (partial unique index).
 */
export const bidSubmissions = pgTable(
  'bid_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The per-submission nonce bound into the signed statement and the ciphertext's associated data. */
    nonce: text('nonce').notNull(),
    suite: text('suite', { enum: ['gm', 'intl'] }).notNull(),
    state: text('state', { enum: BID_SUBMISSION_STATES }).notNull(),
    /** Bytes received so far into the staging area (tus offset), for the bidder's own progress view. */
    receivedBytes: bigint('received_bytes', { mode: 'number' }).notNull().default(0),
    /** An unfinished upload is swept after this instant. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ciphertextHashAlgorithm: text('ciphertext_hash_algorithm'),
    ciphertextHash: text('ciphertext_hash'),
    ciphertextLength: bigint('ciphertext_length', { mode: 'number' }),
    /** SHA-256 name of the ciphertext in the content-addressed blob store. */
    blobKey: text('blob_key'),
    envelope: jsonb('envelope').$type<StoredEnvelope>(),
    signingCertificateId: uuid('signing_certificate_id').references(() => certificates.id),
    encryptionCertificateId: uuid('encryption_certificate_id').references(() => certificates.id),
    /** The key holders and k issued at start (null: the project escrows no keys); completion checks the escrow. */
    keyEscrowIssued: jsonb('key_escrow_issued').$type<IssuedKeyEscrow>(),
    /** The signed receipt (回执) returned at completion: canonical JSON payload + the platform's signature. */
    receipt: jsonb('receipt').$type<Record<string, unknown>>(),
    eventSeq: integer('event_seq'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    replacedAt: timestamp('replaced_at', { withTimezone: true, mode: 'date' }),
    replacedBySubmissionId: uuid('replaced_by_submission_id'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('bid_submissions_nonce_key').on(t.nonce),
    uniqueIndex('bid_submissions_current_key')
      .on(t.lotId, t.organisationId)
      .where(sql`${t.state} = 'submitted'`),
    index('bid_submissions_org').on(t.organisationId, t.projectId),
    index('bid_submissions_state_expiry').on(t.state, t.expiresAt),
  ],
);
