import { integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bidSubmissions } from './bids';
import { users } from './identity';
import { projects } from './projects';

/**
 * The key holders a project names before publication for emergency recovery (PRODUCT.md §3.2, B1, ADR 0015): each
 * bid's content key is split k-of-n among them (`projects.key_escrow_threshold` = k) at sealing, for their usable
 * encryption certificates. `position` is the order of the shares in every escrow; `roleLabel` says whom the holder
 * acts for (交易中心, 监督, 代理机构…).
 */
export const projectKeyHolders = pgTable(
  'project_key_holders',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    position: integer('position').notNull(),
    roleLabel: text('role_label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    uniqueIndex('project_key_holders_position_key').on(t.projectId, t.position),
  ],
);

/**
 * Escrow shares key holders released in the opening hall for one sealed bid, kept only until k of them are in: the
 * transaction that recovers the key and records the opening deletes them (ADR 0016). A share alone reveals nothing
 * about the key; k of them are the key, so they never outlive that transaction.
 */
export const keyRecoveryShares = pgTable(
  'key_recovery_shares',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => bidSubmissions.id),
    holderUserId: uuid('holder_user_id')
      .notNull()
      .references(() => users.id),
    /** The opened Shamir share, hex. */
    share: text('share').notNull(),
    reason: text('reason').notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.holderUserId] })],
);
