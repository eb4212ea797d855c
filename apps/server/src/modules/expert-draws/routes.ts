import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { idParams } from '../registry/schemas';
import { confirmTimeoutJob } from './answer-invitation';
import { executeDraw } from './execute-draw';
import { presentCommittee, presentDrawSummary } from './present-committee';
import { listAllDraws } from './repo';
import { requestExpertDraw } from './request-draw';
import {
  committeeView,
  drawListView,
  drawRequestBody,
  lotParams,
  supplementaryBody,
  verificationView,
} from './schemas';
import { CONFIRM_TIMEOUT_JOB } from './seats';
import { requestSupplementaryDraw } from './supplementary-draw';
import { drawVerification } from './verify-draw';

const tags = ['expert-draws'];
/** The host of a lot's draw: the agency's users, or the purchaser's when a project has no agency (policy.ts). */
const hosts = { roles: ['agency', 'purchaser'] } as const;
/** Seeing a lot's draw: its host and oversight; everyone else is told "not found" inside. */
const signedIn = { roles: 'any' } as const;
/** Draws with names, seeds and snapshots (PERMISSIONS.verifyExpertDraws). */
const verifiers = { roles: ['centre', 'supervisor'] } as const;

/** The expert draw (专家抽取, C11, ADR 0019): request, draw, supplementary draw, and oversight's verification. */
export const expertDrawRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  s.jobs.register(CONFIRM_TIMEOUT_JOB, async (job, tx) => {
    const seatId = (job.payload as { seatId?: unknown }).seatId;
    if (typeof seatId === 'string') await confirmTimeoutJob(tx, s, seatId);
  });

  app.get(
    '/api/expert-draws/lots/:lotId',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: '某包的专家抽取与评审专家席位（主持方：匿名；监管、交易中心：实名） / A lot’s expert draw and seats',
        params: lotParams,
        response: { 200: committeeView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => presentCommittee(s.db, request.viewer, request.params.lotId),
  );

  app.post(
    '/api/expert-draws',
    {
      config: { access: hosts },
      schema: {
        tags,
        summary:
          '申请专家抽取：生成随机种子并公布其承诺值，冻结专家库快照 / Request a draw (seed committed, pool frozen)',
        body: drawRequestBody,
        response: { 201: committeeView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const draw = await requestExpertDraw(s, viewer, request.body);
      return reply.status(201).send(await presentCommittee(s.db, viewer, draw.lotId));
    },
  );

  app.post(
    '/api/expert-draws/:id/draw',
    {
      config: { access: hosts },
      schema: {
        tags,
        summary: '抽取：按已承诺的种子和快照抽取评审专家与备选，通知评审专家 / Run a committed draw',
        params: idParams,
        response: { 200: committeeView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const draw = await executeDraw(s, viewer, request.params.id);
      return presentCommittee(s.db, viewer, draw.lotId);
    },
  );

  app.post(
    '/api/expert-draws/:id/supplementary',
    {
      config: { access: hosts },
      schema: {
        tags,
        summary: '补充抽取（备选专家用完、席位空缺时） / Request a supplementary draw for empty seats',
        params: idParams,
        body: supplementaryBody,
        response: { 201: committeeView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const draw = await requestSupplementaryDraw(s, viewer, request.params.id, request.body);
      return reply.status(201).send(await presentCommittee(s.db, viewer, draw.lotId));
    },
  );

  app.get(
    '/api/expert-draws',
    {
      config: { access: verifiers },
      schema: {
        tags,
        summary: '专家抽取记录（监管部门、交易中心） / Every expert draw (oversight)',
        response: { 200: drawListView, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const rows = await listAllDraws(s.db);
      return {
        items: rows.map(({ draw, project, lot }) => ({
          ...presentDrawSummary(draw),
          project: { id: project.id, code: project.code, title: project.title },
          lot: { id: lot.id, number: lot.number, title: lot.title },
        })),
      };
    },
  );

  app.get(
    '/api/expert-draws/:id/verification',
    {
      config: { access: verifiers },
      schema: {
        tags,
        summary:
          '抽取验证材料：种子（抽取后）、承诺值、专家库快照及哈希、结果与服务器端验证 / Verification material of a draw',
        params: idParams,
        response: { 200: verificationView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => drawVerification(s.db, request.viewer, request.params.id),
  );
};
