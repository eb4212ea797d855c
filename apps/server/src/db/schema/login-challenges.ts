import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';

/**
 * Challenges the server issued for a key to sign (C2): `login` (anyone; login by certificate) and `enrolment` (a
 * logged-in user proving possession of a new signing key before its certificate is issued). Nothing here is secret:
 * the nonce is public once sent, its worth is that it is used at most once (`usedAt`) and only until `expiresAt`,
 * and only from the web origin it was issued for.
 */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose', { enum: ['login', 'enrolment'] }).notNull(),
    /** Enrolment challenges belong to the user who asked; login challenges to nobody yet. */
    userId: uuid('user_id').references(() => users.id),
    nonce: text('nonce').notNull(),
    origin: text('origin').notNull(),
    /** The `serverTime` of the signed challenge. */
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('login_challenges_expires').on(t.expiresAt)],
);
