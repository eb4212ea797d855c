import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase, type Database } from '../src/db/client';
import { jobs } from '../src/db/schema';
import { ManualClock } from '../src/platform/clock';
import { scheduleJob } from '../src/platform/jobs/schedule-job';
import { openSse } from './support/sse-client';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from './support/test-database';
import { logIn, makeUser, type TestApp } from './support/test-app';

/**
 * Several stateless instances on one PostgreSQL (PRODUCT.md §5 "Scale"): live events cross instances through
 * LISTEN/NOTIFY, and a job scheduled once runs once. PGlite is one process's database, so this needs PostgreSQL;
 * `.ci/run` runs the suite a second time with TEST_DATABASE_URL set, where these tests run.
 */
describe.runIf(testDatabaseUrl)('two instances on one PostgreSQL', () => {
  let testDb: TestDatabase;
  const instances: { built: BuiltApp; database: Database; base: string }[] = [];
  const clock = new ManualClock();
  const ranBy: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    for (const name of ['a', 'b']) {
      const database = await openDatabase({ kind: 'postgres', url: testDb.url ?? '', poolSize: 4 });
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        SCRYPT_LOG_N: '10',
        WEB_DIST: '/nonexistent',
        INSTANCE_ID: name,
        JOB_POLL_MS: '20',
      });
      const built = await buildApp({ config, database, clock, startBackground: true });
      built.services.jobs.register('test.once', async (job, tx) => {
        ranBy.push(name);
        // Slow work inside the claiming transaction: the other instance must skip the locked row, not run it too.
        await new Promise((r) => setTimeout(r, 200));
        await tx
          .update(jobs)
          .set({ lastError: `ran on ${name}` })
          .where(eq(jobs.id, job.id));
      });
      await built.app.listen({ host: '127.0.0.1', port: 0 });
      const address = built.app.server.address();
      if (!address || typeof address === 'string') throw new Error('no address');
      instances.push({ built, database, base: `http://127.0.0.1:${address.port}` });
    }
  });

  afterAll(async () => {
    for (const i of instances) {
      await i.built.app.close();
      await i.database.close();
    }
    await testDb.drop();
  });

  const pseudoApp = (i: number): TestApp => {
    const inst = instances[i];
    if (!inst) throw new Error('no instance');
    return { ...inst.built, clock, testDb, close: async () => undefined };
  };

  it('an event committed on instance A reaches an SSE client of instance B, and a reconnect to A resumes', async () => {
    const [a, b] = instances;
    if (!a || !b) throw new Error('instances missing');
    const centreUser = await makeUser(pseudoApp(0), 'centre');
    const adminUser = await makeUser(pseudoApp(0), 'admin');
    const centreOnB = await logIn(b.built.app, centreUser.login);
    const adminOnA = await logIn(a.built.app, adminUser.login);
    const stream = await openSse(`${b.base}/api/live`, { cookie: `zc_session=${centreOnB.cookie}` });
    expect(stream.status).toBe(200);

    const res = await adminOnA.inject({
      method: 'POST',
      url: '/api/admin/organisations',
      payload: { kind: 'agency', name: '跨实例代理公司' },
    });
    expect(res.statusCode).toBe(201);
    const got = await stream.waitFor((m) => m.some((x) => x.event === 'organisation.created'));
    const event = got.find((x) => x.event === 'organisation.created');
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({
      subject: { type: 'organisation', id: res.json<{ id: string }>().id },
    });
    stream.close();

    // The browser reconnects to the other instance with Last-Event-ID and gets exactly what it missed.
    await adminOnA.inject({
      method: 'POST',
      url: '/api/admin/organisations',
      payload: { kind: 'agency', name: '断线期间创建' },
    });
    const resumed = await openSse(`${a.base}/api/live`, {
      cookie: `zc_session=${centreOnB.cookie}`,
      'last-event-id': event?.id ?? '0',
    });
    const missed = await resumed.waitFor((m) => m.some((x) => x.event === 'organisation.created'));
    expect(missed.filter((x) => x.event === 'organisation.created')).toHaveLength(1);
    expect(missed.every((x) => Number(x.id) > Number(event?.id))).toBe(true);
    resumed.close();
  });

  it('a job scheduled once runs once, whichever instance claims it', async () => {
    const [a] = instances;
    if (!a) throw new Error('instances missing');
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const id = await scheduleJob(a.built.services.db, clock, {
        kind: 'test.once',
        payload: { i },
        runAt: clock.now(),
      });
      if (id) ids.push(id);
    }
    // Both runners poll every 20 ms; wait until all ten are done.
    for (let waited = 0; waited < 15_000; waited += 100) {
      const rows = await a.built.services.db.select().from(jobs).where(eq(jobs.kind, 'test.once'));
      if (rows.every((r) => r.status === 'done')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = await a.built.services.db.select().from(jobs).where(eq(jobs.kind, 'test.once'));
    expect(rows.map((r) => r.status)).toEqual(Array(10).fill('done'));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    expect(ranBy).toHaveLength(10);
    // Both instances took part (each skips rows the other has locked).
    expect(new Set(rows.map((r) => r.completedBy)).size).toBe(2);
  });
});
