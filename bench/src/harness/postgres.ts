import pg from 'pg';
import { deferCleanup } from './cleanup';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates an empty database `zc_bench_<timestamp>` next to the one `adminUrl` names, and registers its removal
 * (DROP DATABASE … WITH (FORCE)) so it goes away even if the run is interrupted. Throws if PostgreSQL is not reachable.
 */
export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const name = `zc_bench_${Date.now()}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = deferCleanup(async () => {
    await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });
  return { name, url: url.toString(), drop };
}

export async function serverVersion(url: string): Promise<string> {
  return withAdmin(url, async (c) => {
    const result = await c.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? '?';
  });
}

/**
 * Runs `measure` against a fresh scratch database beside BENCH_DATABASE_URL (default DEFAULT_ADMIN_URL), dropped
 * afterwards; if PostgreSQL cannot be used, prints why and returns `skipped(note)` so the run goes on.
 */
export async function withScratchPostgres<T>(
  measure: (url: string, note: string) => Promise<T>,
  skipped: (note: string) => T,
): Promise<T> {
  const adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL;
  let scratch: ScratchDatabase | undefined;
  let version: string;
  try {
    scratch = await createScratchDatabase(adminUrl);
    version = await serverVersion(scratch.url);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const note = `skipped: cannot use ${redact(adminUrl)} (${why}); set BENCH_DATABASE_URL`;
    console.log(`\n  PostgreSQL — ${note}`);
    await scratch?.drop();
    return skipped(note);
  }
  try {
    return await measure(scratch.url, `${version}, scratch database ${scratch.name}`);
  } finally {
    await scratch.drop();
  }
}
