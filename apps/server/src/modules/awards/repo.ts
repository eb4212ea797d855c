import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { awardLetters, awards, challenges, openingBids, organisations } from '../../db/schema';
import { findProjectAndLot, type LotRow, type ProjectRow } from '../opening/repo';

export type AwardRow = typeof awards.$inferSelect;
export type AwardLetterRow = typeof awardLetters.$inferSelect;
export type ChallengeRow = typeof challenges.$inferSelect;

export async function findAward(db: Executor, lotId: string): Promise<AwardRow | null> {
  const [row] = await db.select().from(awards).where(eq(awards.lotId, lotId));
  return row ?? null;
}

/** The award row locked for update (taken after the evaluation's lock, always in that order). */
export async function lockAward(tx: Tx, lotId: string): Promise<AwardRow | null> {
  const [row] = await tx.select().from(awards).where(eq(awards.lotId, lotId)).for('update');
  return row ?? null;
}

export interface LotParties {
  project: ProjectRow;
  lot: LotRow;
  /** Organisation ids of the lot's bidders (the opening record's bids). */
  bidderOrganisationIds: string[];
}

/** The lot, its project and its bidders: what every award and challenge decision needs. */
export async function lotParties(db: Executor, lotId: string): Promise<LotParties | null> {
  const found = await findProjectAndLot(db, lotId);
  if (!found) return null;
  const bids = await db
    .select({ organisationId: openingBids.organisationId })
    .from(openingBids)
    .where(eq(openingBids.lotId, lotId));
  return { ...found, bidderOrganisationIds: [...new Set(bids.map((b) => b.organisationId))] };
}

export async function lettersOfLot(db: Executor, lotId: string): Promise<AwardLetterRow[]> {
  return db.select().from(awardLetters).where(eq(awardLetters.lotId, lotId)).orderBy(asc(awardLetters.rank));
}

export async function lettersOfOrganisation(db: Executor, organisationId: string): Promise<AwardLetterRow[]> {
  return db
    .select()
    .from(awardLetters)
    .where(eq(awardLetters.organisationId, organisationId))
    .orderBy(desc(awardLetters.issuedAt), asc(awardLetters.id));
}

export async function activeOrganisationIdsOfKind(db: Executor, kind: 'supervisor'): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, kind), eq(organisations.status, 'active')));
  return rows.map((r) => r.id);
}

export async function pendingChallengeCount(db: Executor, lotId: string): Promise<number> {
  const rows = await db
    .select({ id: challenges.id })
    .from(challenges)
    .where(and(eq(challenges.lotId, lotId), eq(challenges.state, 'pending')));
  return rows.length;
}

export async function organisationsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, typeof organisations.$inferSelect>();
  const rows = await db
    .select()
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
