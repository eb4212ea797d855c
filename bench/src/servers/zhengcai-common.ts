import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type BuiltApp } from '../../../apps/server/src/app';
import { loadConfig, type Config } from '../../../apps/server/src/config';
import { openDatabase, type Database } from '../../../apps/server/src/db/client';
import { migrateDatabase } from '../../../apps/server/src/db/migrate';
import type { OffsetClock } from '../harness/offset-clock';
import { removeOnExit, serveChild } from '../harness/serve-child';

export interface PreparedApp extends BuiltApp {
  config: Config;
  database: Database;
}

/**
 * The child side of every benchmark of the real app: a fresh temporary data directory, the configuration from
 * `env` (log level silent, no web build, fast password hashing; BENCH_DB_URL set: that empty PostgreSQL database,
 * else embedded PGlite in the data directory), migrations, `buildApp` as `npm start` builds it, then `prepare`
 * (fixtures; returns the facts the benchmark needs), then it listens on 127.0.0.1. With `options.clock` the app runs on
 * that movable clock and the benchmark may advance it (harness/child.ts `advanceClock`). The data directory is removed on
 * exit.
 */
export function serveZhengcai(
  env: Record<string, string | undefined>,
  prepare: (app: PreparedApp) => Promise<Record<string, string>>,
  options: { startBackground: boolean; clock?: OffsetClock } = { startBackground: false },
  /** Operations the benchmark may run in this process (StartedServer.calls), read once the server is ready. */
  calls?: () => Record<string, (arg: string) => Promise<string>>,
): void {
  const clock = options.clock;
  serveChild(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'zc-bench-'));
    removeOnExit(dataDir);
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      WEB_DIST: '/nonexistent',
      SCRYPT_LOG_N: '10',
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.BENCH_DB_URL,
      ...env,
    });
    const database = await openDatabase(config.database);
    try {
      await migrateDatabase(database);
      const built = await buildApp({
        config,
        database,
        startBackground: options.startBackground,
        ...(options.clock ? { clock: options.clock } : {}),
      });
      const facts = await prepare({ ...built, config, database });
      await built.app.listen({ host: '127.0.0.1', port: 0 });
      const address = built.app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no TCP address');
      return {
        port: address.port,
        facts: { ...facts, database: database.kind },
        ...(clock ? { advanceClock: (ms: number) => clock.advance(ms) } : {}),
        ...(calls ? { calls: calls() } : {}),
        async close() {
          await built.app.close();
          await database.close();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      await database.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
  });
}
