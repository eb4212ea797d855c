import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { FastifyBaseLogger as Logger } from 'fastify';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction: repositories take this so use cases decide the transaction. */
export type Executor = Db | Tx;

export type DatabaseConfig =
  | {
      kind: 'pglite';
      dataDir: string | null;
      /** In memory only: start from this dump (`dumpDataDir`) instead of an empty cluster (tests' migrated template). */
      loadDataDir?: Blob;
    }
  | { kind: 'postgres'; url: string; poolSize: number };

/**
 * One database handle for both modes. `listen` delivers NOTIFY payloads (PostgreSQL LISTEN on a dedicated
 * connection, or PGlite's in-process listen), which is how live updates cross instances.
 */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Run raw SQL (tests, maintenance). */
  exec(sqlText: string): Promise<void>;
  /** Runs `fn` while holding a cluster-wide advisory lock (instances starting together migrate in turn). */
  withExclusiveLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig, log?: Logger): Promise<Database> {
  return config.kind === 'pglite'
    ? openPglite(config.dataDir, config.loadDataDir)
    : openPostgres(config.url, config.poolSize, log);
}

async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  // Two processes on one PGlite directory corrupt it: hold a lock file for as long as it is open.
  let lock: DataDirLock | null = null;
  if (dataDir) lock = acquireDataDirLock(dataDir);
  try {
    // The options form: `new PGlite(undefined, options)` ignores its options (ENGINEERING.md's known traps).
    const client = dataDir ? new PGlite(dataDir) : new PGlite(loadDataDir ? { loadDataDir } : {});
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      async listen(channel, onPayload) {
        const unsubscribe = await client.listen(channel, onPayload);
        return async () => unsubscribe();
      },
      async exec(sqlText) {
        await client.exec(sqlText);
      },
      // One process owns a PGlite directory (see the lock file), so there is nobody to exclude.
      withExclusiveLock: (_key, fn) => fn(),
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openPostgres(url: string, poolSize: number, log?: Logger): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (err) => log?.error({ err }, 'idle PostgreSQL client error'));
  await pool.query('select 1');
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const listeners = new Set<pg.Client>();
  return {
    kind: 'postgres',
    db,
    async listen(channel, onPayload) {
      return listenWithReconnect(url, channel, onPayload, listeners, log);
    },
    async exec(sqlText) {
      await pool.query(sqlText);
    },
    async withExclusiveLock(key, fn) {
      // Session-level advisory locks belong to a connection: hold one connection for lock, work and unlock.
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await conn.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        conn.release();
      }
    },
    async close() {
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      listeners.clear();
      await pool.end();
    },
  };
}

/** A dedicated connection for LISTEN that reconnects after a network error or a database restart. */
async function listenWithReconnect(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  listeners: Set<pg.Client>,
  log?: Logger,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  const quoted = `"${channel.replace(/"/g, '""')}"`;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (msg) => {
      if (msg.channel === channel) onPayload(msg.payload ?? '');
    });
    client.on('error', (err) => {
      log?.warn({ err, channel }, 'LISTEN connection lost; reconnecting');
      listeners.delete(client);
      client.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${quoted}`);
    listeners.add(client);
    current = client;
    // Whatever was missed while disconnected is fetched by the subscriber from the table, keyed by sequence.
    onPayload('');
  };
  await connect();
  return async () => {
    stopped = true;
    if (current) {
      listeners.delete(current);
      await current.end().catch(() => undefined);
    }
  };
}
