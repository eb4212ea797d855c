import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The platform's own key sets, one per purpose and suite: `ca` (its signing key certifies users' public keys) and
 * `service` (its signing key signs receipts and records, certified by the CA). The private keys are stored only inside
 * a password-protected key file (packages/seal key-file format); the password is configuration, never in the database.
 */
export const platformKeys = pgTable(
  'platform_keys',
  {
    purpose: text('purpose', { enum: ['ca', 'service'] }).notNull(),
    suite: text('suite', { enum: ['gm', 'intl'] }).notNull(),
    keyFile: jsonb('key_file').notNull(),
    certificatePem: text('certificate_pem').notNull(),
    fingerprint: text('fingerprint').notNull(),
    serial: text('serial').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.purpose, t.suite] })],
);
