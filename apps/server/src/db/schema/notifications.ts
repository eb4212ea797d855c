import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './identity';

/**
 * The in-app inbox (C27, in-app channel): a notice for one user, or for every member of an organisation (then read
 * once for all of them). Written in the transaction of the act it reports; e-mail and SMS come later via an outbox.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** What happened, e.g. `clarification.published`; the web picks an icon by it. */
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    /** A path in the web app, e.g. `/workspace/tenders/<id>`. */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    readByUserId: uuid('read_by_user_id').references(() => users.id),
  },
  (t) => [
    index('notifications_user').on(t.userId, t.createdAt),
    index('notifications_org').on(t.organisationId, t.createdAt),
  ],
);
