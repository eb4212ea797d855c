import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notifications } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { idParams } from '../registry/schemas';
import { countUnread, findMyNotification, listMyNotifications, type NotificationRow } from './repo';

const notificationView = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  body: z.object({ zh: z.string(), en: z.string() }),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const present = (n: NotificationRow): z.infer<typeof notificationView> => ({
  id: n.id,
  kind: n.kind,
  title: { zh: n.titleZh, en: n.titleEn },
  body: { zh: n.bodyZh, en: n.bodyEn },
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/**
 * The in-app inbox. Reading is not an act on the record (no event): a read mark is the reader's own bookkeeping.
 * Someone else's notification is "not found".
 */
export const notificationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/notifications',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['notifications'],
        summary: '我的消息 / My notifications',
        response: {
          200: z.object({ unread: z.number().int(), items: z.array(notificationView) }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const [items, unread] = await Promise.all([
        listMyNotifications(s.db, viewer.userId, viewer.organisationId),
        countUnread(s.db, viewer.userId, viewer.organisationId),
      ]);
      return { unread, items: items.map(present) };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['notifications'],
        summary: '标为已读 / Mark as read',
        params: idParams,
        response: { 200: notificationView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const row = await findMyNotification(s.db, request.params.id, viewer.userId, viewer.organisationId);
      if (!row) throw new AppError('NOT_FOUND');
      if (row.readAt) return present(row);
      const [updated] = await s.db
        .update(notifications)
        .set({ readAt: s.clock.now(), readByUserId: viewer.userId })
        .where(eq(notifications.id, row.id))
        .returning();
      return present(updated ?? row);
    },
  );
};
