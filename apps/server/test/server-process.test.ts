import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from './support/test-database';

/** The real entry point as an operator runs it: start, seed, serve, refuse a second owner, stop on SIGTERM. */
const serverDir = new URL('..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'info', SCRYPT_LOG_N: '10', WEB_DIST: '/nonexistent', DATABASE_URL: '', ...env },
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForHealth(base: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${base} did not become healthy`);
}

describe('the server process', () => {
  let db: TestDatabase | null = null;
  afterAll(async () => {
    await db?.drop();
  });

  it('starts with the demo city, prints the logins, serves, and stops gracefully on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zc-proc-'));
    const port = await freePort();
    const env: Record<string, string> = { DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'true' };
    if (testDatabaseUrl) {
      db = await createTestDatabase();
      env.DATABASE_URL = db.url ?? '';
    }
    const server = start(env);
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base);
    expect(server.output()).toContain('Zhengcai2026');
    expect(server.output()).toMatch(/supplier1\s+供应商/);
    const stats = (await (await fetch(`${base}/api/portal/stats`)).json()) as { suppliers: number; experts: number };
    expect(stats).toMatchObject({ suppliers: 6, experts: 16 });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('zhengcai_http_request_duration_seconds_bucket');

    if (!testDatabaseUrl) {
      // A second process on the same embedded database is refused with a clear message.
      const second = start({ DATA_DIR: dataDir, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/正被进程 \d+ 使用[\s\S]*only one process may open the embedded database/);
    }

    // An SSE client is connected when SIGTERM arrives: the stream is ended, and the process exits 0.
    const sse = await fetch(`${base}/api/live`);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await sse.text(); // resolves because the server ended the stream
    expect(server.output()).toContain('shutting down');
    if (!testDatabaseUrl) expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);

    // Restart on the same data: the demo city is not seeded twice.
    const again = start(env);
    await waitForHealth(base);
    expect(again.output()).toContain('already present');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
