import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { LocalBlobStore } from './platform/blobs/local-blob-store';
import { ServerCrypto } from './platform/crypto/aead-pool';
import { systemClock, acceleratedClock, type Clock } from './platform/clock';
import { AppError } from './platform/errors/app-error';
import { errorBody, registerErrorHandling } from './platform/errors/error-handler';
import { zodValidatorCompiler } from './platform/errors/validation';
import { registerAccessControl, type RouteEntry } from './platform/http/access';
import { JobRunner } from './platform/jobs/job-runner';
import { platformKeyPassword } from './platform/keys/key-password';
import { PlatformKeys } from './platform/keys/platform-keys';
import { LiveHub } from './platform/live/live-hub';
import { loggerOptions } from './platform/logging';
import { accountRoutes } from './modules/accounts/routes';
import { authRoutes } from './modules/auth/routes';
import { awardRoutes } from './modules/awards/routes';
import { challengeRoutes } from './modules/challenges/routes';
import { bidRoutes } from './modules/bids/routes';
import { certificateRoutes } from './modules/certificates/routes';
import { barredRoutes } from './modules/barred/routes';
import { deskRoutes } from './modules/documents/desk-routes';
import { tenderRoutes } from './modules/documents/tender-routes';
import { evaluationRoutes } from './modules/evaluations/routes';
import { expertRoutes } from './modules/experts/routes';
import { evaluationResultRoutes } from './modules/evaluation-results/routes';
import { expertDrawRoutes } from './modules/expert-draws/routes';
import { invitationRoutes } from './modules/expert-draws/invitation-routes';
import { ledgerRoutes } from './modules/ledger/routes';
import { liveRoutes } from './modules/live/routes';
import { registerMetrics } from './modules/ops/metrics';
import { notificationRoutes } from './modules/notifications/routes';
import { opsRoutes } from './modules/ops/routes';
import { portalRoutes } from './modules/portal/routes';
import { projectRoutes } from './modules/projects/routes';
import { recordingRoutes } from './modules/recordings/routes';
import { noticeRoutes } from './modules/notices/routes';
import { openingRoutes } from './modules/opening/routes';
import { recoveryRoutes } from './modules/opening/recovery-routes';
import { registryRoutes } from './modules/registry/routes';
import { supplierRoutes } from './modules/suppliers/routes';
import { tokenRoutes } from './modules/tokens/routes';
import { transactionCertificateRoutes } from './modules/transaction-certificates/routes';
import type { Services } from './services';

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
  /** Every route with its declared access (the authorisation matrix test reads it). */
  routes: RouteEntry[];
}

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  /** Start the job runner and the live hub (off in tests that drive them by hand). */
  startBackground?: boolean;
  /** Where log lines go (default: standard output). */
  logStream?: { write(line: string): void };
}

/** Builds the whole app from its configuration and an open database, without listening (tests inject). */
export async function buildApp(options: AppOptions): Promise<BuiltApp> {
  const { config, database } = options;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Errors the router raises before any route runs (malformed URL encoding, over-long parameters) get our body too.
    frameworkErrors: (error, request, reply) => {
      const appError = new AppError('BAD_URL');
      request.log.info({ code: error.code }, 'malformed URL');
      void (reply as FastifyReply)
        .status(appError.status)
        .header('x-request-id', request.id)
        .send(errorBody(appError, request.id));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  // The API speaks JSON only: a text/plain body (which a cross-site form can send) is refused with 415.
  app.removeContentTypeParser('text/plain');
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  const clock =
    options.clock ?? (config.clockAcceleration > 1 ? acceleratedClock(config.clockAcceleration) : systemClock);
  const log = app.log;
  const services: Services = {
    config,
    database,
    db: database.db,
    clock,
    log,
    blobs: new LocalBlobStore(config.blobDir),
    jobs: new JobRunner(database.db, clock, log, config.instanceId, config.jobPollMs),
    live: new LiveHub(database, log),
    platformKeys: new PlatformKeys(database.db, clock, config.cryptoSuite, () =>
      platformKeyPassword(config.platformKeyPassword, config.dataDir),
    ),
    crypto: new ServerCrypto(config.cryptoThreads),
  };

  registerErrorHandling(app);
  // Cookies are parsed and rate limits counted before the access hook reads them.
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  const routes = registerAccessControl(app, { db: database.db, clock, session: config.session });
  const metrics = registerMetrics(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '政采 Zhengcai API',
        version: '0.1.0',
        description:
          'Government e-procurement platform. Errors always have the body `{ error: { code, message: { zh, en }, fields?, requestId } }`. ' +
          'Browser sessions use the `zc_session` cookie and must send `x-csrf-token` on unsafe methods; machine clients use `Authorization: Bearer zc_…`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zc_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  for (const plugin of [
    bidRoutes,
    authRoutes,
    registryRoutes,
    accountRoutes,
    tokenRoutes,
    expertRoutes,
    supplierRoutes,
    projectRoutes,
    noticeRoutes,
    portalRoutes,
    ledgerRoutes,
    liveRoutes,
    certificateRoutes,
    tenderRoutes,
    deskRoutes,
    barredRoutes,
    notificationRoutes,
    openingRoutes,
    recoveryRoutes,
    recordingRoutes,
    transactionCertificateRoutes,
    expertDrawRoutes,
    invitationRoutes,
    awardRoutes,
    challengeRoutes,
    evaluationResultRoutes,
    evaluationRoutes,
  ]) {
    await app.register(plugin, { services });
  }
  await app.register(opsRoutes, { services, metrics });

  const webDist = resolve(config.webDist);
  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // The web app routes on the client: unknown non-API paths get index.html.
    app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }

  if (options.startBackground !== false) {
    app.addHook('onReady', async () => {
      await services.live.start();
      // Create or open the platform keys now, so the first certificate or receipt does not wait for them.
      await services.platformKeys.get();
      services.jobs.start();
    });
  }
  // Graceful shutdown: end live streams first (browsers reconnect elsewhere with Last-Event-ID), so that closing the
  // server only waits for ordinary requests in flight; then stop claiming jobs and let the running one finish.
  app.addHook('preClose', async () => {
    await services.live.stop();
  });
  app.addHook('onClose', async () => {
    await services.jobs.stop();
    await services.crypto.close();
  });
  return { app, services, routes };
}
