import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { removeOnExit, serveChild } from '../harness/serve-child';

/**
 * The reference for bid uploads: a bare @tus/server (the library the platform mounts) with its FileStore in a
 * temporary directory, on node:http — no fastify, no session or CSRF check, no authoriser, no hashing, no database.
 * Uploads at /files. The directory is removed on exit.
 */
serveChild(async () => {
  const directory = await mkdtemp(join(tmpdir(), 'zc-bench-tus-'));
  removeOnExit(directory);
  const tus = new Server({ path: '/files', datastore: new FileStore({ directory }), relativeLocation: true });
  const server = createServer((req, res) => void tus.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    facts: { endpoint: '/files' },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(directory, { recursive: true, force: true });
    },
  };
});
