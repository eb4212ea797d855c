import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { organisationNames } from '../opening/repo';
import { idParams } from '../registry/schemas';
import { confirmInvitation, declineInvitation } from './answer-invitation';
import { listInvitations } from './repo';
import { declineBody, invitationView } from './schemas';

const tags = ['expert-draws'];
const expertOnly = { roles: ['expert'] } as const;

/** The drawn expert's side (我的评审邀请): their own seats once offered, and the answer. Another's seat: not found. */
export const invitationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  const list = async (userId: string) => {
    const rows = await listInvitations(s.db, userId);
    const names = await organisationNames(
      s.db,
      rows.flatMap((r) => [
        r.project.purchaserOrganisationId,
        r.project.agencyOrganisationId ?? r.project.purchaserOrganisationId,
      ]),
    );
    return rows.map(({ seat, project, lot }): z.infer<typeof invitationView> => ({
      id: seat.id,
      project: { id: project.id, code: project.code, title: project.title },
      lot: { id: lot.id, number: lot.number, title: lot.title },
      purchaserName: names.get(project.purchaserOrganisationId) ?? '',
      agencyName: project.agencyOrganisationId ? (names.get(project.agencyOrganisationId) ?? null) : null,
      seat: seat.seat,
      status: seat.status,
      steppedIn: seat.steppedInFor !== null,
      invitedAt: seat.invitedAt?.toISOString() ?? null,
      respondBy: seat.respondBy?.toISOString() ?? null,
      respondedAt: seat.respondedAt?.toISOString() ?? null,
      declineReason: seat.declineReason,
      abilities: { confirm: seat.status === 'invited', decline: seat.status === 'invited' },
    }));
  };
  const one = async (userId: string, id: string) => {
    const found = (await list(userId)).find((i) => i.id === id);
    if (!found) throw new Error('answered invitation vanished');
    return found;
  };

  app.get(
    '/api/expert-invitations',
    {
      config: { access: expertOnly },
      schema: {
        tags,
        summary: '我的评审邀请 / My evaluation invitations',
        response: { 200: z.object({ items: z.array(invitationView) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ items: await list(requireUser(request.viewer).userId) }),
  );

  app.post(
    '/api/expert-invitations/:id/confirm',
    {
      config: { access: expertOnly },
      schema: {
        tags,
        summary: '确认参加评审 / Confirm an invitation',
        params: idParams,
        response: { 200: invitationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await confirmInvitation(s, viewer, request.params.id);
      return one(viewer.userId, request.params.id);
    },
  );

  app.post(
    '/api/expert-invitations/:id/decline',
    {
      config: { access: expertOnly },
      schema: {
        tags,
        summary: '拒绝参加评审（须说明理由） / Decline an invitation, with a reason',
        params: idParams,
        body: declineBody,
        response: { 200: invitationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await declineInvitation(s, viewer, request.params.id, request.body.reason);
      return one(viewer.userId, request.params.id);
    },
  );
};
