import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../src/db/schema';
import { scheduleJob } from '../src/platform/jobs/schedule-job';
import { retryDelayMs } from '../src/platform/jobs/job-runner';
import { verifyLedger } from '../src/platform/events/verify-ledger';
import { createTestApp, sessionAs, type TestApp } from './support/test-app';
import { openSse } from './support/sse-client';

/** Live updates (SSE with resume) and the database job runner on one instance; see two-instances.test.ts for more. */
describe('live updates', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({}, { startBackground: true });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => t.close());

  const createOrganisation = async (admin: Awaited<ReturnType<typeof sessionAs>>, name: string) => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/admin/organisations',
      payload: { kind: 'purchaser', name },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };

  it('streams each event to those who may see it, and resumes from Last-Event-ID without gaps or repeats', async () => {
    const admin = await sessionAs(t, 'admin');
    const supplier = await sessionAs(t, 'supplier');
    const asCentre = await sessionAs(t, 'centre');
    const centreStream = await openSse(`${base}/api/live`, { cookie: `zc_session=${asCentre.cookie}` });
    const supplierStream = await openSse(`${base}/api/live`, { cookie: `zc_session=${supplier.cookie}` });
    const anonymousStream = await openSse(`${base}/api/live`);
    expect(centreStream.status).toBe(200);

    await createOrganisation(admin, '六盘水市第一中学');
    const seen = await centreStream.waitFor((m) => m.some((x) => x.event === 'organisation.created'));
    const created = seen.find((x) => x.event === 'organisation.created');
    expect((JSON.parse(created?.data ?? '{}') as { summary: { zh: string } }).summary.zh).toContain('六盘水市第一中学');
    await t.services.live.settle();
    // The new purchaser's event is for its organisation and oversight only.
    expect(supplierStream.messages.filter((m) => m.event === 'organisation.created')).toEqual([]);
    expect(anonymousStream.messages).toEqual([]);

    // Drop the connection, let two more events happen, reconnect with Last-Event-ID.
    const lastId = created?.id ?? '0';
    centreStream.close();
    await createOrganisation(admin, '六盘水市第二中学');
    await createOrganisation(admin, '六盘水市第三中学');
    const resumed = await openSse(`${base}/api/live`, {
      cookie: `zc_session=${asCentre.cookie}`,
      'last-event-id': lastId,
    });
    await createOrganisation(admin, '六盘水市第四中学');
    const all = await resumed.waitFor((m) => m.filter((x) => x.event === 'organisation.created').length >= 3);
    const names = all
      .filter((x) => x.event === 'organisation.created')
      .map((x) => (JSON.parse(x.data) as { summary: { zh: string } }).summary.zh);
    expect(names).toEqual([
      expect.stringContaining('第二中学'),
      expect.stringContaining('第三中学'),
      expect.stringContaining('第四中学'),
    ]);
    const ids = all.map((x) => Number(x.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBeGreaterThan(Number(lastId));
    resumed.close();
    supplierStream.close();
    anonymousStream.close();
  });

  it('filters by subject', async () => {
    const admin = await sessionAs(t, 'admin');
    const centre = await sessionAs(t, 'centre');
    const id1 = await createOrganisation(admin, '主题甲');
    const stream = await openSse(`${base}/api/live?subject=organisation:${id1}&lastEventId=0`, {
      cookie: `zc_session=${centre.cookie}`,
    });
    await createOrganisation(admin, '主题乙');
    await stream.waitFor((m) => m.length >= 1);
    await t.services.live.settle();
    expect(stream.messages.map((m) => (JSON.parse(m.data) as { subject: { id: string } }).subject.id)).toEqual([id1]);
    stream.close();
  });

  it('rejects a malformed subject with a clear error', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/live?subject=DROP%20TABLE' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe('query.subject');
  });
});

