import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { evaluationCompliance, evaluationQualifications, evaluationScores, users } from '../../db/schema';
import { listQueries } from './bid-inputs';
import type { EvaluationResultDocument } from './compute-result';
import type { EvaluationContext } from './context';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The report (评审报告) as fixed for signing: everything the committee decided, on the rows, with the result. */
export interface EvaluationReport {
  type: 'zhengcai-evaluation-report';
  version: 1;
  project: { id: string; code: string; title: string; category: string };
  lot: { id: string; number: number; title: string; budgetFen: number; evaluationMethod: string };
  committee: { seat: number; userId: string; name: string; leader: boolean }[];
  bidders: { submissionId: string; organisationId: string; name: string }[];
  qualification: { submissionId: string; passed: boolean; reason: string | null; reviewedAt: string }[];
  compliance: { submissionId: string; seat: number; passed: boolean; reason: string | null }[];
  scores: {
    submissionId: string;
    seat: number;
    criterionKey: string;
    scoreHundredths: number;
    reason: string | null;
  }[];
  queries: {
    id: string;
    submissionId: string;
    kind: string;
    state: string;
    request: Record<string, unknown>;
    askedAt: string;
    respondBy: string;
    answer: string | null;
    answeredAt: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
  }[];
  resultHash: string;
  result: EvaluationResultDocument;
}

/** Builds the report from the rows and the stored result (the caller checked the result is current). */
export async function buildReport(tx: Tx, ctx: EvaluationContext): Promise<EvaluationReport> {
  const lotId = ctx.lot.id;
  const result = ctx.evaluation.result as unknown as EvaluationResultDocument;
  const seatOf = new Map(ctx.members.map((m) => [m.userId, m.seat]));
  const ids = ctx.members.map((m) => m.userId);
  const names = new Map(
    (ids.length
      ? await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))
      : []
    ).map((u) => [u.id, u.name]),
  );
  const quals = await tx
    .select()
    .from(evaluationQualifications)
    .where(eq(evaluationQualifications.lotId, lotId))
    .orderBy(asc(evaluationQualifications.submissionId));
  const compliance = await tx.select().from(evaluationCompliance).where(eq(evaluationCompliance.lotId, lotId));
  const scores = await tx.select().from(evaluationScores).where(eq(evaluationScores.lotId, lotId));
  const queries = await listQueries(tx, lotId);
  const bySeatThenBid = <T extends { seat: number; submissionId: string }>(a: T, b: T) =>
    a.seat - b.seat || a.submissionId.localeCompare(b.submissionId);
  return {
    type: 'zhengcai-evaluation-report',
    version: 1,
    project: { id: ctx.project.id, code: ctx.project.code, title: ctx.project.title, category: ctx.project.category },
    lot: {
      id: lotId,
      number: ctx.lot.number,
      title: ctx.lot.title,
      budgetFen: ctx.lot.budgetFen,
      evaluationMethod: ctx.lot.evaluationMethod,
    },
    committee: ctx.members.map((m) => ({
      seat: m.seat,
      userId: m.userId,
      name: names.get(m.userId) ?? '',
      leader: m.userId === ctx.evaluation.leaderUserId,
    })),
    bidders: result.bids.map((b) => ({
      submissionId: b.submissionId,
      organisationId: b.organisationId,
      name: b.bidderName,
    })),
    qualification: quals.map((q) => ({
      submissionId: q.submissionId,
      passed: q.passed,
      reason: q.reason,
      reviewedAt: q.reviewedAt.toISOString(),
    })),
    compliance: compliance
      .filter((c) => seatOf.has(c.expertUserId))
      .map((c) => ({
        submissionId: c.submissionId,
        seat: seatOf.get(c.expertUserId) ?? 0,
        passed: c.passed,
        reason: c.reason,
      }))
      .sort(bySeatThenBid),
    scores: scores
      .filter((c) => seatOf.has(c.expertUserId))
      .map((c) => ({
        submissionId: c.submissionId,
        seat: seatOf.get(c.expertUserId) ?? 0,
        criterionKey: c.criterionKey,
        scoreHundredths: c.scoreHundredths,
        reason: c.reason,
      }))
      .sort((a, b) => bySeatThenBid(a, b) || a.criterionKey.localeCompare(b.criterionKey)),
    queries: queries.map((q) => ({
      id: q.id,
      submissionId: q.submissionId,
      kind: q.kind,
      state: q.state,
      request: q.request,
      askedAt: q.askedAt.toISOString(),
      respondBy: q.respondBy.toISOString(),
      answer: q.answer,
      answeredAt: iso(q.answeredAt),
      decidedAt: iso(q.decidedAt),
      decisionReason: q.decisionReason,
    })),
    resultHash: ctx.evaluation.resultHash ?? '',
    result,
  };
}
