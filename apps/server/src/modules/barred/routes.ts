import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { idParams } from '../registry/schemas';
import { barSupplier, liftBar } from './bar-supplier';
import { listBars, type BarRow } from './repo';
import { barBody, barView, liftBody } from './schemas';

function presentBar(bar: BarRow, name: string, uscc: string | null, now: Date): z.infer<typeof barView> {
  const active = !bar.liftedAt && bar.barredFrom <= now && (!bar.barredUntil || bar.barredUntil > now);
  return {
    id: bar.id,
    organisationId: bar.organisationId,
    organisationName: name,
    uscc,
    reason: bar.reason,
    decisionReference: bar.decisionReference,
    from: bar.barredFrom.toISOString(),
    until: bar.barredUntil?.toISOString() ?? null,
    recordedAt: bar.recordedAt.toISOString(),
    liftedAt: bar.liftedAt?.toISOString() ?? null,
    liftReason: bar.liftReason,
    active,
  };
}

/** Only the supervisor (财政部门) decides; the decisions are published, so anyone may read the list. */
const supervisorOnly = { roles: ['supervisor'] } as const;

export const barredRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/barred',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['barred'],
        summary: '禁止参加政府采购活动名单 / Suppliers barred from government procurement',
        response: { 200: z.object({ items: z.array(barView) }) },
      },
    },
    async () => {
      const now = s.clock.now();
      return { items: (await listBars(s.db)).map((r) => presentBar(r.bar, r.name, r.uscc, now)) };
    },
  );

  app.post(
    '/api/barred',
    {
      config: { access: supervisorOnly },
      schema: {
        tags: ['barred'],
        summary: '记录禁入决定 / Record a decision barring a supplier',
        body: barBody,
        response: { 201: barView, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const row = await barSupplier(s, requireUser(request.viewer), request.body);
      const listed = (await listBars(s.db, row.id))[0];
      if (!listed) throw new Error('bar vanished');
      return reply.status(201).send(presentBar(listed.bar, listed.name, listed.uscc, s.clock.now()));
    },
  );

  app.post(
    '/api/barred/:id/lift',
    {
      config: { access: supervisorOnly },
      schema: {
        tags: ['barred'],
        summary: '撤销禁入记录 / Lift a bar',
        params: idParams,
        body: liftBody,
        response: { 200: barView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await liftBar(s, requireUser(request.viewer), request.params.id, request.body.reason);
      const listed = (await listBars(s.db, request.params.id))[0];
      if (!listed) throw new Error('bar vanished');
      return presentBar(listed.bar, listed.name, listed.uscc, s.clock.now());
    },
  );
};
