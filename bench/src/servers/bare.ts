import Fastify from 'fastify';

/** The reference: a bare fastify 5 route returning a small JSON object, in its own process like the subject. */
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ user: { id: 'x', login: 'bench', role: 'supplier' }, ok: true }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }) + '\n');
process.on('SIGTERM', () => void app.close().finally(() => process.exit(0)));
