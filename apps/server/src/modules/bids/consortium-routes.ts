import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { idParams } from '../registry/schemas';
import { listConsortiumRequests, visibleConsortiumBid, type ConsortiumBid } from './consortium-requests';
import { presentMember } from './present-member';
import { consortiumRequestView, declineBody, signBody, signView } from './schemas';
import { declineConsortiumBid, signConsortiumBid } from './sign-consortium-bid';

const supplierOnly = { roles: ['supplier'] } as const;

function presentRequest(bid: ConsortiumBid, now: Date): z.infer<typeof consortiumRequestView> {
  const { row, members, me, project, lot } = bid;
  const lead = members.find((m) => m.role === 'lead');
  const pending =
    row.state === 'awaiting_members' &&
    !me.signedAt &&
    !me.declinedAt &&
    !!project.bidDeadline &&
    now.getTime() < project.bidDeadline.getTime();
  return {
    submissionId: row.id,
    state: row.state,
    project: {
      id: project.id,
      code: project.code,
      title: project.title,
      bidDeadline: project.bidDeadline?.toISOString() ?? null,
    },
    lot: { id: lot.id, number: lot.number, title: lot.title },
    lead: {
      organisationId: row.organisationId,
      name: lead?.name ?? '',
      uscc: lead?.uscc ?? '',
    },
    members: members.map(presentMember),
    myOrganisationId: me.organisationId,
    ciphertextHashAlgorithm: row.ciphertextHashAlgorithm,
    ciphertextHash: row.ciphertextHash,
    ciphertextLength: row.ciphertextLength,
    statement: row.envelope?.statement ?? null,
    suite: row.suite,
    receiptAvailable: row.receipt !== null,
    abilities: { sign: pending && me.role === 'member', decline: pending && me.role === 'member' },
  };
}

/**
 * Consortium requests (联合体投标): a member organisation reviews the bid its lead sealed (who, where, which
 * ciphertext — never a price), co-signs the lead's statement with its own key, or declines. Only the parties see a
 * request; anyone else gets 404.
 */
export const consortiumRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/bids/consortium-requests',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '联合体投标：待我方签署的请求 / Consortium bids naming my organisation as a member',
        response: { 200: z.object({ items: z.array(consortiumRequestView) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const now = s.clock.now();
      const items = await listConsortiumRequests(s, requireUser(request.viewer));
      return { items: items.map((b) => presentRequest(b, now)) };
    },
  );

  app.get(
    '/api/bids/consortium-requests/:id',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '联合体投标请求详情 / A consortium bid request',
        params: idParams,
        response: { 200: consortiumRequestView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentRequest(await visibleConsortiumBid(s, requireUser(request.viewer), request.params.id), s.clock.now()),
  );

  app.post(
    '/api/bids/consortium-requests/:id/sign',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '联合体成员签署投标声明 / A consortium member co-signs the bid statement',
        params: idParams,
        body: signBody,
        response: { 200: signView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => signConsortiumBid(s, requireUser(request.viewer), request.params.id, request.body.signature),
  );

  app.post(
    '/api/bids/consortium-requests/:id/decline',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '联合体成员拒绝签署（投标取消） / A consortium member declines (the bid is cancelled)',
        params: idParams,
        body: declineBody,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await declineConsortiumBid(s, requireUser(request.viewer), request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );
};
