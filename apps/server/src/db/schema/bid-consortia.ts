import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ENTERPRISE_SCALES } from '@zhengcai/domain';
import { bidSubmissions } from './bids';
import { certificates } from './certificates';
import { organisations, users } from './identity';
import { lots } from './projects';

/**
 * The members of a consortium bid (联合体投标, ADR 0014), one row per party including the lead, in the order of the
 * signed statement. The share (basis points) and the enterprise scale at the time of the bid are kept because the SME
 * price deduction for consortia depends on the share of small and micro members (财库〔2020〕46号 第九条). A member
 * co-signs the lead's statement (signature + the signing certificate used) or declines; the lead's row carries the
 * lead's own envelope signature.
 */
export const bidConsortiumMembers = pgTable(
  'bid_consortium_members',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => bidSubmissions.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    position: integer('position').notNull(),
    role: text('role', { enum: ['lead', 'member'] }).notNull(),
    shareBasisPoints: integer('share_basis_points').notNull(),
    /** Unified social credit code and name as they were when the bid was started. */
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    scale: text('scale', { enum: ENTERPRISE_SCALES }),
    signature: text('signature'),
    signingCertificateId: uuid('signing_certificate_id').references(() => certificates.id),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    declinedAt: timestamp('declined_at', { withTimezone: true, mode: 'date' }),
    declineReason: text('decline_reason'),
    /** The member's user who signed or declined. */
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.organisationId] })],
);

/**
 * Who takes part in a lot, and in whose bid (实施条例 第二十二条: a consortium's parties may not also bid alone or in
 * another consortium for the same lot). One row per (lot, organisation) while the organisation is in a live
 * submission (uploading, awaiting its members, submitted) of the bidder `bidderOrganisationId` (itself for a bid
 * alone, the lead for a consortium). The primary key is the rule: a second bidder cannot claim the same
 * organisation on the same lot, whatever the order. The same bidder's own submissions (a replacement in progress)
 * share the row. Rows are inserted when a submission starts and deleted, in the same transaction as the state
 * change, when no live submission of that bidder on the lot names the organisation any more.
 */
export const bidParticipations = pgTable(
  'bid_participations',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    bidderOrganisationId: uuid('bidder_organisation_id')
      .notNull()
      .references(() => organisations.id),
    since: timestamp('since', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.organisationId] })],
);
