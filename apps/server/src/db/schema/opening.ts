import { HALL_STATES, INVALID_BID_REASONS, OPENING_BID_STATES } from '@zhengcai/domain';
import type { PriceSheet } from '@zhengcai/seal';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bidSubmissions } from './bids';
import { certificates } from './certificates';
import { organisations, users } from './identity';
import { lots, projects } from './projects';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One decrypted file of a bid, stored as a content-addressed blob after the opening. */
export interface OpenedFile {
  name: string;
  size: number;
  /** ZC-SEGHASH-1 digest declared in the bid package (checked while decrypting). */
  digest: string;
  /** SHA-256 name of the plaintext in the blob store. */
  blobKey: string;
}

/** The text prepared for the agency when the lot fails (流标), in both languages. */
export interface FailureNoticeDraft {
  title: { zh: string; en: string };
  body: { zh: string; en: string };
}

/**
 * The opening hall (开标大厅) of one lot (ADR 0016): created at the bid deadline by the `opening.open_hall` job, then
 * decryption, read-out, the signed opening record and its publication. Everything about a hall is in these rows, so
 * every instance sees the same hall and a restart loses nothing.
 */
export const openingHalls = pgTable(
  'opening_halls',
  {
    lotId: uuid('lot_id')
      .primaryKey()
      .references(() => lots.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    state: text('state', { enum: HALL_STATES }).notNull(),
    openedAt: instant('opened_at').notNull(),
    decryptionStartedAt: instant('decryption_started_at'),
    decryptionEndsAt: instant('decryption_ends_at'),
    closedAt: instant('closed_at'),
    outcome: text('outcome', { enum: ['valid', 'failed'] }),
    failureReason: text('failure_reason'),
    /** The failure notice (流标公告) draft prepared for the agency when the lot fails. */
    failureNoticeDraft: jsonb('failure_notice_draft').$type<FailureNoticeDraft>(),
    /** The canonical opening record (开标记录) as signed; fixed once the host signs. */
    record: jsonb('record').$type<Record<string, unknown>>(),
    recordHash: text('record_hash'),
    /** SHA-256 name of the rendered record PDF in the blob store. */
    recordBlobKey: text('record_blob_key'),
    publishedAt: instant('published_at'),
  },
  (t) => [index('opening_halls_project').on(t.projectId)],
);

/** A bid in the hall: a snapshot of one `submitted` bid at the deadline, then its decryption and confirmation. */
export const openingBids = pgTable(
  'opening_bids',
  {
    submissionId: uuid('submission_id')
      .primaryKey()
      .references(() => bidSubmissions.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => openingHalls.lotId),
    /** The bidder of record (the lead of a consortium). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    state: text('state', { enum: OPENING_BID_STATES }).notNull(),
    invalidReason: text('invalid_reason', { enum: INVALID_BID_REASONS }),
    openedVia: text('opened_via', { enum: ['bidder', 'recovery'] }),
    /** The price sheet (开标一览表), only once decrypted. */
    priceSheet: jsonb('price_sheet').$type<PriceSheet>(),
    files: jsonb('files').$type<OpenedFile[]>(),
    decryptedAt: instant('decrypted_at'),
    /** Order of the read-out (唱标), 1-based, in the order the bids were decrypted. */
    readOutSeq: integer('read_out_seq'),
    confirmation: text('confirmation', { enum: ['confirmed', 'objected'] }),
    confirmedAt: instant('confirmed_at'),
    objection: text('objection'),
    answer: text('answer'),
    answeredAt: instant('answered_at'),
  },
  (t) => [index('opening_bids_lot').on(t.lotId)],
);

/** Who signed in to the hall (签到): the host, bidders' users, supervisors. */
export const openingAttendance = pgTable(
  'opening_attendance',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => openingHalls.lotId),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    role: text('role', { enum: ['host', 'bidder', 'supervisor'] }).notNull(),
    signedInAt: instant('signed_in_at').notNull(),
    certificateId: uuid('certificate_id').references(() => certificates.id),
    /** The signature over the sign-in statement; null for the host. */
    signature: text('signature'),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.userId] })],
);

/** Signatures over the opening record's hash: the host's, then a supervisor's. */
export const openingSignatures = pgTable(
  'opening_signatures',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => openingHalls.lotId),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['host', 'supervisor'] }).notNull(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    signature: text('signature').notNull(),
    signedAt: instant('signed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.userId] })],
);
