import { correctBidPrice, type PriceSheet as DomainPriceSheet, type PriceSheetLine } from '@zhengcai/domain';
import type { PriceSheet } from '@zhengcai/seal';
import { evaluationBidderQueries } from '../../db/schema';
import type { Tx } from '../../db/client';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { scheduleJob } from '../../platform/jobs/schedule-job';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { bidInputs, listQueries, type QueryRow } from './bid-inputs';
import type { EvaluationResultDocument } from './compute-result';
import { assertLeader, bidOfLot, type EvaluationContext } from './context';
import { notifyQueryOpened } from './notices';
import { evaluationSubject } from './subject';

export const QUERY_LAPSE_JOB = 'evaluation.query_lapse';

export type OpenQueryBody =
  | {
      kind: 'arithmetic_correction';
      submissionId: string;
      /** The total as the body of the bid states it, when it differs from the price sheet's. */
      bodyTotalFen?: number | null | undefined;
      /** The detailed price sheet (分项报价) as the bid's documents give it. */
      lines?: PriceSheetLine[] | undefined;
      misplacedDecimalLine?: number | null | undefined;
      respondBy?: string | undefined;
    }
  | { kind: 'abnormal_price'; submissionId: string; question: string; respondBy?: string | undefined };

const STATES_FOR: Record<OpenQueryBody['kind'], readonly string[]> = {
  arithmetic_correction: ['compliance', 'scoring', 'computed'],
  abnormal_price: ['computed'],
};

/** Not settled yet: awaiting the bidder, or (an explanation) the committee's decision. */
export const UNSETTLED: readonly QueryRow['state'][] = ['open', 'answered'];

function deadline(s: Services, at: Date, respondBy: string | undefined): Date {
  if (respondBy === undefined) return new Date(at.getTime() + s.config.evaluationQueryHours * 3_600_000);
  const d = new Date(respondBy);
  if (d <= at) throw fieldError('respondBy', '答复期限须晚于现在', 'The deadline must be in the future');
  return d;
}

/** The stored seal price sheet as the domain's correction input, with what the committee read in the documents. */
function sheetOf(
  stored: PriceSheet,
  body: Extract<OpenQueryBody, { kind: 'arithmetic_correction' }>,
): DomainPriceSheet {
  return {
    sheetTotalFen: stored.priceFen,
    sheetTotalInWords: stored.priceInWords,
    bodyTotalFen: body.bodyTotalFen ?? null,
    ...(body.lines?.length ? { lines: body.lines } : {}),
    misplacedDecimalLine: body.misplacedDecimalLine ?? null,
  };
}

/**
 * The leader puts a question to a bidder (ADR 0021): an arithmetic correction of its price to confirm (87号令
 * 第五十九条; from `compliance` to `computed`), or, for a bid the result flags as abnormally low, an explanation of
 * its price (第六十条; in `computed`). One unsettled question per bid and kind; a deadline (`respondBy`, by default
 * EVALUATION_QUERY_HOURS from now) after which a job counts silence as refusal.
 */
export async function openQuery(
  tx: Tx,
  s: Services,
  viewer: UserViewer,
  ctx: EvaluationContext,
  body: OpenQueryBody,
): Promise<{ id: string }> {
  assertLeader(ctx, viewer);
  const state = ctx.evaluation.state;
  if (!STATES_FOR[body.kind].includes(state)) throw new AppError('EVALUATION_STATE', { state });
  const bid = bidOfLot(ctx, body.submissionId);
  const queries = await listQueries(tx, ctx.lot.id);
  const [input] = await bidInputs(tx, { ...ctx, lotId: ctx.lot.id, bids: [bid] }, queries);
  if (!input || input.invalidatedBy || (input.qualification && !input.qualification.passed)) {
    throw new AppError('EVALUATION_BID_NOT_STANDING');
  }
  const pending = queries.some(
    (q) => q.submissionId === bid.submissionId && q.kind === body.kind && UNSETTLED.includes(q.state),
  );
  if (pending) throw new AppError('EVALUATION_QUERY_EXISTS');
  const at = s.clock.now();
  const respondBy = deadline(s, at, body.respondBy);

  let request: Record<string, unknown>;
  if (body.kind === 'arithmetic_correction') {
    const stored = bid.priceSheet;
    if (!stored) throw new AppError('EVALUATION_BID_NOT_STANDING');
    const sheet = sheetOf(stored, body);
    const correction = correctBidPrice(sheet);
    if (!correction.ok) {
      throw new AppError('EVALUATION_NO_CORRECTION', {
        detail: correction.problems.map((p) => p.message.zh).join('；'),
      });
    }
    if (!correction.changed) throw new AppError('EVALUATION_NO_CORRECTION', { detail: '修正后报价与开标报价相同' });
    request = {
      sheet,
      originalFen: correction.originalFen,
      correctedFen: correction.correctedFen,
      correction: JSON.parse(JSON.stringify(correction)) as Record<string, unknown>,
    };
  } else {
    if (!input.stands) throw new AppError('EVALUATION_BID_NOT_STANDING');
    const result = ctx.evaluation.result as EvaluationResultDocument | null;
    const flag = result?.abnormallyLow.find((f) => f.bidId === bid.submissionId && f.flagged);
    if (!flag) throw new AppError('EVALUATION_NOT_FLAGGED');
    request = { question: body.question, flag, resultHash: ctx.evaluation.resultHash };
  }

  const [row] = await tx
    .insert(evaluationBidderQueries)
    .values({
      lotId: ctx.lot.id,
      submissionId: bid.submissionId,
      organisationId: bid.organisationId,
      kind: body.kind,
      state: 'open',
      request,
      askedByUserId: viewer.userId,
      askedAt: at,
      respondBy,
    })
    .returning();
  if (!row) throw new Error('query not inserted');
  await appendEvent(tx, s.clock, {
    type: 'evaluation.query_opened',
    payload: {
      projectId: ctx.project.id,
      lotId: ctx.lot.id,
      queryId: row.id,
      submissionId: bid.submissionId,
      organisationId: bid.organisationId,
      kind: body.kind,
      respondBy: respondBy.toISOString(),
    },
    actor: actorOf(viewer),
    subject: evaluationSubject(ctx.lot.id),
    audience: { kind: 'organisation', organisationId: bid.organisationId },
  });
  await notifyQueryOpened(tx, ctx, row);
  await scheduleJob(tx, s.clock, {
    kind: QUERY_LAPSE_JOB,
    payload: { queryId: row.id },
    runAt: respondBy,
    dedupeKey: `${QUERY_LAPSE_JOB}:${row.id}`,
  });
  return { id: row.id };
}
