import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { idParams } from '../registry/schemas';
import { declareConflict, withdrawConflict } from './declare-conflict';
import { findProfile, listConflicts, listProfiles } from './repo';
import { conflictBody, conflictView, profileBody, profileView } from './schemas';
import { updateExpertProfile } from './update-profile';

type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfile>>>;
type ConflictRow = Awaited<ReturnType<typeof listConflicts>>[number];

const presentProfile = ({ profile, displayName }: ProfileRow): z.infer<typeof profileView> => ({
  userId: profile.userId,
  displayName,
  title: profile.title,
  employerName: profile.employerName,
  employerUscc: profile.employerUscc,
  region: profile.region,
  specialties: profile.specialties,
  updatedAt: profile.updatedAt.toISOString(),
});

const presentConflict = (c: ConflictRow): z.infer<typeof conflictView> => ({
  id: c.id,
  organisationName: c.organisationName,
  organisationUscc: c.organisationUscc,
  reason: c.reason,
  declaredAt: c.declaredAt.toISOString(),
  withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
});

const expertOnly = { roles: ['expert'] } as const;
/** Expert identities are confidential (C11): only the centre, the supervisor and the administrator list them. */
const oversight = { roles: ['centre', 'supervisor', 'admin'] } as const;

export const expertRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/experts/me/profile',
    {
      config: { access: expertOnly },
      schema: {
        tags: ['experts'],
        summary: '我的专家资料 / My expert profile',
        response: { 200: profileView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const row = await findProfile(s.db, requireUser(request.viewer).userId);
      if (!row) throw new AppError('NOT_FOUND');
      return presentProfile(row);
    },
  );

  app.put(
    '/api/experts/me/profile',
    {
      config: { access: expertOnly },
      schema: {
        tags: ['experts'],
        summary: '更新我的专家资料 / Update my expert profile',
        body: profileBody,
        response: { 200: profileView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await updateExpertProfile(s, viewer, request.body);
      const row = await findProfile(s.db, viewer.userId);
      if (!row) throw new Error('profile vanished');
      return presentProfile(row);
    },
  );

  app.get(
    '/api/experts/me/conflicts',
    {
      config: { access: expertOnly },
      schema: {
        tags: ['experts'],
        summary: '我申报的回避 / My declared conflicts',
        response: { 200: z.object({ items: z.array(conflictView) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({
      items: (await listConflicts(s.db, requireUser(request.viewer).userId, true)).map(presentConflict),
    }),
  );

  app.post(
    '/api/experts/me/conflicts',
    {
      config: { access: expertOnly },
      schema: {
        tags: ['experts'],
        summary: '申报回避 / Declare a conflict',
        body: conflictBody,
        response: { 201: conflictView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentConflict(await declareConflict(s, requireUser(request.viewer), request.body))),
  );

  app.delete(
    '/api/experts/me/conflicts/:id',
    {
      config: { access: expertOnly },
      schema: {
        tags: ['experts'],
        summary: '撤回回避申报 / Withdraw a conflict',
        params: idParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await withdrawConflict(s, requireUser(request.viewer), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/experts',
    {
      config: { access: oversight },
      schema: {
        tags: ['experts'],
        summary: '专家库 / The expert pool',
        response: {
          200: z.object({ items: z.array(profileView.extend({ conflicts: z.array(conflictView) })) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => {
      const rows = await listProfiles(s.db);
      const items = [];
      for (const row of rows) {
        const conflicts = await listConflicts(s.db, row.profile.userId, false);
        items.push({ ...presentProfile(row), conflicts: conflicts.map(presentConflict) });
      }
      return { items };
    },
  );
};
