import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The event log (PRODUCT.md C4). Append-only; each row is one event written in the same transaction as the change
 * it records. `leafHash` = SM3(0x00 ‖ canonical entry) as in RFC 9162 §2.1.1 (so a Merkle tree over the leaves can be
 * added later without changing what a row means); `chainHash` = SM3(previous chainHash ‖ leafHash) links each row
 * to all before it. See docs/adr/0002-event-ledger.md.
 */
export const events = pgTable(
  'events',
  {
    /** 1, 2, 3, … without gaps: the position in the log (RFC 9162 leaf index + 1). */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    /** Payload schema version of this event type. */
    version: integer('version').notNull(),
    payload: jsonb('payload').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /**
     * Who may see the event live and in listings: everyone, the subject organisation (and oversight), several
     * organisations (`organisations`: the parties of a consortium bid, and oversight), or oversight.
     */
    audience: text('audience', { enum: ['public', 'organisation', 'organisations', 'oversight'] }).notNull(),
    audienceOrganisationId: uuid('audience_organisation_id'),
    /** For `organisations`: who they are (null otherwise, and then not part of the hashed entry). */
    audienceOrganisationIds: jsonb('audience_organisation_ids').$type<string[]>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    leafHash: text('leaf_hash').notNull(),
    chainHash: text('chain_hash').notNull(),
  },
  (t) => [index('events_subject').on(t.subjectType, t.subjectId), index('events_type').on(t.type)],
);

/**
 * One row (id = 1): the size and the chain hash of the log's last event. Appends lock it `FOR UPDATE`, which
 * serialises them and gives gap-free sequence numbers; the verifier compares it with the log to detect a deleted tail.
 */
export const ledgerHead = pgTable('ledger_head', {
  id: integer('id').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  chainHash: text('chain_hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
