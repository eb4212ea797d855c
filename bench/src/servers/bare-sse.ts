import { createServer, type ServerResponse } from 'node:http';
import { serveChild } from '../harness/serve-child';

const now = () => performance.timeOrigin + performance.now();

/**
 * The reference for the hall's live stream: a bare node:http Server-Sent Events server — no fastify, no session, no
 * database, no per-viewer filter. Every GET is a stream (same headers and `retry:` preamble as /api/live); `broadcast`
 * writes one frame (`id:` and `data:` as given) to every open stream and answers the instant it started writing.
 */
serveChild(async () => {
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    });
    res.write('retry: 3000\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    calls: {
      async broadcast(arg) {
        const { id, data } = JSON.parse(arg) as { id: string; data: string };
        const sentAt = now();
        const frame = `id: ${id}\ndata: ${data}\n\n`;
        for (const res of streams) res.write(frame);
        return JSON.stringify({ sentAt });
      },
      viewers: () => Promise.resolve(String(streams.size)),
    },
    async close() {
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
});
