import { and, count, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ledgerHead, organisations, users } from '../../db/schema';
import type { Services } from '../../services';

const statsResponse = z.object({
  suppliers: z.number().int(),
  purchasers: z.number().int(),
  agencies: z.number().int(),
  experts: z.number().int(),
  organisations: z.number().int(),
  users: z.number().int(),
  ledger: z.object({ size: z.number().int(), headHash: z.string() }),
});

export const portalRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/portal/stats',
    {
      config: { access: { public: true } },
      schema: { tags: ['portal'], summary: '门户统计 / Portal figures', response: { 200: statsResponse } },
    },
    async () => {
      const byKind = await s.db
        .select({ kind: organisations.kind, n: count() })
        .from(organisations)
        .where(eq(organisations.status, 'active'))
        .groupBy(organisations.kind);
      const kindCount = (kind: string) => byKind.find((r) => r.kind === kind)?.n ?? 0;
      const [experts] = await s.db
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'expert'), eq(users.status, 'active')));
      const [allUsers] = await s.db.select({ n: count() }).from(users).where(eq(users.status, 'active'));
      const [head] = await s.db.select().from(ledgerHead).where(eq(ledgerHead.id, 1));
      return {
        suppliers: kindCount('supplier'),
        purchasers: kindCount('purchaser'),
        agencies: kindCount('agency'),
        experts: experts?.n ?? 0,
        organisations: byKind.reduce((n, r) => n + r.n, 0),
        users: allUsers?.n ?? 0,
        ledger: { size: head?.size ?? 0, headHash: head?.chainHash ?? '' },
      };
    },
  );
};
