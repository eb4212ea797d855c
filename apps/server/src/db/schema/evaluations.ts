import { BIDDER_QUERY_KINDS, BIDDER_QUERY_STATES, EVALUATION_STATES } from '@zhengcai/domain';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bidSubmissions } from './bids';
import { certificates } from './certificates';
import { organisations, users } from './identity';
import { lots, projects } from './projects';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The evaluation (评审) of one lot (ADR 0021). Everything about it is in these rows: the reviews and scores are one
 * row each, the computed result is canonical JSON with its SM3 hash (recomputing from the rows gives the same bytes),
 * and the report is that JSON plus a PDF signed by every committee member.
 */
export const evaluations = pgTable(
  'evaluations',
  {
    lotId: uuid('lot_id')
      .primaryKey()
      .references(() => lots.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    state: text('state', { enum: EVALUATION_STATES }).notNull(),
    startedAt: instant('started_at').notNull(),
    startedByUserId: uuid('started_by_user_id')
      .notNull()
      .references(() => users.id),
    qualificationFinishedAt: instant('qualification_finished_at'),
    complianceFinishedAt: instant('compliance_finished_at'),
    /** The elected committee leader (评审组长), a confirmed drawn expert of the lot. */
    leaderUserId: uuid('leader_user_id').references(() => users.id),
    /** The computed result with its working (B7), canonical JSON (RFC 8785), and its SM3 hash. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    resultHash: text('result_hash'),
    computedAt: instant('computed_at'),
    /** The report (评审报告) as fixed for signing: canonical JSON, its SM3 hash, the PDF's blob key. */
    report: jsonb('report').$type<Record<string, unknown>>(),
    reportHash: text('report_hash'),
    reportBlobKey: text('report_blob_key'),
    reportFixedAt: instant('report_fixed_at'),
    reportedAt: instant('reported_at'),
    /** Why the lot failed (废标), both languages. */
    failureReason: jsonb('failure_reason').$type<{ zh: string; en: string }>(),
    failedAt: instant('failed_at'),
  },
  (t) => [index('evaluations_project').on(t.projectId), index('evaluations_state').on(t.state)],
);

/** The host's qualification review (资格审查) of one decrypted bid. */
export const evaluationQualifications = pgTable(
  'evaluation_qualifications',
  {
    submissionId: uuid('submission_id')
      .primaryKey()
      .references(() => bidSubmissions.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => evaluations.lotId),
    passed: boolean('passed').notNull(),
    /** Required when failed; shown to the bidder in its notification letter. */
    reason: text('reason'),
    reviewedByUserId: uuid('reviewed_by_user_id')
      .notNull()
      .references(() => users.id),
    reviewedAt: instant('reviewed_at').notNull(),
  },
  (t) => [index('evaluation_qualifications_lot').on(t.lotId)],
);

/** One committee member's compliance review (符合性审查) of one qualified bid. */
export const evaluationCompliance = pgTable(
  'evaluation_compliance',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => evaluations.lotId),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => bidSubmissions.id),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    passed: boolean('passed').notNull(),
    reason: text('reason'),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.expertUserId] }), index('evaluation_compliance_lot').on(t.lotId)],
);

/** One committee member's score of one compliant bid on one (non-price) criterion, in hundredths of a point. */
export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => evaluations.lotId),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => bidSubmissions.id),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    /** The criterion's `key` in the lot's criteria. */
    criterionKey: text('criterion_key').notNull(),
    scoreHundredths: integer('score_hundredths').notNull(),
    /** Required at 0 and at the criterion's maximum (validateExpertScores). */
    reason: text('reason'),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.expertUserId, t.criterionKey] }),
    index('evaluation_scores_lot').on(t.lotId),
  ],
);

/**
 * A member's submission of a stage (`compliance` or `scoring`): until it exists the member may change their rows
 * and sees only their own; once every member has submitted, the committee sees all. A re-scoring requested by the
 * leader (87号令 第六十二条) reopens it: `reopenedAt` and `reopenReason` are set, and the member submits again.
 */
export const evaluationSubmissions = pgTable(
  'evaluation_submissions',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => evaluations.lotId),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    stage: text('stage', { enum: ['compliance', 'scoring'] }).notNull(),
    submittedAt: instant('submitted_at'),
    reopenedAt: instant('reopened_at'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.expertUserId, t.stage] })],
);

/** A member's vote for the committee leader (评审组长); the majority of the committee elects. */
export const evaluationLeaderVotes = pgTable(
  'evaluation_leader_votes',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => evaluations.lotId),
    voterUserId: uuid('voter_user_id')
      .notNull()
      .references(() => users.id),
    candidateUserId: uuid('candidate_user_id')
      .notNull()
      .references(() => users.id),
    votedAt: instant('voted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.voterUserId] })],
);

/**
 * A question put to a bidder during the evaluation and answered online: an abnormally low price to explain
 * (87号令 第六十条) or an arithmetic correction to confirm (第五十九条). `request` holds the flag or the correction
 * with its working; `decision` is the committee's on an explanation.
 */
export const evaluationBidderQueries = pgTable(
  'evaluation_bidder_queries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => evaluations.lotId),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => bidSubmissions.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: BIDDER_QUERY_KINDS }).notNull(),
    state: text('state', { enum: BIDDER_QUERY_STATES }).notNull(),
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    askedByUserId: uuid('asked_by_user_id')
      .notNull()
      .references(() => users.id),
    askedAt: instant('asked_at').notNull(),
    respondBy: instant('respond_by').notNull(),
    answer: text('answer'),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id),
    answeredAt: instant('answered_at'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: instant('decided_at'),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    index('evaluation_bidder_queries_lot').on(t.lotId),
    index('evaluation_bidder_queries_org').on(t.organisationId),
  ],
);

/** A committee member's signature over the report's hash, with their dissent when they disagree (第六十三条). */
export const evaluationSignatures = pgTable(
  'evaluation_signatures',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => evaluations.lotId),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    signature: text('signature').notNull(),
    dissent: text('dissent'),
    signedAt: instant('signed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.expertUserId] })],
);
