import { AWARD_LETTER_KINDS, CHALLENGE_STATES } from '@zhengcai/domain';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bidSubmissions } from './bids';
import { evaluations } from './evaluations';
import { organisations, users } from './identity';
import { notices } from './notices';
import { projects } from './projects';
import { transactionCertificates } from './transaction-certificates';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The award (定标, C13) of one evaluated lot: from the report reaching the purchaser to the result notice. The
 * lot's stage is the evaluation's state (`reported → confirmed → published`); this row holds the periods, who did
 * what, the winner, and the suspension a pending challenge may cause (C14). Written only by modules/awards.
 */
export const awards = pgTable(
  'awards',
  {
    lotId: uuid('lot_id')
      .primaryKey()
      .references(() => evaluations.lotId),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** When the signed report reached the purchaser: the confirmation period runs from here. */
    reportedAt: instant('reported_at').notNull(),
    /** The end of the confirmation period (5 working days, AWARD_PERIODS), as extended. */
    confirmBy: instant('confirm_by').notNull(),
    /** A supervisor's recorded extension (the reason, who, when); `confirmBy` is then the extended end. */
    extensionReason: text('extension_reason'),
    extendedByUserId: uuid('extended_by_user_id').references(() => users.id),
    extendedAt: instant('extended_at'),
    /** Set by the deadline job when the period ended unconfirmed (the supervisor was told). */
    confirmOverdueAt: instant('confirm_overdue_at'),
    confirmedAt: instant('confirmed_at'),
    confirmedByUserId: uuid('confirmed_by_user_id').references(() => users.id),
    winnerSubmissionId: uuid('winner_submission_id').references(() => bidSubmissions.id),
    winnerOrganisationId: uuid('winner_organisation_id').references(() => organisations.id),
    /** 中标（成交）金额: the winner's bid price (after a confirmed arithmetic correction), in fen. */
    contractAmountFen: bigint('contract_amount_fen', { mode: 'number' }),
    /** With a tie for first: why this bid, by the documents' tie-break rule. */
    tieBreakReason: text('tie_break_reason'),
    /** The end of the period for publishing the result notice (2 working days after confirmation). */
    publishBy: instant('publish_by'),
    publishOverdueAt: instant('publish_overdue_at'),
    resultNoticeId: uuid('result_notice_id').references(() => notices.id),
    certificateId: uuid('certificate_id').references(() => transactionCertificates.id),
    publishedAt: instant('published_at'),
    publishedByUserId: uuid('published_by_user_id').references(() => users.id),
    /** The award suspended while a challenge is pending (the certificate's verification page shows it). */
    suspendedAt: instant('suspended_at'),
    suspensionReason: text('suspension_reason'),
    suspendedByUserId: uuid('suspended_by_user_id').references(() => users.id),
  },
  (t) => [index('awards_project').on(t.projectId)],
);

/**
 * The notification letters sent with the result notice, one per bidder of the lot: the winner's 中标（成交）通知书 and the
 * others' 结果通知书 with their own rank and score or the reason they were left out (财政部令第87号第六十九条). Readable by
 * the bidder's organisation only (and the host and oversight).
 */
export const awardLetters = pgTable(
  'award_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => awards.lotId),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => bidSubmissions.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: AWARD_LETTER_KINDS }).notNull(),
    /** The bidder's own rank and total ("87.35"; null for the lowest-price method), when it was ranked. */
    rank: integer('rank'),
    total: text('total'),
    bidPriceFen: bigint('bid_price_fen', { mode: 'number' }),
    /** Why the bid was left out, when it was. */
    exclusionReason: jsonb('exclusion_reason').$type<{ zh: string; en: string }>(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    issuedAt: instant('issued_at').notNull(),
  },
  (t) => [
    uniqueIndex('award_letters_submission_key').on(t.submissionId),
    index('award_letters_organisation').on(t.organisationId, t.issuedAt),
    index('award_letters_lot').on(t.lotId),
  ],
);

/** A supplier's challenge (质疑, C14) of a lot's result, and the host's answer. */
export const challenges = pgTable(
  'challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => awards.lotId),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    filedByUserId: uuid('filed_by_user_id')
      .notNull()
      .references(() => users.id),
    grounds: text('grounds').notNull(),
    filedAt: instant('filed_at').notNull(),
    /** The end of the host's answer period (7 working days). */
    answerBy: instant('answer_by').notNull(),
    state: text('state', { enum: CHALLENGE_STATES }).notNull(),
    answer: text('answer'),
    answeredAt: instant('answered_at'),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id),
    answerOverdueAt: instant('answer_overdue_at'),
  },
  (t) => [index('challenges_lot').on(t.lotId, t.filedAt), index('challenges_organisation').on(t.organisationId)],
);
