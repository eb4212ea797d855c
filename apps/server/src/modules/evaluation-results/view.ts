import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import type { UserViewer } from '../../platform/policy/actor';
import { listQueries, type QueryRow } from './bid-inputs';
import { decryptedBids, readerRole, type EvaluationContext } from './context';
import { UNSETTLED } from './open-query';
import { listReportSignatures } from './sign-report';

export const RESULT_ACTIONS = [
  'compute',
  'open_correction',
  'ask_explanation',
  'decide',
  'fix_report',
  'sign',
] as const;
export type ResultAction = (typeof RESULT_ACTIONS)[number];

export function queryView(q: QueryRow) {
  return {
    id: q.id,
    submissionId: q.submissionId,
    organisationId: q.organisationId,
    kind: q.kind,
    state: q.state,
    request: q.request,
    askedAt: q.askedAt.toISOString(),
    respondBy: q.respondBy.toISOString(),
    answer: q.answer,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    decidedAt: q.decidedAt?.toISOString() ?? null,
    decisionReason: q.decisionReason,
  };
}

async function displayNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The committee's signatures with the signers' seats and names. */
export async function signaturesView(tx: Tx, ctx: EvaluationContext) {
  const rows = await listReportSignatures(tx, ctx.lot.id);
  const names = await displayNames(
    tx,
    ctx.members.map((m) => m.userId),
  );
  return ctx.members.map((m) => {
    const sig = rows.find((r) => r.expertUserId === m.userId);
    return {
      seat: m.seat,
      userId: m.userId,
      name: names.get(m.userId) ?? '',
      leader: m.userId === ctx.evaluation.leaderUserId,
      signedAt: sig?.signedAt.toISOString() ?? null,
      signature: sig?.signature ?? null,
      dissent: sig?.dissent ?? null,
    };
  });
}

/**
 * The result panel of a lot (members, the host, oversight; the purchaser once reported): state, the result with its working, the queries, the
 * report's hash, who has signed, and what the caller may do now.
 */
export async function resultsView(tx: Tx, viewer: UserViewer, ctx: EvaluationContext) {
  const role = readerRole(ctx, viewer);
  const e = ctx.evaluation;
  const queries = await listQueries(tx, ctx.lot.id);
  const members = await signaturesView(tx, ctx);
  const leader = ctx.role === 'member' && e.leaderUserId === viewer.userId;
  const actions: ResultAction[] = [];
  if (leader && (e.state === 'scoring' || e.state === 'computed')) actions.push('compute');
  if (leader && ['compliance', 'scoring', 'computed'].includes(e.state)) actions.push('open_correction');
  if (leader && e.state === 'computed') actions.push('ask_explanation', 'decide');
  if (leader && e.state === 'computed' && !queries.some((q) => UNSETTLED.includes(q.state))) actions.push('fix_report');
  if (
    ctx.role === 'member' &&
    e.state === 'signing' &&
    !members.some((m) => m.userId === viewer.userId && m.signedAt)
  ) {
    actions.push('sign');
  }
  const names = new Map(decryptedBids(ctx).map((b) => [b.submissionId, b.organisationId]));
  return {
    lotId: ctx.lot.id,
    projectId: ctx.project.id,
    projectCode: ctx.project.code,
    projectTitle: ctx.project.title,
    lotNumber: ctx.lot.number,
    lotTitle: ctx.lot.title,
    evaluationMethod: ctx.lot.evaluationMethod,
    state: e.state,
    role,
    leader,
    leaderUserId: e.leaderUserId,
    computedAt: e.computedAt?.toISOString() ?? null,
    resultHash: e.resultHash,
    result: e.result,
    queries: queries.filter((q) => names.has(q.submissionId)).map(queryView),
    reportHash: e.reportHash,
    reportFixedAt: e.reportFixedAt?.toISOString() ?? null,
    reportedAt: e.reportedAt?.toISOString() ?? null,
    members,
    actions,
  };
}
