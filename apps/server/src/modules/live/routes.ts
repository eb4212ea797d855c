import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { presentEvent } from '../ledger/routes';

const HEARTBEAT_MS = 15_000;

/**
 * An event's SSE frame, encoded once: the hub hands the same row object to every viewer it goes to (2,000 in a busy
 * hall), and the frame does not depend on the viewer — who may see it was decided before `send`.
 */
const frames = new WeakMap<object, Buffer>();
function frameOf(row: Parameters<typeof presentEvent>[0]): Buffer {
  let frame = frames.get(row);
  if (!frame) {
    frame = Buffer.from(`id: ${row.seq}\ndata: ${JSON.stringify(presentEvent(row))}\n\n`);
    frames.set(row, frame);
  }
  return frame;
}

/**
 * Server-Sent Events: each event the caller may see, as `id: <seq>` and `data: <json>` (the JSON carries the event
 * type; unnamed SSE events reach EventSource.onmessage, so clients need not know the vocabulary). Browsers
 * reconnect by themselves and send Last-Event-ID, from which the stream resumes without gaps or repeats.
 */
export const liveRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/live',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['live'],
        summary: '实时事件流（SSE）/ Live events (Server-Sent Events)',
        querystring: z.object({
          subject: z
            .string()
            .regex(/^[a-z_]+:[\w-]+$/)
            .optional(),
          lastEventId: z.coerce.number().int().min(0).optional(),
        }),
        headers: z.object({ 'last-event-id': z.coerce.number().int().min(0).optional() }).passthrough(),
        response: { 200: z.string().describe('text/event-stream'), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const lastEventId = request.headers['last-event-id'] ?? request.query.lastEventId ?? null;
      const subjectParts = request.query.subject?.split(':');
      const subject = subjectParts ? { type: subjectParts[0] ?? '', id: subjectParts[1] ?? '' } : null;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.write('retry: 3000\n\n');
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      let unsubscribe: (() => void) | null = null;
      let closed = false;
      res.on('close', () => {
        closed = true;
        clearInterval(heartbeat);
        unsubscribe?.();
      });
      try {
        unsubscribe = await s.live.subscribe(
          {
            viewer: request.viewer,
            subject,
            send: (row) => {
              res.write(frameOf(row));
            },
            end: () => res.end(),
          },
          lastEventId,
        );
        if (closed) unsubscribe();
      } catch (err) {
        // The response is already streaming: log, and end it; the browser reconnects with Last-Event-ID.
        request.log.error({ err }, 'live subscription failed');
        res.end();
      }
    },
  );
};
