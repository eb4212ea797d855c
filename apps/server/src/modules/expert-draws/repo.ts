import type { DrawParty } from '@zhengcai/domain';
import { and, asc, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import {
  bidConsortiumMembers,
  bidParticipations,
  bidSubmissions,
  expertConflicts,
  expertDraws,
  expertDrawSeats,
  expertProfiles,
  lots,
  organisations,
  projects,
  users,
} from '../../db/schema';

export type DrawRow = typeof expertDraws.$inferSelect;
export type SeatRow = typeof expertDrawSeats.$inferSelect;

/** Serialises every change to a lot's draws and seats (requests, draws, answers, timeouts). */
export async function lockLot(tx: Tx, lotId: string): Promise<void> {
  await tx.select({ id: lots.id }).from(lots).where(eq(lots.id, lotId)).for('update');
}

export async function findDraw(db: Executor, id: string): Promise<DrawRow | null> {
  const [row] = await db.select().from(expertDraws).where(eq(expertDraws.id, id));
  return row ?? null;
}

export async function listLotDraws(db: Executor, lotId: string): Promise<DrawRow[]> {
  return (
    db
      .select()
      .from(expertDraws)
      .where(eq(expertDraws.lotId, lotId))
      // The first draw first, then supplementary draws in the order they were requested.
      .orderBy(sql`${expertDraws.supplementOf} is not null`, asc(expertDraws.requestedAt), asc(expertDraws.id))
  );
}

export async function listLotSeats(db: Executor, lotId: string): Promise<SeatRow[]> {
  return db
    .select()
    .from(expertDrawSeats)
    .where(eq(expertDrawSeats.lotId, lotId))
    .orderBy(asc(expertDrawSeats.invitedAt), asc(expertDrawSeats.role), asc(expertDrawSeats.position));
}

export async function findSeat(db: Executor, id: string): Promise<SeatRow | null> {
  const [row] = await db.select().from(expertDrawSeats).where(eq(expertDrawSeats.id, id));
  return row ?? null;
}

/** Who the seats' experts are (oversight's view): name, employer, region. */
export async function expertsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; employerName: string | null; region: string | null }>();
  const rows = await db
    .select({
      id: users.id,
      name: users.displayName,
      employerName: expertProfiles.employerName,
      region: expertProfiles.region,
    })
    .from(users)
    .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { name: r.name, employerName: r.employerName, region: r.region }]));
}

/** The active expert pool: every active expert with a profile, and all their declared conflicts (withdrawn too). */
export async function expertPool(tx: Executor) {
  const profiles = await tx
    .select({ profile: expertProfiles })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(and(eq(users.role, 'expert'), eq(users.status, 'active')));
  const conflicts = await tx.select().from(expertConflicts);
  return { profiles: profiles.map((r) => r.profile), conflicts };
}

/**
 * When experts were called to committees of other projects since `since` (their seat's invitation): the dates the
 * recent-draw rule reads. A reserve never called and an expert of this project's other lots do not count.
 */
export async function recentInvitations(tx: Executor, projectId: string, since: Date) {
  return tx
    .select({ expertUserId: expertDrawSeats.expertUserId, invitedAt: expertDrawSeats.invitedAt })
    .from(expertDrawSeats)
    .innerJoin(expertDraws, eq(expertDraws.id, expertDrawSeats.drawId))
    .where(
      and(
        ne(expertDraws.projectId, projectId),
        inArray(expertDrawSeats.status, ['invited', 'confirmed']),
        gte(expertDrawSeats.invitedAt, since),
      ),
    );
}

export async function organisationParty(db: Executor, id: string): Promise<DrawParty> {
  const [row] = await db
    .select({ name: organisations.name, uscc: organisations.uscc })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!row) throw new Error(`organisation ${id} missing`);
  return row;
}

/**
 * The lot's bidders at this moment: every organisation in a live bid (alone, lead or consortium member: the
 * participations), and the parties of submitted bids and their consortia.
 */
export async function lotBidders(tx: Executor, lotId: string): Promise<DrawParty[]> {
  const party = { name: organisations.name, uscc: organisations.uscc };
  const participating = await tx
    .select(party)
    .from(bidParticipations)
    .innerJoin(organisations, eq(organisations.id, bidParticipations.organisationId))
    .where(eq(bidParticipations.lotId, lotId));
  const submitted = await tx
    .select(party)
    .from(bidSubmissions)
    .innerJoin(organisations, eq(organisations.id, bidSubmissions.organisationId))
    .where(and(eq(bidSubmissions.lotId, lotId), eq(bidSubmissions.state, 'submitted')));
  const members = await tx
    .select({ name: bidConsortiumMembers.name, uscc: bidConsortiumMembers.uscc })
    .from(bidConsortiumMembers)
    .innerJoin(bidSubmissions, eq(bidSubmissions.id, bidConsortiumMembers.submissionId))
    .where(and(eq(bidSubmissions.lotId, lotId), eq(bidSubmissions.state, 'submitted')));
  return [...participating, ...submitted, ...members];
}

/** Every draw with its project and lot, newest first (oversight's list). */
export async function listAllDraws(db: Executor) {
  return db
    .select({ draw: expertDraws, project: projects, lot: lots })
    .from(expertDraws)
    .innerJoin(projects, eq(projects.id, expertDraws.projectId))
    .innerJoin(lots, eq(lots.id, expertDraws.lotId))
    .orderBy(desc(expertDraws.requestedAt), asc(expertDraws.id))
    .limit(500);
}

/** The caller's invitations: their seats once called (a reserve on standby does not know yet), newest first. */
export async function listInvitations(db: Executor, expertUserId: string) {
  return db
    .select({ seat: expertDrawSeats, project: projects, lot: lots })
    .from(expertDrawSeats)
    .innerJoin(expertDraws, eq(expertDraws.id, expertDrawSeats.drawId))
    .innerJoin(projects, eq(projects.id, expertDraws.projectId))
    .innerJoin(lots, eq(lots.id, expertDrawSeats.lotId))
    .where(and(eq(expertDrawSeats.expertUserId, expertUserId), ne(expertDrawSeats.status, 'standby')))
    .orderBy(desc(expertDrawSeats.invitedAt), asc(expertDrawSeats.id));
}

/** The project's budget (the sum of its lots): what 87号令 第四十七条 measures against 10 million yuan. */
export async function projectBudgetFen(db: Executor, projectId: string): Promise<number> {
  const rows = await db.select({ budgetFen: lots.budgetFen }).from(lots).where(eq(lots.projectId, projectId));
  return rows.reduce((n, r) => n + r.budgetFen, 0);
}
