import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import {
  bidSubmissions,
  lots,
  openingAttendance,
  openingBids,
  openingHalls,
  openingSignatures,
  organisations,
  projects,
  users,
} from '../../db/schema';

export type HallRow = typeof openingHalls.$inferSelect;
export type OpeningBidRow = typeof openingBids.$inferSelect;
export type AttendanceRow = typeof openingAttendance.$inferSelect;
export type SignatureRow = typeof openingSignatures.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type LotRow = typeof lots.$inferSelect;

export async function findHall(db: Executor, lotId: string): Promise<HallRow | null> {
  const [row] = await db.select().from(openingHalls).where(eq(openingHalls.lotId, lotId));
  return row ?? null;
}

export async function lockHall(tx: Tx, lotId: string): Promise<HallRow | null> {
  const [row] = await tx.select().from(openingHalls).where(eq(openingHalls.lotId, lotId)).for('update');
  return row ?? null;
}

export async function lockOpeningBid(tx: Tx, submissionId: string): Promise<OpeningBidRow | null> {
  const [row] = await tx.select().from(openingBids).where(eq(openingBids.submissionId, submissionId)).for('update');
  return row ?? null;
}

export async function findOpeningBid(db: Executor, submissionId: string): Promise<OpeningBidRow | null> {
  const [row] = await db.select().from(openingBids).where(eq(openingBids.submissionId, submissionId));
  return row ?? null;
}

export async function listOpeningBids(db: Executor, lotId: string): Promise<OpeningBidRow[]> {
  return db.select().from(openingBids).where(eq(openingBids.lotId, lotId)).orderBy(asc(openingBids.submissionId));
}

export async function nextReadOutSeq(tx: Tx, lotId: string): Promise<number> {
  const [row] = await tx
    .select({ last: max(openingBids.readOutSeq) })
    .from(openingBids)
    .where(eq(openingBids.lotId, lotId));
  return (row?.last ?? 0) + 1;
}

export async function findProjectAndLot(
  db: Executor,
  lotId: string,
): Promise<{ project: ProjectRow; lot: LotRow } | null> {
  const [row] = await db
    .select()
    .from(lots)
    .innerJoin(projects, eq(lots.projectId, projects.id))
    .where(eq(lots.id, lotId));
  return row ? { project: row.projects, lot: row.lots } : null;
}

export async function listAttendance(db: Executor, lotId: string) {
  return db
    .select({ row: openingAttendance, displayName: users.displayName })
    .from(openingAttendance)
    .innerJoin(users, eq(openingAttendance.userId, users.id))
    .where(eq(openingAttendance.lotId, lotId))
    .orderBy(asc(openingAttendance.signedInAt));
}

export async function findAttendance(db: Executor, lotId: string, userId: string): Promise<AttendanceRow | null> {
  const [row] = await db
    .select()
    .from(openingAttendance)
    .where(and(eq(openingAttendance.lotId, lotId), eq(openingAttendance.userId, userId)));
  return row ?? null;
}

export async function listSignatures(db: Executor, lotId: string) {
  return db
    .select({ row: openingSignatures, displayName: users.displayName })
    .from(openingSignatures)
    .innerJoin(users, eq(openingSignatures.userId, users.id))
    .where(eq(openingSignatures.lotId, lotId))
    .orderBy(asc(openingSignatures.signedAt));
}

export async function organisationNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findSubmissionRow(db: Executor, id: string) {
  const [row] = await db.select().from(bidSubmissions).where(eq(bidSubmissions.id, id));
  return row ?? null;
}

export async function submittedBidsOfLot(tx: Tx, lotId: string) {
  return tx
    .select({ id: bidSubmissions.id, organisationId: bidSubmissions.organisationId })
    .from(bidSubmissions)
    .where(and(eq(bidSubmissions.lotId, lotId), eq(bidSubmissions.state, 'submitted')))
    .orderBy(asc(bidSubmissions.submittedAt));
}
