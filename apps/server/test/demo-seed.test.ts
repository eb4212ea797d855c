import { checkUscc } from '@zhengcai/domain';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertProfiles, notices, organisations, projects, users } from '../src/db/schema';
import { DEMO_DRAFT_TITLE, DEMO_PUBLISHED_TITLE } from '../src/seed/demo-projects';
import { verifyLedger } from '../src/platform/events/verify-ledger';
import { seedDemoCity } from '../src/seed/demo-city';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from '../src/seed/demo-city-data';
import { createTestApp, logIn, type TestApp } from './support/test-app';

describe('demo city seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds once: the second run finds the marker and adds nothing', async () => {
    expect((await seedDemoCity(t.services)).created).toBe(true);
    expect((await seedDemoCity(t.services)).created).toBe(false);
    const [orgs] = await t.services.db.select({ n: count() }).from(organisations);
    expect(orgs?.n).toBe(DEMO_ORGANISATIONS.length);
    expect((await verifyLedger(t.services.db)).ok).toBe(true);
  });

  it('has every role, six suppliers of different scales with valid credit codes, sixteen experts with profiles', async () => {
    const suppliers = DEMO_ORGANISATIONS.filter((o) => o.kind === 'supplier');
    expect(suppliers).toHaveLength(6);
    expect(new Set(suppliers.map((s) => s.scale))).toEqual(new Set(['large', 'medium', 'small', 'micro']));
    for (const org of DEMO_ORGANISATIONS) expect(org.uscc && checkUscc(org.uscc).ok).toBe(true);
    const [experts] = await t.services.db.select({ n: count() }).from(users).where(eq(users.role, 'expert'));
    expect(experts?.n).toBe(16);
    const [profiles] = await t.services.db.select({ n: count() }).from(expertProfiles);
    expect(profiles?.n).toBe(16);
    const roles = (await t.services.db.selectDistinct({ role: users.role }).from(users)).map((r) => r.role).sort();
    expect(roles).toEqual(['admin', 'agency', 'centre', 'expert', 'finance', 'purchaser', 'supervisor', 'supplier']);
  });

  it('the printed logins work', async () => {
    for (const login of ['admin', 'centre', 'purchaser1', 'agency', 'supplier1', 'expert01', 'supervisor', 'bank']) {
      await logIn(t.app, login, DEMO_PASSWORD);
    }
  });

  it('has one published open tender with two lots and a bid deadline in the future, and one draft; once', async () => {
    await seedDemoCity(t.services);
    const rows = await t.services.db.select().from(projects);
    expect(rows.map((p) => [p.title, p.status]).sort()).toEqual(
      [
        [DEMO_DRAFT_TITLE, 'draft'],
        [DEMO_PUBLISHED_TITLE, 'published'],
      ].sort(),
    );
    const published = rows.find((p) => p.status === 'published');
    expect(published?.bidDeadline?.getTime()).toBeGreaterThan(t.clock.now().getTime());
    const list = await t.app.inject({ method: 'GET', url: '/api/notices' });
    const items = list.json<{ items: { id: string; project: { id: string } }[] }>().items;
    expect(items.map((i) => i.project.id)).toEqual([published?.id]);
    const notice = await t.app.inject({ method: 'GET', url: `/api/notices/${items[0]?.id ?? ''}` });
    expect(notice.json<{ lots: unknown[]; documents: unknown[] }>()).toMatchObject({
      lots: [expect.anything(), expect.anything()],
      documents: [expect.anything()],
    });
    const [n] = await t.services.db.select({ n: count() }).from(notices);
    expect(n?.n).toBe(1);
    expect((await verifyLedger(t.services.db)).ok).toBe(true);
  });
});
