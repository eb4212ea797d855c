import { EVALUATION_TRANSITIONS, nextState } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { evaluations } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { renderRecordPdf } from '../../platform/pdf/render-record';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { listQueries } from './bid-inputs';
import { buildReport } from './build-report';
import { documentHash } from './compute-result';
import { resultFromRows } from './compute';
import { assertLeader, type EvaluationContext } from './context';
import { UNSETTLED } from './open-query';
import { reportPdf } from './report-pdf';
import { evaluationSubject } from './subject';

/**
 * 评审报告定稿 (the leader, in `computed`): no question to a bidder unsettled, and the stored result is what the rows
 * give now (else recompute first). The report is canonical JSON with its SM3 hash and a PDF in the blob store;
 * the state moves to `signing`.
 */
export async function fixReport(
  tx: Tx,
  s: Services,
  viewer: UserViewer,
  ctx: EvaluationContext,
): Promise<{ reportHash: string }> {
  assertLeader(ctx, viewer);
  const state = ctx.evaluation.state;
  const next = nextState(EVALUATION_TRANSITIONS, state, 'fix_report');
  if (!next) throw new AppError('EVALUATION_STATE', { state });
  const unsettled = (await listQueries(tx, ctx.lot.id)).filter((q) => UNSETTLED.includes(q.state)).length;
  if (unsettled > 0) throw new AppError('EVALUATION_QUERIES_OPEN', { count: unsettled });
  const now = await resultFromRows(tx, ctx);
  if (now.hash !== ctx.evaluation.resultHash) throw new AppError('EVALUATION_RECOMPUTE_NEEDED');
  const report = await buildReport(tx, ctx);
  const reportHash = documentHash(report);
  const pdfKey = (await s.blobs.put(await renderRecordPdf(reportPdf(report, reportHash)))).hash;
  await tx
    .update(evaluations)
    .set({
      state: next,
      report: { ...report },
      reportHash,
      reportBlobKey: pdfKey,
      reportFixedAt: s.clock.now(),
    })
    .where(eq(evaluations.lotId, ctx.lot.id));
  await appendEvent(tx, s.clock, {
    type: 'evaluation.report_fixed',
    payload: {
      projectId: ctx.project.id,
      lotId: ctx.lot.id,
      reportHash,
      resultHash: ctx.evaluation.resultHash ?? '',
      pdfSha256: pdfKey,
    },
    actor: actorOf(viewer),
    subject: evaluationSubject(ctx.lot.id),
    audience: { kind: 'oversight' },
  });
  return { reportHash };
}
