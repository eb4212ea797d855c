import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminQuery } from '../../apps/server/test/support/template-database';

/**
 * Starts the real server (apps/server/src/main.ts) with the demo city, as `npm start` does: on a fresh embedded
 * database in a temporary directory, or — when TEST_DATABASE_URL is set — on a fresh PostgreSQL database that is
 * dropped afterwards. The web app is served from apps/web/dist (`npm run test:e2e` builds it first).
 */
export interface RunningServer {
  base: string;
  /** The PostgreSQL database it runs on (null on the embedded database), for a second instance on the same one. */
  databaseUrl: string | null;
  stop(): Promise<void>;
  /** What the server has printed so far (warnings and errors: LOG_LEVEL is `warn`), for a failed test's artifacts. */
  output(): string;
}

const serverDir = fileURLToPath(new URL('../../apps/server/', import.meta.url));
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

async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  // A generated identifier (letters, digits, underscore): safe to put in the statement.
  const name = `zc_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const run = (sql: string) => adminQuery(url, sql);
  await run(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * `env`: extra server settings for one spec (e.g. DEMO_OPENING_IN_MINUTES, CLOCK_ACCELERATION). `databaseUrl`: run on
 * that PostgreSQL database (another instance's; it is not dropped at stop) instead of a fresh one.
 */
export async function startServer(
  extraEnv: Record<string, string> = {},
  options: { databaseUrl?: string } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-e2e-'));
  const pgUrl = process.env.TEST_DATABASE_URL;
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : pgUrl
      ? await freshPostgres(pgUrl)
      : null;
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: database?.url ?? '', // empty = the embedded PGlite database in DATA_DIR
    WEB_DIST: webDist,
    SEED_DEMO: 'true',
    SCRYPT_LOG_N: '12',
    LOG_LEVEL: 'warn',
    // Every browser of the suite logs in from 127.0.0.1; the per-address limit is tested in the server's own tests.
    LOGIN_RATE_PER_MINUTE: '1000',
    ...extraEnv,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const base = `http://127.0.0.1:${port}`;
  // E2E_START_SECONDS raises the wait on a loaded machine (migrations and the demo seed take longer there).
  const startSeconds = Number(process.env.E2E_START_SECONDS ?? '240');
  const deadline = Date.now() + startSeconds * 1000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited early:\n${output}`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start in ${startSeconds} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, databaseUrl: database?.url ?? null, stop, output: () => output };
}
