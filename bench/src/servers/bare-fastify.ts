import Fastify from 'fastify';
import { serveChild } from '../harness/serve-child';

/**
 * The reference: fastify 5 with the logger off and one route returning a small constant JSON object — what any
 * JSON read costs on this machine and Node before the platform adds anything (plugins, hooks, session, database).
 */
serveChild(async () => {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ ok: true, user: { login: 'bench', role: 'supplier' } }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { port: address.port, close: () => app.close() };
});
