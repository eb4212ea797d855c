import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { evaluationBidderQueries } from '../../db/schema';
import type { Actor } from '../../platform/events/append-event';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findProjectAndLot } from '../opening/repo';
import { findEvaluation, lockEvaluation } from '../evaluations/repo';
import type { QueryRow } from './bid-inputs';
import { notifyLeaderAnswered } from './notices';
import { evaluationSubject } from './subject';

export type AnswerBody =
  { action: 'confirm' } | { action: 'refuse'; reason?: string | undefined } | { action: 'explain'; text: string };

/** A query of the lot, locked with its evaluation (the evaluation row first, as every act on it). */
export async function lockQuery(tx: Tx, queryId: string): Promise<QueryRow | null> {
  const [found] = await tx.select().from(evaluationBidderQueries).where(eq(evaluationBidderQueries.id, queryId));
  if (!found) return null;
  await lockEvaluation(tx, found.lotId);
  const [row] = await tx
    .select()
    .from(evaluationBidderQueries)
    .where(eq(evaluationBidderQueries.id, queryId))
    .for('update');
  return row ?? null;
}

/** The query, if the caller is a supplier user of the organisation asked; otherwise 404. */
export async function ownQuery(tx: Tx, viewer: UserViewer, queryId: string): Promise<QueryRow> {
  const row = await lockQuery(tx, queryId);
  if (!row || viewer.role !== 'supplier' || viewer.organisationId !== row.organisationId) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

export async function queryEvent(
  tx: Tx,
  s: Services,
  row: QueryRow,
  actor: Actor,
  event:
    | { type: 'evaluation.query_answered'; state: 'answered' | 'confirmed' | 'refused' }
    | { type: 'evaluation.query_decided'; decision: 'accepted' | 'rejected'; reason: string }
    | { type: 'evaluation.query_lapsed' },
): Promise<void> {
  const where = await findProjectAndLot(tx, row.lotId);
  const ref = {
    projectId: where?.project.id ?? row.lotId,
    lotId: row.lotId,
    queryId: row.id,
    submissionId: row.submissionId,
    organisationId: row.organisationId,
  };
  const common = {
    actor,
    subject: evaluationSubject(row.lotId),
    audience: { kind: 'organisation' as const, organisationId: row.organisationId },
  };
  if (event.type === 'evaluation.query_answered') {
    await appendEvent(tx, s.clock, {
      type: event.type,
      payload: { ...ref, kind: row.kind, state: event.state },
      ...common,
    });
  } else if (event.type === 'evaluation.query_decided') {
    await appendEvent(tx, s.clock, {
      type: event.type,
      payload: { ...ref, decision: event.decision, reason: event.reason },
      ...common,
    });
  } else {
    await appendEvent(tx, s.clock, {
      type: event.type,
      payload: { ...ref, kind: row.kind, respondBy: row.respondBy.toISOString() },
      ...common,
    });
  }
}

/**
 * The bidder answers online before the deadline: confirms or refuses a correction (refusing makes the bid invalid,
 * 87号令 第五十九条), or writes its explanation of an abnormally low price (第六十条; the committee then decides).
 */
export async function answerQuery(s: Services, viewer: UserViewer, queryId: string, body: AnswerBody): Promise<void> {
  await s.db.transaction(async (tx) => {
    const row = await ownQuery(tx, viewer, queryId);
    if (row.state !== 'open') throw new AppError('EVALUATION_QUERY_STATE', { state: row.state });
    const at = s.clock.now();
    if (row.respondBy <= at) throw new AppError('EVALUATION_QUERY_OVERDUE', { respondBy: row.respondBy.toISOString() });
    const correction = row.kind === 'arithmetic_correction';
    if (correction === (body.action === 'explain')) throw new AppError('EVALUATION_QUERY_KIND', { kind: row.kind });
    const state = body.action === 'confirm' ? 'confirmed' : body.action === 'refuse' ? 'refused' : 'answered';
    const answer = body.action === 'explain' ? body.text : body.action === 'refuse' ? (body.reason ?? null) : null;
    await tx
      .update(evaluationBidderQueries)
      .set({ state, answer, answeredByUserId: viewer.userId, answeredAt: at })
      .where(eq(evaluationBidderQueries.id, row.id));
    await queryEvent(tx, s, row, actorOf(viewer), { type: 'evaluation.query_answered', state });
    const where = await findProjectAndLot(tx, row.lotId);
    const evaluation = await findEvaluation(tx, row.lotId);
    if (where) await notifyLeaderAnswered(tx, evaluation?.leaderUserId ?? null, where, at);
  });
}
