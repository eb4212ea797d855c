import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/http/require-user';
import { fileResponse, sendFile } from '../documents/send-file';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { openedBidFile } from './bid-file';
import { reviewCompliance, submitCompliance } from './compliance';
import { voteLeader } from './leader';
import { myEvaluations, presentEvaluation } from './present';
import { finishQualification, reviewQualification } from './qualification';
import {
  bidFileParams,
  bidParams,
  evaluationView,
  lotParams,
  myEvaluationsView,
  reopenBody,
  reviewBody,
  scoresBody,
  voteBody,
} from './schemas';
import { reopenScoring, saveScores, submitScoring } from './scoring';
import { startEvaluation } from './start';

const tags = ['evaluations'];
/** The host of the evaluation: the agency, or the purchaser without one (the rule of opening/policy.ts). */
const hosts = { roles: ['agency', 'purchaser'] } as const;
/** The committee: experts holding a confirmed seat on the lot (others, experts of other lots too, get 404 inside). */
const experts = { roles: ['expert'] } as const;
/** Seeing an evaluation: host, members and oversight; everyone else is told "not found" inside. */
const signedIn = { roles: 'any' } as const;

/**
 * The remote evaluation's reviews (C12, ADR 0021): the host starts it and reviews qualifications; the committee
 * reviews compliance, elects its leader and scores; the views are shaped by the caller's role.
 */
export const evaluationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  const view = (request: { viewer: Parameters<typeof requireUser>[0]; params: { lotId: string } }) =>
    presentEvaluation(s, requireUser(request.viewer), request.params.lotId);

  app.get(
    '/api/lots/:lotId/evaluation',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary:
          '某包的评审（评审专家：本人的审查与评分，全体提交后可见全部；组织方：资格审查与进度；监管：全部） / A lot’s evaluation, shaped by role',
        params: lotParams,
        response: { 200: evaluationView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => view(request),
  );

  app.get(
    '/api/lots/:lotId/evaluation/bids/:submissionId/files/:index',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary:
          '下载开标解密后的投标文件（评审开始后：组织方、本包评审专家、监管） / Download an opened bid’s file (host, members, oversight)',
        params: bidFileParams,
        response: { 200: fileResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { lotId, submissionId, index } = request.params;
      return sendFile(reply, s.blobs, await openedBidFile(s, requireUser(request.viewer), lotId, submissionId, index));
    },
  );

  app.post(
    '/api/lots/:lotId/evaluation/start',
    {
      config: { access: hosts },
      schema: {
        tags,
        summary:
          '开始评审（开标记录已公布、评标委员会已组建），通知评审专家 / Start the evaluation (host), the committee is told',
        params: lotParams,
        response: { 201: evaluationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await startEvaluation(s, requireUser(request.viewer), request.params.lotId);
      return reply.status(201).send(await view(request));
    },
  );

  app.put(
    '/api/lots/:lotId/evaluation/qualifications/:submissionId',
    {
      config: { access: hosts },
      schema: {
        tags,
        summary: '资格审查：通过或不通过（不通过须说明理由） / Qualification review of one bid (host)',
        params: bidParams,
        body: reviewBody,
        response: { 200: evaluationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { lotId, submissionId } = request.params;
      await reviewQualification(s, requireUser(request.viewer), lotId, submissionId, request.body);
      return view(request);
    },
  );

  app.post(
    '/api/lots/:lotId/evaluation/qualification/finish',
    {
      config: { access: hosts },
      schema: {
        tags,
        summary: '结束资格审查（通过不足三家则废标，否则进入符合性审查） / End the qualification review (host)',
        params: lotParams,
        response: { 200: evaluationView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      await finishQualification(s, requireUser(request.viewer), request.params.lotId);
      return view(request);
    },
  );

  app.put(
    '/api/lots/:lotId/evaluation/compliance/:submissionId',
    {
      config: { access: experts },
      schema: {
        tags,
        summary: '符合性审查：通过或不通过（不通过须说明理由） / Compliance review of one qualified bid (member)',
        params: bidParams,
        body: reviewBody,
        response: { 200: evaluationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { lotId, submissionId } = request.params;
      await reviewCompliance(s, requireUser(request.viewer), lotId, submissionId, request.body);
      return view(request);
    },
  );

  app.post(
    '/api/lots/:lotId/evaluation/compliance/submit',
    {
      config: { access: experts },
      schema: {
        tags,
        summary: '提交符合性审查意见（全体提交后按多数意见确定投标是否通过） / Submit my compliance review (member)',
        params: lotParams,
        response: { 200: evaluationView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      await submitCompliance(s, requireUser(request.viewer), request.params.lotId);
      return view(request);
    },
  );

  app.put(
    '/api/lots/:lotId/evaluation/leader-vote',
    {
      config: { access: experts },
      schema: {
        tags,
        summary: '推选评审组长（过半数当选） / Vote for the committee leader (member)',
        params: lotParams,
        body: voteBody,
        response: { 200: evaluationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await voteLeader(s, requireUser(request.viewer), request.params.lotId, request.body.candidateUserId);
      return view(request);
    },
  );

  app.put(
    '/api/lots/:lotId/evaluation/scores',
    {
      config: { access: experts },
      schema: {
        tags,
        summary: '保存评分（逐项检查范围与小数位，有误则全部不保存） / Save scores, all or nothing (member)',
        params: lotParams,
        body: scoresBody,
        response: { 200: evaluationView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      await saveScores(s, requireUser(request.viewer), request.params.lotId, request.body.scores);
      return view(request);
    },
  );

  app.post(
    '/api/lots/:lotId/evaluation/scoring/submit',
    {
      config: { access: experts },
      schema: {
        tags,
        summary: '提交评分（须已推选评审组长，评分完整） / Submit my scores (member)',
        params: lotParams,
        response: { 200: evaluationView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      await submitScoring(s, requireUser(request.viewer), request.params.lotId);
      return view(request);
    },
  );

  app.post(
    '/api/lots/:lotId/evaluation/scoring/reopen',
    {
      config: { access: experts },
      schema: {
        tags,
        summary: '退回专家评分重新评分（评审组长，经评标委员会认定，须说明理由） / Return a member’s scores (leader)',
        params: lotParams,
        body: reopenBody,
        response: { 200: evaluationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await reopenScoring(s, requireUser(request.viewer), request.params.lotId, request.body);
      return view(request);
    },
  );

  app.get(
    '/api/evaluations/mine',
    {
      config: { access: experts },
      schema: {
        tags,
        summary: '我的评审：本人确认参加的评标委员会 / My evaluations (expert)',
        response: { 200: myEvaluationsView, ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ items: await myEvaluations(s, requireUser(request.viewer)) }),
  );
};
