import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { registerAwardJobs } from './award-jobs';
import { confirmAward } from './confirm-award';
import { extendConfirmation } from './extend-confirmation';
import { myLetters } from './my-letters';
import { presentAward } from './present-award';
import { publishResult } from './publish-result';
import { awardView, confirmBody, extendBody, letterListView, lotParams, resumeBody, suspendBody } from './schemas';
import { setAwardSuspension } from './suspend-award';

const tags = ['awards'];
const signedIn = { roles: 'any' } as const;
const purchasers = { roles: ['purchaser'] } as const;
const hosts = { roles: ['agency', 'purchaser'] } as const;
const supervisors = { roles: ['supervisor'] } as const;
const suspenders = { roles: ['purchaser', 'supervisor'] } as const;
const suppliers = { roles: ['supplier'] } as const;

/** The award (定标, C13/B8, ADR 0021): confirmation, result notice with letters and certificate, suspension. */
export const awardRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  registerAwardJobs(s);
  const view = (viewer: Parameters<typeof presentAward>[1], lotId: string) => presentAward(s, viewer, lotId);

  app.get(
    '/api/lots/:lotId/award',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: '某包的定标：排名、确认期限、结果公告（采购人、主持方、监管；投标人在公告后） / A lot’s award',
        params: lotParams,
        response: { 200: awardView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => view(request.viewer, request.params.lotId),
  );

  app.post(
    '/api/lots/:lotId/award/confirm',
    {
      config: { access: purchasers },
      schema: {
        tags,
        summary: '采购人确认中标（成交）供应商（排名第一；并列时选定并写明理由） / The purchaser confirms the winner',
        params: lotParams,
        body: confirmBody,
        response: { 200: awardView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await confirmAward(s, viewer, request.params.lotId, request.body);
      return view(viewer, request.params.lotId);
    },
  );

  app.post(
    '/api/lots/:lotId/award/extend',
    {
      config: { access: supervisors },
      schema: {
        tags,
        summary: '监管部门延长采购人确认期限（记录理由） / The supervisor extends the confirmation period',
        params: lotParams,
        body: extendBody,
        response: { 200: awardView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await extendConfirmation(s, viewer, request.params.lotId, request.body);
      return view(viewer, request.params.lotId);
    },
  );

  app.post(
    '/api/lots/:lotId/award/publish',
    {
      config: { access: hosts },
      schema: {
        tags,
        summary:
          '发布中标（成交）结果公告，同时发出通知书并签发交易证明书（同一事务） / Publish the result, letters and certificate',
        params: lotParams,
        response: { 200: awardView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const origin = request.headers.origin ?? `${request.protocol}://${request.host}`;
      await publishResult(s, viewer, request.params.lotId, origin);
      return view(viewer, request.params.lotId);
    },
  );

  app.post(
    '/api/lots/:lotId/award/suspend',
    {
      config: { access: suspenders },
      schema: {
        tags,
        summary: '质疑处理期间暂停中标（成交）结果 / Suspend the award while a challenge is pending',
        params: lotParams,
        body: suspendBody,
        response: { 200: awardView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await setAwardSuspension(s, viewer, request.params.lotId, { suspend: true, reason: request.body.reason });
      return view(viewer, request.params.lotId);
    },
  );

  app.post(
    '/api/lots/:lotId/award/resume',
    {
      config: { access: suspenders },
      schema: {
        tags,
        summary: '解除暂停 / Lift the suspension of the award',
        params: lotParams,
        body: resumeBody,
        response: { 200: awardView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await setAwardSuspension(s, viewer, request.params.lotId, {
        suspend: false,
        reason: request.body.reason ?? null,
      });
      return view(viewer, request.params.lotId);
    },
  );

  app.get(
    '/api/award-letters',
    {
      config: { access: suppliers },
      schema: {
        tags,
        summary: '本单位收到的中标（成交）通知书和结果通知书 / My organisation’s notification letters',
        response: { 200: letterListView, ...errorResponses(401, 403) },
      },
    },
    async (request) => myLetters(s.db, requireUser(request.viewer)),
  );
};
