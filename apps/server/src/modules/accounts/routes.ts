import { PERMISSIONS } from '@zhengcai/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { presentOrganisation } from '../registry/present-organisation';
import { idParams, organisationView } from '../registry/schemas';
import { createOrganisation } from './create-organisation';
import { createUser } from './create-user';
import { listUsers } from './repo';
import { createUserBody, createOrganisationBody, listUsersQuery, userView } from './schemas';
import { unlockUser } from './unlock-user';

const admin = { roles: PERMISSIONS.manageAccounts };

export const accountRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/admin/users',
    {
      config: { access: admin },
      schema: {
        tags: ['accounts'],
        summary: '账户列表 / All accounts',
        querystring: listUsersQuery,
        response: {
          200: z.object({ items: z.array(userView), total: z.number().int() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { rows, total } = await listUsers(s.db, request.query, request.query);
      return {
        items: rows.map(({ user, organisation }) => ({
          id: user.id,
          login: user.login,
          displayName: user.displayName,
          role: user.role,
          organisation,
          status: user.status,
          lockedUntil: user.lockedUntil && user.lockedUntil > s.clock.now() ? user.lockedUntil.toISOString() : null,
          createdAt: user.createdAt.toISOString(),
        })),
        total,
      };
    },
  );

  app.post(
    '/api/admin/organisations',
    {
      config: { access: admin },
      schema: {
        tags: ['accounts'],
        summary: '创建机构 / Create an organisation',
        body: createOrganisationBody,
        response: { 201: organisationView, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const org = await createOrganisation(s, viewer, request.body);
      return reply.status(201).send(presentOrganisation(viewer, org));
    },
  );

  app.post(
    '/api/admin/users',
    {
      config: { access: admin },
      schema: {
        tags: ['accounts'],
        summary: '创建账户 / Create an account',
        body: createUserBody,
        response: { 201: z.object({ id: z.string().uuid() }), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = await createUser(s, requireUser(request.viewer), request.body);
      return reply.status(201).send({ id: user.id });
    },
  );

  app.post(
    '/api/admin/users/:id/unlock',
    {
      config: { access: admin },
      schema: {
        tags: ['accounts'],
        summary: '解除锁定 / Unlock an account',
        params: idParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await unlockUser(s, requireUser(request.viewer), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
