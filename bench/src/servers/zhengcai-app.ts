import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../apps/server/src/app';
import { loadConfig } from '../../../apps/server/src/config';
import { openDatabase } from '../../../apps/server/src/db/client';
import { migrateDatabase } from '../../../apps/server/src/db/migrate';
import { organisations, users } from '../../../apps/server/src/db/schema';
import { hashPassword } from '../../../apps/server/src/platform/auth/password';
import { serveChild } from '../harness/serve-child';

const BENCH_LOGIN = 'bench-supplier';
const BENCH_PASSWORD = 'Bench-Passw0rd-不重要';

/**
 * The server under test: the real app (every plugin, hook and route, as `npm start` builds it, minus the job runner
 * and the live hub) on a fresh, migrated database holding one active supplier account.
 *
 * BENCH_DB_URL set: that (empty) PostgreSQL database, pool of 10 as by default. Unset: embedded PGlite in a temporary
 * data directory, as a single-instance deployment runs. The data directory is removed on exit.
 */
serveChild(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'zc-bench-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    SCRYPT_LOG_N: '10',
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.BENCH_DB_URL,
  });
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    const now = new Date();
    const [org] = await database.db
      .insert(organisations)
      .values({
        kind: 'supplier',
        name: '基准测试供应商有限公司',
        status: 'active',
        scale: 'small',
        region: '110000',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: organisations.id });
    if (!org) throw new Error('organisation not inserted');
    await database.db.insert(users).values({
      login: BENCH_LOGIN,
      displayName: '基准测试',
      role: 'supplier',
      organisationId: org.id,
      passwordHash: await hashPassword(BENCH_PASSWORD, config.scryptLogN),
      status: 'active',
      createdAt: now,
      updatedAt: now,
    });
    const { app } = await buildApp({ config, database, startBackground: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    return {
      port: address.port,
      facts: { login: BENCH_LOGIN, password: BENCH_PASSWORD, database: database.kind },
      async close() {
        await app.close();
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
