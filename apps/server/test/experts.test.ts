import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionAs, type TestApp } from './support/test-app';

describe('expert profiles and conflicts (C1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const profile = {
    title: '副教授',
    employerName: '六盘水师范学院',
    employerUscc: '91440300708461136T',
    region: '六盘水市',
    specialties: ['A0201', 'C16'],
  };

  it('an expert keeps a profile with specialties from the category tree', async () => {
    const expert = await sessionAs(t, 'expert');
    expect((await expert.inject({ method: 'GET', url: '/api/experts/me/profile' })).statusCode).toBe(404);
    const bad = await expert.inject({
      method: 'PUT',
      url: '/api/experts/me/profile',
      payload: { ...profile, specialties: ['A0201', 'Z99', 'A0201'] },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{ error: { fields: { field: string; reason: { zh: string } }[] } }>().error.fields;
    expect(fields.map((f) => f.field)).toEqual(['body.specialties.1', 'body.specialties']);
    expect(fields[0]?.reason.zh).toContain('品目分类目录');
    const ok = await expert.inject({ method: 'PUT', url: '/api/experts/me/profile', payload: profile });
    expect(ok.json()).toMatchObject({ ...profile, userId: expert.userId });
    const changed = await expert.inject({
      method: 'PUT',
      url: '/api/experts/me/profile',
      payload: { ...profile, title: '教授' },
    });
    expect(changed.json<{ title: string }>().title).toBe('教授');
  });

  it('declares and withdraws conflicts; the centre sees current ones in the pool', async () => {
    const expert = await sessionAs(t, 'expert');
    await expert.inject({ method: 'PUT', url: '/api/experts/me/profile', payload: profile });
    const declared = await expert.inject({
      method: 'POST',
      url: '/api/experts/me/conflicts',
      payload: { organisationName: '贵州凉都信息技术有限公司', reason: '配偶在该公司任职' },
    });
    expect(declared.statusCode).toBe(201);
    const { id } = declared.json<{ id: string }>();
    const centre = await sessionAs(t, 'centre');
    const pool = await centre.inject({ method: 'GET', url: '/api/experts' });
    const mine = pool
      .json<{ items: { userId: string; conflicts: { id: string }[] }[] }>()
      .items.find((i) => i.userId === expert.userId);
    expect(mine?.conflicts.map((c) => c.id)).toEqual([id]);
    expect((await expert.inject({ method: 'DELETE', url: `/api/experts/me/conflicts/${id}` })).statusCode).toBe(204);
    expect((await expert.inject({ method: 'DELETE', url: `/api/experts/me/conflicts/${id}` })).statusCode).toBe(409);
    const after = await centre.inject({ method: 'GET', url: '/api/experts' });
    const again = after
      .json<{ items: { userId: string; conflicts: unknown[] }[] }>()
      .items.find((i) => i.userId === expert.userId);
    expect(again?.conflicts).toEqual([]);
    // The withdrawn declaration stays on the expert's own record, and every step is in the ledger.
    const history = await expert.inject({ method: 'GET', url: '/api/experts/me/conflicts' });
    expect(history.json<{ items: { withdrawnAt: string | null }[] }>().items[0]?.withdrawnAt).not.toBeNull();
    const events = await centre.inject({ method: 'GET', url: '/api/events?limit=500' });
    const types = events.json<{ items: { type: string }[] }>().items.map((e) => e.type);
    for (const type of ['expert.profile_updated', 'expert.conflict_declared', 'expert.conflict_withdrawn']) {
      expect(types).toContain(type);
    }
  });
});
