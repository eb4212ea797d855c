import { PERMISSIONS } from '@zhengcai/domain';
import { asc, eq, gt } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { events, ledgerHead } from '../../db/schema';
import { summarise } from '../../platform/events/vocabulary';
import { verifyLedger } from '../../platform/events/verify-ledger';
import { errorResponses } from '../../platform/http/responses';
import { canSeeEvent } from '../../platform/policy/event-policy';
import type { Services } from '../../services';

export const eventView = z.object({
  seq: z.number().int(),
  type: z.string(),
  occurredAt: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  summary: z.object({ zh: z.string(), en: z.string() }),
  leafHash: z.string(),
});

export function presentEvent(row: typeof events.$inferSelect): z.infer<typeof eventView> {
  return {
    seq: row.seq,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    subject: { type: row.subjectType, id: row.subjectId },
    summary: summarise(row.type, row.payload),
    leafHash: row.leafHash,
  };
}

const verifyResponse = z.object({
  ok: z.boolean(),
  size: z.number().int(),
  checked: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }),
  problems: z.array(z.object({ seq: z.number().int(), kind: z.string(), detail: z.string() })),
});

export const ledgerRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/ledger/head',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['ledger'],
        summary: '存证链头 / The ledger head',
        response: { 200: z.object({ size: z.number().int(), hash: z.string(), updatedAt: z.string() }) },
      },
    },
    async () => {
      const [head] = await s.db.select().from(ledgerHead).where(eq(ledgerHead.id, 1));
      if (!head) throw new Error('ledger head missing');
      return { size: head.size, hash: head.chainHash, updatedAt: head.updatedAt.toISOString() };
    },
  );

  app.get(
    '/api/ledger/verify',
    {
      config: { access: { roles: PERMISSIONS.verifyLedger } },
      schema: {
        tags: ['ledger'],
        summary: '核验存证链 / Verify the whole ledger',
        response: { 200: verifyResponse, ...errorResponses(401, 403) },
      },
    },
    async () => verifyLedger(s.db),
  );

  app.get(
    '/api/events',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['ledger'],
        summary: '我可见的事件 / Events I may see, oldest first',
        querystring: z.object({
          after: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(eventView), next: z.number().int() }), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { after, limit } = request.query;
      // Read a window and filter by visibility; `next` lets a client page on even if it saw nothing in this window.
      const rows = await s.db.select().from(events).where(gt(events.seq, after)).orderBy(asc(events.seq)).limit(limit);
      const visible = rows.filter((row) => canSeeEvent(request.viewer, row));
      return { items: visible.map(presentEvent), next: rows.at(-1)?.seq ?? after };
    },
  );
};
