import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from '../../apps/server/test/support/test-app';

const webDist = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface InProcessServer {
  base: string;
  /** The server's services and test helpers, to seed state that no route makes (e.g. what the award flow will). */
  t: TestApp;
  stop(): Promise<void>;
}

/**
 * The real app (apps/server buildApp with the built web app) in this process, on a fresh database (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL) through the server tests' harness, listening on a free port. For specs that
 * must seed state through the server's own use cases — state a person cannot make in the browser yet — where the
 * spawned demo server (support/server.ts) cannot be reached. Background jobs do not run; the clock is set to the
 * real time at start and then stands still (the server tests' manual clock).
 */
export async function startInProcessServer(env: Record<string, string> = {}): Promise<InProcessServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-e2e-inproc-'));
  const t = await createTestApp({
    WEB_DIST: webDist,
    DATA_DIR: dataDir,
    BLOB_DIR: join(dataDir, 'blobs'),
    PUBLIC_BASE_URL: base,
    ...env,
  });
  // The harness's clock stands still in March 2026; a browser would drop session cookies that expire then.
  t.clock.set(new Date());
  await t.app.listen({ port, host: '127.0.0.1' });
  return {
    base,
    t,
    async stop() {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
