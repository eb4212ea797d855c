import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { safeEqual } from '../../platform/auth/secrets';
import { AppError } from '../../platform/errors/app-error';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';

export const opsRoutes: FastifyPluginAsyncZod<{ services: Services; metrics: Registry }> = async (
  app,
  { services: s, metrics },
) => {
  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['ops'],
        summary: '健康检查 / Health',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            instance: z.string(),
            time: z.string(),
          }),
          ...errorResponses(),
          503: z.object({ status: z.literal('unavailable'), reason: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await s.db.execute(sql`select 1`);
      } catch (err) {
        s.log.error({ err }, 'health check: database unreachable');
        return reply.status(503).send({ status: 'unavailable', reason: 'database' });
      }
      return {
        status: 'ok' as const,
        database: s.database.kind,
        instance: s.config.instanceId,
        time: s.clock.now().toISOString(),
      };
    },
  );

  app.get(
    '/metrics',
    {
      config: { access: { public: true } },
      schema: { tags: ['ops'], summary: 'Prometheus metrics', response: { 200: z.string(), ...errorResponses(401) } },
    },
    async (request, reply) => {
      const token = s.config.metricsToken;
      if (token) {
        const sent = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
        if (!safeEqual(sent, token)) throw new AppError('UNAUTHENTICATED');
      }
      return reply.type(metrics.contentType).send(await metrics.metrics());
    },
  );
};
