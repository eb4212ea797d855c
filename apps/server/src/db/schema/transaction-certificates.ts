import { index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './identity';
import { lots, projects } from './projects';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Transaction certificates (交易证明书, C13/B8, ADR 0020): one per lot, issued when the award is made. `facts` is the
 * canonical JSON the platform signed (its hash in `facts_hash`, the service key's signature over those hash bytes in
 * `signature`, the key's certificate fingerprint in `key_id`); the rendered PDF is a content-addressed blob whose
 * SHA-256 anyone can compare a copy with. A certificate is never deleted or edited; revocation sets `revoked_*`.
 */
export const transactionCertificates = pgTable(
  'transaction_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 证明书编号, e.g. "JYZM-2026-000123" (year of issue, Beijing time; running number from the sequence). */
    number: text('number').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    winnerOrganisationId: uuid('winner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The canonical facts as signed (modules/transaction-certificates/facts.ts). */
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    /** `SM3` or `SHA-256`: the suite hash of the facts' RFC 8785 canonical JSON. */
    factsHashAlgorithm: text('facts_hash_algorithm', { enum: ['SM3', 'SHA-256'] }).notNull(),
    factsHash: text('facts_hash').notNull(),
    suite: text('suite', { enum: ['gm', 'intl'] }).notNull(),
    /** The platform service key's signature over the 32 hash bytes, hex (r‖s). */
    signature: text('signature').notNull(),
    /** Fingerprint of the service certificate whose key signed (platform_keys.fingerprint). */
    keyId: text('key_id').notNull(),
    /** SHA-256 of the PDF = its name in the blob store. */
    pdfSha256: text('pdf_sha256').notNull(),
    pdfSize: integer('pdf_size').notNull(),
    issuedAt: instant('issued_at').notNull(),
    issuedByUserId: uuid('issued_by_user_id').references(() => users.id),
    revokedAt: instant('revoked_at'),
    revocationReason: text('revocation_reason'),
    revokedByUserId: uuid('revoked_by_user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('transaction_certificates_number_key').on(t.number),
    // One certificate per lot: issuing again returns the existing one.
    uniqueIndex('transaction_certificates_lot_key').on(t.lotId),
    index('transaction_certificates_project').on(t.projectId),
    index('transaction_certificates_issued').on(t.issuedAt),
  ],
);

/** Running numbers of certificates (the 000123 of JYZM-2026-000123): never reused. */
export const transactionCertificateSequence = pgSequence('transaction_certificate_seq', { startWith: 1, increment: 1 });
