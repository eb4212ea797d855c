import { bidStandsAfterReviews } from '@zhengcai/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import {
  evaluationCompliance,
  evaluationLeaderVotes,
  evaluationQualifications,
  evaluations,
  evaluationScores,
  evaluationSubmissions,
  expertDraws,
  expertDrawSeats,
  lots,
  projects,
  users,
} from '../../db/schema';
import { listLotSeats } from '../expert-draws/repo';
import { listOpeningBids, type OpeningBidRow } from '../opening/repo';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type QualificationRow = typeof evaluationQualifications.$inferSelect;
export type ComplianceRow = typeof evaluationCompliance.$inferSelect;
export type ScoreRow = typeof evaluationScores.$inferSelect;
export type SubmissionRow = typeof evaluationSubmissions.$inferSelect;
export type VoteRow = typeof evaluationLeaderVotes.$inferSelect;
export type ReviewStage = SubmissionRow['stage'];

export async function findEvaluation(db: Executor, lotId: string): Promise<EvaluationRow | null> {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.lotId, lotId));
  return row ?? null;
}

/** The evaluation row locked for update: every state change of a lot's evaluation goes through this lock. */
export async function lockEvaluation(tx: Tx, lotId: string): Promise<EvaluationRow | null> {
  const [row] = await tx.select().from(evaluations).where(eq(evaluations.lotId, lotId)).for('update');
  return row ?? null;
}

/**
 * The lot's evaluation committee: the experts holding a confirmed seat now (ADR 0019), by seat. Nobody else —
 * experts of other lots, declined or reserve experts included — may review, score or sign.
 */
export async function committeeMembers(db: Executor, lotId: string): Promise<{ userId: string; seat: number }[]> {
  const seats = await listLotSeats(db, lotId);
  return seats
    .filter((s) => s.status === 'confirmed' && s.seat !== null)
    .map((s) => ({ userId: s.expertUserId, seat: s.seat ?? 0 }))
    .sort((a, b) => a.seat - b.seat);
}

/** The bids that take part in the evaluation: those decrypted at the opening (an invalid bid is not reviewed). */
export async function decryptedBids(db: Executor, lotId: string): Promise<OpeningBidRow[]> {
  return (await listOpeningBids(db, lotId))
    .filter((b) => b.state === 'decrypted')
    .sort((a, b) => (a.readOutSeq ?? 0) - (b.readOutSeq ?? 0));
}

export async function listQualifications(db: Executor, lotId: string): Promise<QualificationRow[]> {
  return db.select().from(evaluationQualifications).where(eq(evaluationQualifications.lotId, lotId));
}

export async function listCompliance(db: Executor, lotId: string): Promise<ComplianceRow[]> {
  return db
    .select()
    .from(evaluationCompliance)
    .where(eq(evaluationCompliance.lotId, lotId))
    .orderBy(asc(evaluationCompliance.expertUserId), asc(evaluationCompliance.submissionId));
}

export async function listScores(db: Executor, lotId: string): Promise<ScoreRow[]> {
  return db
    .select()
    .from(evaluationScores)
    .where(eq(evaluationScores.lotId, lotId))
    .orderBy(
      asc(evaluationScores.expertUserId),
      asc(evaluationScores.submissionId),
      asc(evaluationScores.criterionKey),
    );
}

export async function listSubmissions(db: Executor, lotId: string): Promise<SubmissionRow[]> {
  return db.select().from(evaluationSubmissions).where(eq(evaluationSubmissions.lotId, lotId));
}

export async function listVotes(db: Executor, lotId: string): Promise<VoteRow[]> {
  return db
    .select()
    .from(evaluationLeaderVotes)
    .where(eq(evaluationLeaderVotes.lotId, lotId))
    .orderBy(asc(evaluationLeaderVotes.votedAt));
}

/** Whether the member's submission of the stage stands (submitted and not reopened since). */
export function hasSubmitted(rows: readonly SubmissionRow[], userId: string, stage: ReviewStage): boolean {
  return rows.some((r) => r.expertUserId === userId && r.stage === stage && r.submittedAt !== null);
}

/** Whether every member of the committee has a standing submission of the stage. */
export function allSubmitted(
  rows: readonly SubmissionRow[],
  members: readonly { userId: string }[],
  stage: ReviewStage,
): boolean {
  return members.length > 0 && members.every((m) => hasSubmitted(rows, m.userId, stage));
}

/**
 * The bids standing after the reviews (they are scored and ranked): qualification passed by the host and
 * compliance passed by a majority of the committee (`bidStandsAfterReviews`). Meaningful once the compliance
 * review has ended; the submission ids in reading order.
 */
export function standingBidIds(input: {
  bids: readonly OpeningBidRow[];
  qualifications: readonly QualificationRow[];
  compliance: readonly ComplianceRow[];
  committeeSize: number;
}): string[] {
  const passed = new Set(input.qualifications.filter((q) => q.passed).map((q) => q.submissionId));
  return input.bids
    .filter((b) =>
      bidStandsAfterReviews({
        qualificationPassed: passed.has(b.submissionId),
        complianceVotes: input.compliance.filter((c) => c.submissionId === b.submissionId).map((c) => c.passed),
        committeeSize: input.committeeSize,
      }),
    )
    .map((b) => b.submissionId);
}

/** The standing bids of a lot read from its rows (see standingBidIds). */
export async function standingBids(db: Executor, lotId: string): Promise<string[]> {
  const [bids, qualifications, compliance, members] = await Promise.all([
    decryptedBids(db, lotId),
    listQualifications(db, lotId),
    listCompliance(db, lotId),
    committeeMembers(db, lotId),
  ]);
  return standingBidIds({ bids, qualifications, compliance, committeeSize: members.length });
}

export async function displayNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The lots where the expert holds a confirmed seat now, with the project and the evaluation if started. */
export async function seatsOfExpert(db: Executor, expertUserId: string) {
  return db
    .select({ seat: expertDrawSeats, project: projects, lot: lots, evaluation: evaluations })
    .from(expertDrawSeats)
    .innerJoin(expertDraws, eq(expertDraws.id, expertDrawSeats.drawId))
    .innerJoin(projects, eq(projects.id, expertDraws.projectId))
    .innerJoin(lots, eq(lots.id, expertDrawSeats.lotId))
    .leftJoin(evaluations, eq(evaluations.lotId, expertDrawSeats.lotId))
    .where(and(eq(expertDrawSeats.expertUserId, expertUserId), eq(expertDrawSeats.status, 'confirmed')))
    .orderBy(asc(expertDrawSeats.respondedAt), asc(expertDrawSeats.id));
}
