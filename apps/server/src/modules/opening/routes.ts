import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { closeDecryptionEarly, closeDecryptionJob } from './close-decryption';
import { answerObjection, confirmBid } from './confirm-bid';
import { loadHall } from './load-hall';
import { openHall } from './open-hall';
import { presentHall } from './present-hall';
import { envelopeForBidder, releaseKey } from './release-key';
import { recordRoutes } from './record-routes';
import { CLOSE_DECRYPTION_JOB, OPEN_HALL_JOB } from './schedule-opening';
import {
  answerBody,
  bidParams,
  confirmBody,
  envelopeView,
  hallView,
  keyBody,
  lotParams,
  openResultView,
  signatureBody,
  signInStatementView,
} from './schemas';
import { signIn, signInStatement } from './sign-in';
import { startDecryption } from './start-decryption';

const anyUser = { roles: 'any' } as const;
const tags = ['opening'];

function lotOf(job: { payload: unknown }): string | null {
  const lotId = (job.payload as { lotId?: unknown }).lotId;
  return typeof lotId === 'string' ? lotId : null;
}

/** The remote opening hall (不见面开标, ADR 0016): one hall per lot under /api/openings/:lotId. */
export const openingRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  s.jobs.register(OPEN_HALL_JOB, async (job, tx) => {
    const lotId = lotOf(job);
    if (lotId) await openHall(tx, s, lotId);
  });
  s.jobs.register(CLOSE_DECRYPTION_JOB, async (job, tx) => {
    const lotId = lotOf(job);
    if (lotId) await closeDecryptionJob(tx, s, lotId);
  });

  app.get(
    '/api/openings/:lotId',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '开标大厅：状态、签到、唱标、确认与签署，我的身份与可做的操作 / The opening hall',
        params: lotParams,
        response: { 200: hallView, ...errorResponses(400, 404) },
      },
    },
    async (request) => presentHall(s, request.viewer, await loadHall(s.db, request.viewer, request.params.lotId)),
  );

  app.get(
    '/api/openings/:lotId/sign-in-statement',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: '签到声明（待签名的规范 JSON） / The sign-in statement to sign',
        params: lotParams,
        response: { 200: signInStatementView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await loadHall(s.db, viewer, request.params.lotId);
      return { statement: signInStatement(viewer, request.params.lotId) };
    },
  );

  app.post(
    '/api/openings/:lotId/sign-in',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: '签到（以签名证书签署签到声明） / Sign in with a signature over the statement',
        params: lotParams,
        body: signatureBody,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      await signIn(s, requireUser(request.viewer), request.params.lotId, request.body.signature);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/openings/:lotId/start',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: '主持人开始解密 / The host starts decryption',
        params: lotParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await startDecryption(s, requireUser(request.viewer), request.params.lotId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/openings/:lotId/bids/:submissionId/envelope',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: '取回本单位投标的数字信封（在浏览器中解开内容密钥） / My bid’s envelope, to unwrap the key',
        params: bidParams,
        response: { 200: envelopeView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      envelopeForBidder(s, requireUser(request.viewer), request.params.lotId, request.params.submissionId),
  );

  app.post(
    '/api/openings/:lotId/bids/:submissionId/key',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: '提交解密密钥：服务器解密、核验并唱标 / Release the content key: decrypt, verify, read out',
        params: bidParams,
        body: keyBody,
        response: { 200: openResultView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      releaseKey(
        s,
        requireUser(request.viewer),
        request.params.lotId,
        request.params.submissionId,
        request.body.contentKey,
      ),
  );

  app.post(
    '/api/openings/:lotId/close',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: '全部投标已解密时，主持人提前结束解密 / The host ends decryption once no bid is sealed',
        params: lotParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await closeDecryptionEarly(s, requireUser(request.viewer), request.params.lotId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/openings/:lotId/bids/:submissionId/confirm',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: '投标人确认开标结果或提出异议 / The bidder confirms the read-out or objects',
        params: bidParams,
        body: confirmBody,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { lotId, submissionId } = request.params;
      await confirmBid(s, requireUser(request.viewer), lotId, submissionId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/openings/:lotId/bids/:submissionId/answer',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: '主持人答复异议 / The host answers an objection',
        params: bidParams,
        body: answerBody,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { lotId, submissionId } = request.params;
      await answerObjection(s, requireUser(request.viewer), lotId, submissionId, request.body.text);
      return reply.status(204).send(null);
    },
  );

  await app.register(recordRoutes, { services: s });
};
