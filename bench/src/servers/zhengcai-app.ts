import { organisations, users } from '../../../apps/server/src/db/schema';
import { hashPassword } from '../../../apps/server/src/platform/auth/password';
import { serveZhengcai } from './zhengcai-common';

const BENCH_LOGIN = 'bench-supplier';
const BENCH_PASSWORD = 'Bench-Passw0rd-不重要';

/**
 * The server under test for api-read: the real app (every plugin, hook and route, as `npm start` builds it, minus
 * the job runner and the live hub) on a fresh, migrated database holding one active supplier account.
 *
 * BENCH_DB_URL set: that (empty) PostgreSQL database, pool of 10 as by default. Unset: embedded PGlite in a temporary
 * data directory, as a single-instance deployment runs. The data directory is removed on exit.
 */
serveZhengcai({}, async ({ database, config }) => {
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
  return { login: BENCH_LOGIN, password: BENCH_PASSWORD };
});
