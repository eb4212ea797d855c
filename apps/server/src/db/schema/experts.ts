import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';

/**
 * An expert's profile (C1, C11): specialties from the procurement category tree, region (GB/T 2260 division name),
 * employer (for avoidance: an expert never evaluates a project of their employer), professional title.
 */
export const expertProfiles = pgTable('expert_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  title: text('title').notNull(),
  employerName: text('employer_name').notNull(),
  employerUscc: text('employer_uscc'),
  region: text('region').notNull(),
  /** Category codes (e.g. "A0201"), at least one. */
  specialties: jsonb('specialties').$type<string[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Conflicts an expert declares (an organisation they must not evaluate), kept after withdrawal as evidence. */
export const expertConflicts = pgTable(
  'expert_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    organisationName: text('organisation_name').notNull(),
    organisationUscc: text('organisation_uscc'),
    reason: text('reason').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true, mode: 'date' }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('expert_conflicts_expert').on(t.expertUserId)],
);
