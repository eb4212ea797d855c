import { desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiTokens } from '../../db/schema';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { idParams } from '../registry/schemas';
import { createApiToken } from './create-api-token';
import { revokeApiToken } from './revoke-api-token';

const tokenView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const tokenRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/tokens',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['tokens'],
        summary: '我的 API 令牌 / My API tokens',
        response: { 200: z.object({ items: z.array(tokenView) }), ...errorResponses(401) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const rows = await s.db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.userId, viewer.userId))
        .orderBy(desc(apiTokens.createdAt));
      return {
        items: rows.map((t) => ({
          id: t.id,
          name: t.name,
          createdAt: t.createdAt.toISOString(),
          expiresAt: iso(t.expiresAt),
          lastUsedAt: iso(t.lastUsedAt),
          revokedAt: iso(t.revokedAt),
        })),
      };
    },
  );

  app.post(
    '/api/tokens',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['tokens'],
        summary: '签发 API 令牌 / Issue an API token',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(3650).optional(),
        }),
        response: { 201: z.object({ id: z.string().uuid(), token: z.string() }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiToken(s, requireUser(request.viewer), request.body)),
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['tokens'],
        summary: '吊销 API 令牌 / Revoke an API token',
        params: idParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await revokeApiToken(s, requireUser(request.viewer), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
