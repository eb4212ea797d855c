import { index, jsonb, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects } from './projects';

/**
 * The kinds of published notice (C18). The tender notice (采购公告) is generated when a project is published;
 * clarification (澄清/更正公告), result (中标/成交结果公告) and termination (终止公告) notices are published by the later
 * steps into the same table.
 */
export const NOTICE_KINDS = ['tender', 'clarification', 'result', 'termination'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * A published notice: immutable once written (a correction is a new notice). `body` is the rendered text of the
 * notice (sections headed 一、二、…), so the public portal shows exactly what was published.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The lots the notice concerns; null when it concerns the whole project. */
    lotIds: jsonb('lot_ids').$type<string[]>(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('notices_published').on(t.publishedAt), index('notices_project').on(t.projectId)],
);

/** Numbers of project codes (项目编号 ZC-2026-000123): one sequence, never reused, even when a draft is deleted. */
export const projectCodeSequence = pgSequence('project_code_seq', { startWith: 1, increment: 1 });
