import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoCity } from '../../apps/server/src/seed/demo-city';
import { seedDemoTenders } from '../../apps/server/src/seed/demo-tenders';
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
  /** The server's services and test helpers, to seed state through the server's own use cases. */
  t: TestApp;
  /**
   * Moves the server's clock forward to `at` (never back; it runs on from there) and runs every job then due (the
   * hall opening at a deadline, the end of a decryption window), so a spec reaches a deadline when it is ready for it
   * instead of waiting for it.
   */
  moveClockTo(at: Date): Promise<void>;
  /** What the server has logged so far (warnings and errors), for a failed spec's artifacts. */
  output(): string;
  stop(): Promise<void>;
}

export interface InProcessOptions {
  /** Extra server settings (the environment variables of README's configuration table). */
  env?: Record<string, string>;
  /** Seed the demo city and its tenders, as `npm start` does: the README's logins work. */
  demo?: boolean;
  /**
   * Run the live hub (Server-Sent Events: pages update without reloading) and the job runner, on the manual clock.
   * Off, pages show what they load and jobs run only through `moveClockTo`.
   */
  background?: boolean;
}

/**
 * The real app (apps/server buildApp with the built web app) in this process, on a fresh database (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL) through the server tests' harness, listening on a free port: for specs that seed
 * the state they start from through the server's own use cases and helpers (support/seed-*.ts). The clock is the
 * server tests' manual clock, started at the real time and running with it; a spec jumps it forward to a deadline
 * (`moveClockTo`), so no spec waits for one on the wall clock.
 */
export async function startInProcessServer(options: InProcessOptions = {}): Promise<InProcessServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-e2e-inproc-'));
  let output = '';
  const t = await createTestApp(
    {
      WEB_DIST: webDist,
      DATA_DIR: dataDir,
      BLOB_DIR: join(dataDir, 'blobs'),
      PUBLIC_BASE_URL: base,
      // Every browser of a spec logs in from 127.0.0.1; the per-address limit is tested in the server's own tests.
      LOGIN_RATE_PER_MINUTE: '10000',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    {
      startBackground: options.background ?? false,
      // A browser drops session cookies that expired by the real clock: the server's starts at the real time and
      // runs with it, so records made one after another get distinct times, as in real use.
      clockStart: new Date(),
      clockRunning: true,
      logStream: { write: (line: string) => void (output += line) },
    },
  );
  if (options.demo) {
    await seedDemoCity(t.services);
    await seedDemoTenders(t.services);
  }
  await t.app.listen({ port, host: '127.0.0.1' });
  return {
    base,
    t,
    async moveClockTo(at: Date) {
      if (at.getTime() > t.clock.now().getTime()) t.clock.set(at);
      await t.services.jobs.drain();
      await t.services.live.settle();
    },
    output: () => output,
    async stop() {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
