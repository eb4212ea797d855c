import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../../apps/server/src/app';
import { loadConfig } from '../../../apps/server/src/config';
import { openDatabase } from '../../../apps/server/src/db/client';
import { migrateDatabase } from '../../../apps/server/src/db/migrate';
import { organisations, users } from '../../../apps/server/src/db/schema';
import { hashPassword } from '../../../apps/server/src/platform/auth/password';

/**
 * The server under test, in its own process (so the load generator does not share its CPU): the real app on a fresh
 * database (`pglite` in memory, or a new PostgreSQL database on BENCH_DATABASE_URL), one supplier logged in.
 * Prints `{ port, cookie }` on one line, then serves until SIGTERM.
 */
const mode = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let dropDatabase = async () => {};

async function open() {
  if (mode === 'pglite') return openDatabase({ kind: 'pglite', dataDir: null });
  const name = `zc_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
}

const database = await open();
await migrateDatabase(database);
const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', SCRYPT_LOG_N: '10' });
const { app } = await buildApp({ config, database, startBackground: false });
const now = new Date();
const [org] = await database.db
  .insert(organisations)
  .values({ kind: 'supplier', name: '基准测试供应商', status: 'active', createdAt: now, updatedAt: now })
  .returning();
await database.db.insert(users).values({
  login: 'bench',
  displayName: '基准',
  role: 'supplier',
  organisationId: org?.id ?? null,
  passwordHash: await hashPassword('Bench-password-1', 10),
  status: 'active',
  createdAt: now,
  updatedAt: now,
});
await app.listen({ host: '127.0.0.1', port: 0 });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'bench', password: 'Bench-password-1' } });
const cookie = login.cookies.find((c) => c.name === 'zc_session')?.value;
const address = app.server.address();
process.stdout.write(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, cookie }) + '\n');
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => database.close())
    .then(dropDatabase)
    .finally(() => process.exit(0));
});
