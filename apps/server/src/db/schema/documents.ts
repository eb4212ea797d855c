import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './identity';
import { projects } from './projects';

/**
 * A supplier organisation obtained a project's procurement documents (获取采购文件, C8): online, free, once per
 * organisation (obtaining again changes nothing). Who obtained is confidential from other suppliers
 * (政府采购法实施条例 / 87号令 第二十六条: 不得向他人透露已获取招标文件的潜在投标人的名称、数量).
 */
export const documentObtainings = pgTable(
  'document_obtainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    obtainedByUserId: uuid('obtained_by_user_id')
      .notNull()
      .references(() => users.id),
    obtainedAt: timestamp('obtained_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('document_obtainings_project_org_key').on(t.projectId, t.organisationId),
    index('document_obtainings_org').on(t.organisationId),
  ],
);

/**
 * A clarification or amendment (澄清或者修改, 87号令 第二十七条) published by the purchaser or its agency to every
 * supplier that obtained the documents, never naming who asked. When it may affect bid preparation and comes too
 * late, the deadline moves; `deadlineBefore`/`deadlineAfter` record what it did.
 */
export const clarifications = pgTable(
  'clarifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** The published text (the clarification notice's body). */
    text: text('text').notNull(),
    affectsPreparation: boolean('affects_preparation').notNull(),
    attachmentFileName: text('attachment_file_name'),
    attachmentContentType: text('attachment_content_type'),
    attachmentSizeBytes: bigint('attachment_size_bytes', { mode: 'number' }),
    /** SHA-256 of the attachment = its blob key. */
    attachmentSha256: text('attachment_sha256'),
    publishedByUserId: uuid('published_by_user_id')
      .notNull()
      .references(() => users.id),
    publishedByOrganisationId: uuid('published_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
    deadlineBefore: timestamp('deadline_before', { withTimezone: true, mode: 'date' }).notNull(),
    deadlineAfter: timestamp('deadline_after', { withTimezone: true, mode: 'date' }).notNull(),
    /** Why the deadline moved: by the clarification rule, by the agency's own choice, or not at all. */
    deadlineMove: text('deadline_move', { enum: ['none', 'rule', 'explicit'] }).notNull(),
    /** The rule applied when it moved by rule (e.g. OPEN_TENDER_CLARIFICATION_NOTICE). */
    ruleId: text('rule_id'),
  },
  (t) => [index('clarifications_project').on(t.projectId, t.publishedAt)],
);

/**
 * A question (提问) from a supplier that obtained the documents. The asker is known to the purchaser, the agency and
 * oversight only; answers are published as clarifications to all, without the asker.
 */
export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    askedByUserId: uuid('asked_by_user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The clarification that answered it, once answered. */
    clarificationId: uuid('clarification_id').references(() => clarifications.id),
  },
  (t) => [index('questions_project').on(t.projectId, t.askedAt), index('questions_org').on(t.organisationId)],
);
