import { roleMay } from '@zhengcai/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { meResponse } from '../auth/schemas';
import { replyWithSession } from '../auth/session-reply';
import { issueChallenge } from './challenges';
import { enrol } from './enrol';
import { logInByCertificate } from './log-in-by-certificate';
import { assertMayHoldCertificates, certificateAbilities } from './policy';
import { presentBundles, presentStatus } from './present';
import { requestOrigin } from './request-origin';
import { findCertificate, listCertificates } from './repo';
import { revocationList } from './revocation-list';
import { revokeBundle } from './revoke';
import {
  bundleView,
  caView,
  certificateLoginBody,
  challengeView,
  enrolBody,
  pemView,
  revocationListView,
  revokeBody,
  statusQuery,
  statusView,
} from './schemas';

const ALL_ROLES = { roles: 'any' } as const;
const bundleParams = z.object({ bundleId: z.string().uuid() });
const idParams = z.object({ id: z.string().uuid() });

/** Certificates (C2): enrolment, my certificates, revocation, the public CA / status / revocation list, login. */
export const certificateRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.post(
    '/api/certificates/enrolment-challenge',
    {
      config: { access: ALL_ROLES },
      schema: {
        tags: ['certificates'],
        summary: '申请证书：获取签名挑战 / Start enrolment: a challenge for the new signing key',
        response: { 200: challengeView, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      assertMayHoldCertificates(viewer);
      const issued = await issueChallenge(s, 'enrolment', requestOrigin(request), viewer.userId);
      return { ...issued, suite: s.config.cryptoSuite };
    },
  );

  app.post(
    '/api/certificates',
    {
      config: { access: ALL_ROLES },
      schema: {
        tags: ['certificates'],
        summary: '申请证书：提交公钥 / Enrol: certify my new public keys',
        body: enrolBody,
        response: { 201: bundleView, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const rows = await enrol(s, viewer, request.body, requestOrigin(request));
      const holder = await listCertificates(s.db, { userId: viewer.userId });
      const bundle = presentBundles(viewer, holder, s.clock.now()).find((b) => b.bundleId === rows[0]?.bundleId);
      if (!bundle) throw new Error('issued bundle vanished');
      return reply.status(201).send(bundle);
    },
  );

  app.get(
    '/api/certificates/mine',
    {
      config: { access: ALL_ROLES },
      schema: {
        tags: ['certificates'],
        summary: '我的证书 / My certificates',
        response: { 200: z.object({ items: z.array(bundleView) }), ...errorResponses(401) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const rows = await listCertificates(s.db, { userId: viewer.userId });
      return { items: presentBundles(viewer, rows, s.clock.now()) };
    },
  );

  app.get(
    '/api/certificates',
    {
      config: { access: { roles: ['centre', 'supervisor', 'admin'] } },
      schema: {
        tags: ['certificates'],
        summary: '全部证书 / Every certificate issued',
        response: { 200: z.object({ items: z.array(bundleView) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      if (!roleMay(viewer.role, 'listCertificates')) throw new AppError('FORBIDDEN');
      const rows = await listCertificates(s.db, {});
      return { items: presentBundles(viewer, rows, s.clock.now()) };
    },
  );

  app.get(
    '/api/certificates/:id/pem',
    {
      config: { access: ALL_ROLES },
      schema: {
        tags: ['certificates'],
        summary: '下载证书（PEM）/ Download a certificate (PEM)',
        params: idParams,
        response: { 200: pemView, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const row = await findCertificate(s.db, { id: request.params.id });
      if (!row || !certificateAbilities(viewer, row.userId).view) throw new AppError('NOT_FOUND');
      return {
        fileName: `${row.usage}-${row.serial}.pem`,
        pem: row.certificatePem,
        serial: row.serial,
        fingerprint: row.fingerprint,
      };
    },
  );

  app.post(
    '/api/certificates/bundles/:bundleId/revoke',
    {
      config: { access: ALL_ROLES },
      schema: {
        tags: ['certificates'],
        summary: '吊销证书 / Revoke a certificate bundle',
        params: bundleParams,
        body: revokeBody,
        response: { 200: bundleView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const rows = await revokeBundle(s, viewer, request.params.bundleId, request.body);
      const holder = await listCertificates(s.db, { userId: rows[0]?.userId ?? viewer.userId });
      const bundle = presentBundles(viewer, holder, s.clock.now()).find((b) => b.bundleId === request.params.bundleId);
      if (!bundle) throw new Error('revoked bundle vanished');
      return bundle;
    },
  );

  app.get(
    '/api/certificates/ca',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['certificates'],
        summary: '平台 CA 证书 / The platform CA certificate',
        response: { 200: caView },
      },
    },
    async () => {
      const keys = await s.platformKeys.get();
      const { caCertificate } = keys;
      return {
        name: keys.ca.name,
        suite: keys.suite,
        serial: caCertificate.serial,
        fingerprint: caCertificate.fingerprint,
        pem: caCertificate.pem,
      };
    },
  );

  app.get(
    '/api/certificates/status',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['certificates'],
        summary: '证书状态查询（类 OCSP）/ Certificate status (like OCSP)',
        querystring: statusQuery,
        response: { 200: statusView, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { serial, fingerprint } = request.query;
      const row = await findCertificate(s.db, serial !== undefined ? { serial } : { fingerprint: fingerprint ?? '' });
      if (!row) throw new AppError('NOT_FOUND');
      return presentStatus(row, s.clock.now());
    },
  );

  app.get(
    '/api/certificates/revocations',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['certificates'],
        summary: '证书吊销列表（类 CRL）/ Revocation list (like a CRL)',
        response: { 200: revocationListView },
      },
    },
    async () => revocationList(s),
  );

  app.post(
    '/api/auth/certificate/challenge',
    {
      config: { access: { public: true }, rateLimit: { max: s.config.login.ratePerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: '证书登录：获取挑战 / Certificate login: get a challenge',
        response: { 200: challengeView, ...errorResponses(429) },
      },
    },
    async (request) => ({
      ...(await issueChallenge(s, 'login', requestOrigin(request), null)),
      suite: s.config.cryptoSuite,
    }),
  );

  app.post(
    '/api/auth/certificate/login',
    {
      config: { access: { public: true }, rateLimit: { max: s.config.login.ratePerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: '证书登录 / Log in with my certificate',
        body: certificateLoginBody,
        response: { 200: meResponse, ...errorResponses(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) =>
      replyWithSession(s, reply, await logInByCertificate(s, request.body, requestOrigin(request))),
  );
};
