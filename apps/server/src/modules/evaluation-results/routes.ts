import { evaluationReportStatement } from '@zhengcai/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { answerQuery } from './answer-query';
import { computeEvaluation } from './compute';
import { loadEvaluation, readerRole, type EvaluationContext } from './context';
import { decideQuery, lapseQueryJob } from './decide-query';
import { fixReport } from './fix-report';
import { myQueries } from './my-queries';
import { openQuery, QUERY_LAPSE_JOB } from './open-query';
import {
  answerBody,
  decisionBody,
  lotParams,
  lotQueryParams,
  myQueryView,
  openQueryBody,
  queryParams,
  reportView,
  resultsView as resultsSchema,
  signBody,
} from './schemas';
import { signReport } from './sign-report';
import { resultsView, signaturesView } from './view';

const tags = ['evaluation'];
const signedIn = { roles: 'any' } as const;
const suppliers = { roles: ['supplier'] } as const;

/** The report once fixed, to those who may read it (readerRole). */
function assertReportReader(ctx: EvaluationContext, viewer: UserViewer): void {
  readerRole(ctx, viewer);
  if (!ctx.evaluation.report || !ctx.evaluation.reportHash) {
    throw new AppError('EVALUATION_STATE', { state: ctx.evaluation.state });
  }
}

/**
 * The evaluation's result (C12, ADR 0021): computing it from the rows, the questions to bidders (arithmetic
 * correction, abnormally low price), the report and the committee's signatures; and the bidders' side of the questions.
 */
export const evaluationResultRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  s.jobs.register(QUERY_LAPSE_JOB, async (job, tx) => {
    const queryId = (job.payload as { queryId?: unknown }).queryId;
    if (typeof queryId === 'string') await lapseQueryJob(tx, s, queryId);
  });

  app.get(
    '/api/lots/:lotId/evaluation/results',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: '评审结果、澄清与签署情况（评审专家、主持方、监管） / The result, questions and signatures of a lot',
        params: lotParams,
        response: { 200: resultsSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      return s.db.transaction(async (tx) => {
        const ctx = await loadEvaluation(tx, viewer, request.params.lotId);
        return resultsView(tx, viewer, ctx);
      });
    },
  );

  app.post(
    '/api/lots/:lotId/evaluation/compute',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: '计算（或重新计算）评审结果（评审组长） / Compute or recompute the result (committee leader)',
        params: lotParams,
        response: { 200: z.object({ resultHash: z.string() }), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      return s.db.transaction(async (tx) => {
        const ctx = await loadEvaluation(tx, viewer, request.params.lotId, { lock: true });
        return computeEvaluation(tx, s, viewer, ctx);
      });
    },
  );

  app.post(
    '/api/lots/:lotId/evaluation/queries',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: '向投标人发出澄清：报价算术修正或异常低价说明（评审组长） / Ask a bidder (committee leader)',
        params: lotParams,
        body: openQueryBody,
        response: { 201: z.object({ id: z.string().uuid() }), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const out = await s.db.transaction(async (tx) => {
        const ctx = await loadEvaluation(tx, viewer, request.params.lotId, { lock: true });
        return openQuery(tx, s, viewer, ctx, request.body);
      });
      return reply.status(201).send(out);
    },
  );

  app.post(
    '/api/lots/:lotId/evaluation/queries/:queryId/decision',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: '记录委员会对异常低价说明的决定（评审组长） / Record the committee’s decision on an explanation',
        params: lotQueryParams,
        body: decisionBody,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      await s.db.transaction(async (tx) => {
        const ctx = await loadEvaluation(tx, viewer, request.params.lotId, { lock: true });
        await decideQuery(tx, s, viewer, ctx, request.params.queryId, request.body);
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/lots/:lotId/evaluation/report/fix',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: '评审报告定稿，交评审委员会签署（评审组长） / Fix the report for signing (committee leader)',
        params: lotParams,
        response: { 200: z.object({ reportHash: z.string() }), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      return s.db.transaction(async (tx) => {
        const ctx = await loadEvaluation(tx, viewer, request.params.lotId, { lock: true });
        return fixReport(tx, s, viewer, ctx);
      });
    },
  );

  app.get(
    '/api/lots/:lotId/evaluation/report',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: '评审报告（规范 JSON、SM3 摘要与签名） / The evaluation report, its hash and signatures',
        params: lotParams,
        response: { 200: reportView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      return s.db.transaction(async (tx) => {
        const ctx = await loadEvaluation(tx, viewer, request.params.lotId);
        assertReportReader(ctx, viewer);
        const reportHash = ctx.evaluation.reportHash ?? '';
        return {
          state: ctx.evaluation.state,
          report: ctx.evaluation.report ?? {},
          reportHash,
          hashAlgorithm: 'SM3' as const,
          statement: evaluationReportStatement(ctx.lot.id, reportHash, null),
          signatures: await signaturesView(tx, ctx),
        };
      });
    },
  );

  app.get(
    '/api/lots/:lotId/evaluation/report.pdf',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: '下载评审报告（PDF） / Download the evaluation report (PDF)',
        params: lotParams,
        response: { 200: z.any().meta({ description: 'application/pdf' }), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const key = await s.db.transaction(async (tx) => {
        const ctx = await loadEvaluation(tx, viewer, request.params.lotId);
        assertReportReader(ctx, viewer);
        return ctx.evaluation.reportBlobKey;
      });
      const pdf = key ? await s.blobs.get(key) : null;
      if (!pdf) throw new AppError('NOT_FOUND');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="evaluation-report-${request.params.lotId}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/lots/:lotId/evaluation/report/sign',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: '签署评审报告，可附不同意见（评审专家） / Sign the report, with a dissent if any (committee member)',
        params: lotParams,
        body: signBody,
        response: { 200: z.object({ reported: z.boolean() }), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => signReport(s, requireUser(request.viewer), request.params.lotId, request.body),
  );

  app.get(
    '/api/evaluation-queries/mine',
    {
      config: { access: suppliers },
      schema: {
        tags,
        summary: '本单位收到的评审澄清（投标人） / Questions the committees put to my organisation',
        response: { 200: z.object({ items: z.array(myQueryView) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      return { items: await myQueries(s.db, viewer, s.clock.now()) };
    },
  );

  app.post(
    '/api/evaluation-queries/:queryId/answer',
    {
      config: { access: suppliers },
      schema: {
        tags,
        summary: '答复评审澄清：确认或不确认修正、说明报价（投标人） / Answer a question (bidder)',
        params: queryParams,
        body: answerBody,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      await answerQuery(s, requireUser(request.viewer), request.params.queryId, request.body);
      return reply.status(204).send(null);
    },
  );
};
