import { ENTERPRISE_SCALES, ORGANISATION_KINDS, REGISTRATION_STATES, ROLES } from '@zhengcai/domain';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Organisations of every kind (PRODUCT.md §1). Suppliers sign up themselves and wait for the centre's approval. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    name: text('name').notNull(),
    /** 统一社会信用代码, GB 32100-2015; unique when present. */
    uscc: text('uscc'),
    status: text('status', { enum: REGISTRATION_STATES }).notNull(),
    /** Enterprise scale for suppliers (工信部联企业〔2011〕300号). */
    scale: text('scale', { enum: ENTERPRISE_SCALES }),
    region: text('region'),
    statusReason: text('status_reason'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('organisations_uscc_key').on(t.uscc), index('organisations_kind_status').on(t.kind, t.status)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Login name, stored lower-case. */
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    email: text('email'),
    phone: text('phone'),
    locale: text('locale', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    /** scrypt$logN$r$p$salt$hash, see platform/auth/password.ts. */
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: ['pending', 'active', 'disabled'] }).notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('users_login_key').on(t.login), index('users_organisation').on(t.organisationId)],
);

/** Browser sessions. Only a SHA-256 of the cookie value is stored, so a database reader cannot hijack one. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user').on(t.userId)],
);

/** Bearer tokens for machine clients (financial institutions, other platforms). Stored hashed, shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash), index('api_tokens_user').on(t.userId)],
);
