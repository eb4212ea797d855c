import { DRAW_STATES, SEAT_STATES, type ExpertDrawRequest, type PoolSnapshot } from '@zhengcai/domain';
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './identity';
import { lots, projects } from './projects';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The stored form of the draw request: `ExpertDrawRequest` with `drawAt` as a UTC ISO string (ADR 0018). */
export type StoredDrawRequest = Omit<ExpertDrawRequest, 'drawAt'> & { drawAt: string };

/**
 * One expert draw for a lot (C11, ADR 0019). Requested by the lot's host: the server makes the seed, publishes its
 * commitment and freezes the pool snapshot (`committed`); the host then runs it (`drawn`). A lot has at most one
 * first draw (the partial unique index); supplementary draws, run when the reserves are used up, point to it.
 * `seed` never leaves the server before the draw has run; afterwards only oversight reads it (verification).
 */
export const expertDraws = pgTable(
  'expert_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    /** The lot's first draw, for a supplementary draw; null for the first draw itself. */
    supplementOf: uuid('supplement_of').references((): AnyPgColumn => expertDraws.id),
    state: text('state', { enum: DRAW_STATES }).notNull(),
    /** The request exactly as drawn (parties, regions, periods, previously drawn), for verifyDraw. */
    request: jsonb('request').$type<StoredDrawRequest>().notNull(),
    /** 采购人代表 sitting beside the drawn experts (87号令 第四十七条); counted in the committee's composition. */
    purchaserRepresentatives: integer('purchaser_representatives').notNull().default(0),
    /** 32 bytes from node:crypto, 64 lower-case hex digits. */
    seed: text('seed').notNull(),
    seedCommitment: text('seed_commitment').notNull(),
    poolSnapshot: jsonb('pool_snapshot').$type<PoolSnapshot>().notNull(),
    poolSnapshotHash: text('pool_snapshot_hash').notNull(),
    /** The host organisation when requested (the agency, or the purchaser when it has none). */
    hostOrganisationId: uuid('host_organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestedByUserId: uuid('requested_by_user_id')
      .notNull()
      .references(() => users.id),
    requestedAt: instant('requested_at').notNull(),
    drawnByUserId: uuid('drawn_by_user_id').references(() => users.id),
    drawnAt: instant('drawn_at'),
    /** When the seed was disclosed for verification (to oversight, at the draw); the public sees it with the result. */
    revealedAt: instant('revealed_at'),
  },
  (t) => [
    uniqueIndex('expert_draws_first_per_lot')
      .on(t.lotId)
      .where(sql`${t.supplementOf} is null`),
    index('expert_draws_lot').on(t.lotId, t.requestedAt),
  ],
);

/**
 * A drawn expert: a member (invited at once) or a reserve (on standby until a seat falls to them), and their answer.
 * `seat` is the committee seat (1…N) held or last held; a reserve who steps in takes the seat of the expert who
 * declined (`steppedInFor`). At most one expert holds a seat at a time (the partial unique index).
 */
export const expertDrawSeats = pgTable(
  'expert_draw_seats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawId: uuid('draw_id')
      .notNull()
      .references(() => expertDraws.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['member', 'reserve'] }).notNull(),
    /** 1-based place in the draw's order, per role. */
    position: integer('position').notNull(),
    status: text('status', { enum: SEAT_STATES }).notNull(),
    seat: integer('seat'),
    steppedInFor: uuid('stepped_in_for').references((): AnyPgColumn => expertDrawSeats.id),
    invitedAt: instant('invited_at'),
    /** The confirmation deadline (invitedAt + EXPERT_CONFIRM_MINUTES); a job declines for the expert after it. */
    respondBy: instant('respond_by'),
    respondedAt: instant('responded_at'),
    declineReason: text('decline_reason'),
  },
  (t) => [
    uniqueIndex('expert_draw_seats_expert_key').on(t.drawId, t.expertUserId),
    uniqueIndex('expert_draw_seats_held_key')
      .on(t.lotId, t.seat)
      .where(sql`${t.status} in ('invited', 'confirmed')`),
    index('expert_draw_seats_expert').on(t.expertUserId),
    index('expert_draw_seats_lot').on(t.lotId),
  ],
);
