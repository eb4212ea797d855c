import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import { isOversight } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { organisationAbilities } from './policy';
import { presentOrganisation } from './present-organisation';
import { findOrganisation, listOrganisations } from './repo';
import { reviewRegistration } from './review-registration';
import {
  approveBody,
  idParams,
  listOrganisationsQuery,
  organisationView,
  rejectBody,
  signUpResponse,
  supplierSignUpBody,
} from './schemas';
import { signUpSupplier } from './sign-up-supplier';

export const registryRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.post(
    '/api/registrations/suppliers',
    {
      config: { access: { public: true }, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['registry'],
        summary: '供应商注册 / Supplier sign-up',
        body: supplierSignUpBody,
        response: { 201: signUpResponse, ...errorResponses(400, 409, 429) },
      },
    },
    async (request, reply) => reply.status(201).send(await signUpSupplier(s, request.body)),
  );

  app.get(
    '/api/organisations',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['registry'],
        summary: '机构列表 / Organisations I may see',
        querystring: listOrganisationsQuery,
        response: {
          200: z.object({ items: z.array(organisationView), total: z.number().int() }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      // Deny by default: outside oversight, the list is narrowed to the caller's own organisation.
      const onlyId = isOversight(viewer) ? null : (viewer.organisationId ?? '00000000-0000-0000-0000-000000000000');
      const { rows, total } = await listOrganisations(s.db, { ...request.query, onlyId }, request.query);
      return { items: rows.map((row) => presentOrganisation(viewer, row)), total };
    },
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['registry'],
        summary: '机构详情 / One organisation',
        params: idParams,
        response: { 200: organisationView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const org = await findOrganisation(s.db, request.params.id);
      if (!org || !organisationAbilities(viewer, org).view) throw new AppError('NOT_FOUND');
      return presentOrganisation(viewer, org);
    },
  );

  app.post(
    '/api/organisations/:id/approve',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['registry'],
        summary: '审核通过注册 / Approve a registration',
        params: idParams,
        body: approveBody,
        response: { 200: organisationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const decision = { approve: true as const, usccOverrideReason: request.body?.usccOverrideReason };
      return presentOrganisation(viewer, await reviewRegistration(s, viewer, request.params.id, decision));
    },
  );

  app.post(
    '/api/organisations/:id/reject',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['registry'],
        summary: '退回注册 / Reject a registration',
        params: idParams,
        body: rejectBody,
        response: { 200: organisationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const updated = await reviewRegistration(s, viewer, request.params.id, {
        approve: false,
        reason: request.body.reason,
      });
      return presentOrganisation(viewer, updated);
    },
  );
};