describe('job runner', () => {
  let t: TestApp;
  const ran: string[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    t = await createTestApp();
    t.services.jobs.register('test.record', async (job) => {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('bank gateway timed out');
      }
      ran.push((job.payload as { name: string }).name);
    });
  });
  afterAll(() => t.close());

  it('runs a job when it is due by the clock, once', async () => {
    const runAt = new Date(t.clock.now().getTime() + 60_000);
    await scheduleJob(t.services.db, t.clock, { kind: 'test.record', payload: { name: 'deadline' }, runAt });
    expect(await t.services.jobs.drain()).toBe(0);
    t.clock.advance(60_000);
    expect(await t.services.jobs.drain()).toBe(1);
    expect(await t.services.jobs.drain()).toBe(0);
    expect(ran).toEqual(['deadline']);
  });

  it('keeps one job per dedupe key', async () => {
    const first = await scheduleJob(t.services.db, t.clock, {
      kind: 'test.record',
      payload: { name: 'a' },
      runAt: t.clock.now(),
      dedupeKey: 'refund:42',
    });
    const second = await scheduleJob(t.services.db, t.clock, {
      kind: 'test.record',
      payload: { name: 'b' },
      runAt: t.clock.now(),
      dedupeKey: 'refund:42',
    });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await t.services.jobs.drain();
    expect(ran.at(-1)).toBe('a');
  });

  it('retries with back-off, then records the final failure as an event', async () => {
    ran.length = 0;
    failuresLeft = 2;
    const id = await scheduleJob(t.services.db, t.clock, {
      kind: 'test.record',
      payload: { name: 'retry' },
      runAt: t.clock.now(),
      maxAttempts: 5,
    });
    if (!id) throw new Error('not scheduled');
    expect(await t.services.jobs.drain()).toBe(1); // fails, rescheduled
    let [row] = await t.services.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'bank gateway timed out' });
    expect(row?.runAt.getTime()).toBe(t.clock.now().getTime() + retryDelayMs(1));
    t.clock.advance(retryDelayMs(1));
    await t.services.jobs.drain(); // fails again
    t.clock.advance(retryDelayMs(2));
    await t.services.jobs.drain(); // succeeds
    [row] = await t.services.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(ran).toEqual(['retry']);

    failuresLeft = 100;
    const doomed = await scheduleJob(t.services.db, t.clock, {
      kind: 'test.record',
      payload: { name: 'doomed' },
      runAt: t.clock.now(),
      maxAttempts: 2,
    });
    await t.services.jobs.drain();
    t.clock.advance(retryDelayMs(1));
    await t.services.jobs.drain();
    [row] = await t.services.db
      .select()
      .from(jobs)
      .where(eq(jobs.id, doomed ?? ''));
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    const report = await verifyLedger(t.services.db);
    expect(report.ok).toBe(true);
    const res = await (await sessionAs(t, 'supervisor')).inject({ method: 'GET', url: '/api/events?limit=500' });
    expect(res.json<{ items: { type: string }[] }>().items.map((e) => e.type)).toContain('job.failed');
    failuresLeft = 0;
  });

  it('a job whose handler dies mid-way leaves no trace of its work and runs again (survives a restart)', async () => {
    ran.length = 0;
    const id = await scheduleJob(t.services.db, t.clock, { kind: 'test.crash', payload: {}, runAt: t.clock.now() });
    // First "process": the handler writes, then the process dies before commit (simulated by throwing mid-transaction).
    t.services.jobs.register('test.crash', async (_job, tx) => {
      await tx
        .insert(jobs)
        .values({ kind: 'side-effect', payload: {}, runAt: t.clock.now(), status: 'done', createdAt: t.clock.now() });
      throw new Error('process killed');
    });
    await t.services.jobs.drain();
    const sideEffects = await t.services.db.select().from(jobs).where(eq(jobs.kind, 'side-effect'));
    expect(sideEffects).toEqual([]);
    const [row] = await t.services.db
      .select()
      .from(jobs)
      .where(eq(jobs.id, id ?? ''));
    expect(row?.status).toBe('pending');
  });
});
