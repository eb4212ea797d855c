import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, jobs, lots, openingHalls, projects } from '../src/db/schema';
import { verifyLedger } from '../src/platform/events/verify-ledger';
import { seedDemoCity } from '../src/seed/demo-city';
import { seedDemoTenders } from '../src/seed/demo-tenders';
import { createTestApp, logIn, type TestApp } from './support/test-app';

describe('the demo tenders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SCRYPT_LOG_N: '10', DEMO_OPENING_IN_MINUTES: '30', DEMO_OPENING_WINDOW_MINUTES: '5' });
    await seedDemoCity(t.services);
  });
  afterAll(() => t.close());

  it('are seeded once, published, with documents a demo supplier can obtain and download', async () => {
    await seedDemoTenders(t.services);
    await seedDemoTenders(t.services);
    const rows = await t.services.db
      .select()
      .from(projects)
      .where(inArray(projects.code, ['ZC-2026-LPS-0001', 'ZC-2026-LPS-0002']));
    expect(rows.map((r) => r.status)).toEqual(['published', 'published']);

    const supplier = await logIn(t.app, 'supplier1', 'Zhengcai2026');
    const near = rows.find((r) => r.code === 'ZC-2026-LPS-0002');
    const res = await supplier.inject({ method: 'POST', url: `/api/tenders/${near?.id}/obtain` });
    expect(res.statusCode, res.body).toBe(200);
    const [doc] = res.json<{ documents: { id: string; sha256: string }[] }>().documents;
    const file = await supplier.inject({ method: 'GET', url: `/api/tenders/${near?.id}/documents/${doc?.id}` });
    expect(file.body).toContain('ZC-2026-LPS-0002');
    expect(file.headers['x-content-sha256']).toBe(doc?.sha256);
    // Nine days before its deadline: the demo's clarification desk shows the rule at work.
    const days = ((near?.bidDeadline?.getTime() ?? 0) - t.clock.now().getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(8);
    expect(days).toBeLessThan(10);
  });

  it('include the opening demo: deadline DEMO_OPENING_IN_MINUTES ahead, its window, and a job that opens the hall', async () => {
    await seedDemoTenders(t.services);
    const [opening] = await t.services.db.select().from(projects).where(eq(projects.code, 'ZC-2026-LPS-0003'));
    expect(opening?.status).toBe('published');
    expect(opening?.decryptionWindowMinutes).toBe(5);
    const deadline = opening?.bidDeadline ?? new Date(0);
    expect(deadline.getTime() - t.clock.now().getTime()).toBe(30 * 60_000);
    const [lot] = await t.services.db
      .select()
      .from(lots)
      .where(eq(lots.projectId, opening?.id ?? ''));
    const scheduled = await t.services.db.select().from(jobs).where(eq(jobs.kind, 'opening.open_hall'));
    // Every lot of a published project has its opening job (the three tenders have 4), the demo's at its deadline.
    expect(scheduled.length).toBeGreaterThanOrEqual(4);
    expect(scheduled.find((j) => (j.payload as { lotId: string }).lotId === lot?.id)?.runAt).toEqual(deadline);
    t.clock.set(deadline);
    await t.services.jobs.drain();
    const [hall] = await t.services.db
      .select()
      .from(openingHalls)
      .where(eq(openingHalls.lotId, lot?.id ?? ''));
    expect(hall?.state).toBe('open');
  });

  it('the opening demo has its tender notice on the portal, rendered from its data, with its event', async () => {
    await seedDemoTenders(t.services);
    const list = await t.app.inject({ method: 'GET', url: `/api/notices?q=${encodeURIComponent('执法记录仪')}` });
    const items = list.json<{ items: { id: string; kind: string; project: { code: string } }[] }>().items;
    expect(items.map((i) => [i.kind, i.project.code])).toEqual([['tender', 'ZC-2026-LPS-0003']]);
    const notice = await t.app.inject({ method: 'GET', url: `/api/notices/${items[0]?.id ?? ''}` });
    const body = notice.json<{ title: string; body: string; lots: unknown[]; documents: unknown[] }>();
    expect(body.title).toContain('执法记录仪采购项目公开招标公告');
    expect(body.body).toContain('ZC-2026-LPS-0003');
    expect(body).toMatchObject({ lots: [expect.anything()], documents: [expect.anything()] });
    const published = await t.services.db.select().from(events).where(eq(events.type, 'notice.published'));
    expect(published.map((e) => (e.payload as { noticeId: string }).noticeId)).toContain(items[0]?.id);
    expect((await verifyLedger(t.services.db)).ok).toBe(true);
  });

  it('have enough experts for the agency to draw the first tender’s lot, with avoidance on the record', async () => {
    await seedDemoTenders(t.services);
    const [project] = await t.services.db.select().from(projects).where(eq(projects.code, 'ZC-2026-LPS-0001'));
    const [lot] = await t.services.db
      .select()
      .from(lots)
      .where(and(eq(lots.projectId, project?.id ?? ''), eq(lots.number, 1)));
    const agency = await logIn(t.app, 'agency', 'Zhengcai2026');
    const requested = await agency.inject({ method: 'POST', url: '/api/expert-draws', payload: { lotId: lot?.id } });
    expect(requested.statusCode, requested.body).toBe(201);
    const drawId = requested.json<{ abilities: { drawId: string } }>().abilities.drawId;
    const drawn = await agency.inject({ method: 'POST', url: `/api/expert-draws/${drawId}/draw` });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const supervisor = await logIn(t.app, 'supervisor', 'Zhengcai2026');
    const material = await supervisor.inject({ method: 'GET', url: `/api/expert-draws/${drawId}/verification` });
    const body = material.json<{
      verification: { ok: boolean };
      poolSnapshot: { experts: { id: string; excludedFor: string[] }[] };
      experts: { userId: string; name: string }[];
    }>();
    expect(body.verification.ok).toBe(true);
    const reasons = new Map(
      body.poolSnapshot.experts.map((e) => [body.experts.find((x) => x.userId === e.id)?.name, e.excludedFor]),
    );
    expect(reasons.get('刘洋')).toEqual(['EMPLOYER_IS_PURCHASER']);
    expect(reasons.get('吴敏')).toEqual(['CONFLICT_WITH_AGENCY']);
    expect(reasons.get('杨帆')).toEqual(['SPECIALTY_MISMATCH']);
    expect([...reasons.values()].filter((r) => r.length === 0)).toHaveLength(10);
  });
});
