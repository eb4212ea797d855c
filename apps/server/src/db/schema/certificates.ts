import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './identity';

/**
 * Certificates the platform CA issued (C2). A user holds a signing and an encryption certificate issued together
 * from one browser-generated key set (`bundleId` links them). Only public keys are here; the private keys stay in the
 * user's key file. A certificate is usable while `revokedAt` is null and the time is inside its validity.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bundleId: uuid('bundle_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The holder's organisation at issue time (null for experts, who hold certificates personally). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    suite: text('suite', { enum: ['gm', 'intl'] }).notNull(),
    usage: text('usage', { enum: ['signing', 'encryption'] }).notNull(),
    /** Hex serial number, unique across the CA. */
    serial: text('serial').notNull(),
    /** The subject distinguished name as issued (e.g. "CN=张三,O=…,OU=supplier"). */
    subject: text('subject').notNull(),
    /** The subject public key, in the suite's encoding (hex, uncompressed point). */
    publicKey: text('public_key').notNull(),
    /** SHA-256 of the DER certificate, hex. */
    fingerprint: text('fingerprint').notNull(),
    certificatePem: text('certificate_pem').notNull(),
    notBefore: timestamp('not_before', { withTimezone: true, mode: 'date' }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true, mode: 'date' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revocationReason: text('revocation_reason'),
  },
  (t) => [
    uniqueIndex('certificates_serial_key').on(t.serial),
    uniqueIndex('certificates_fingerprint_key').on(t.fingerprint),
    index('certificates_user').on(t.userId),
    index('certificates_bundle').on(t.bundleId),
  ],
);
