import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logIn, makeUser, sessionAs, TEST_PASSWORD, type TestApp } from './support/test-app';

describe('accounts: sign-up, approval, sessions, passwords, API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signUp = (login: string, uscc: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/registrations/suppliers',
      payload: {
        organisation: { name: '六盘水市凉都办公用品有限公司', uscc },
        profile: { industry: 'other', employees: 5 },
        declaration: { declaredScale: 'micro', confirmed: true },
        user: { login, displayName: '王小二', password: 'Secret12345', email: 'wang@example.cn', phone: '13985800000' },
      },
    });

  it('a supplier signs up, cannot log in until the centre approves, then can', async () => {
    const res = await signUp('Liangdu.Office', '91520201MA6E1F3N1A'.slice(0, 17) + 'X');
    // That code has a wrong check character; the answer says which one is expected.
    expect(res.statusCode).toBe(400);
    const good = await signUp('Liangdu.Office', '91440300708461136T');
    expect(good.statusCode).toBe(201);
    const { organisationId } = good.json<{ organisationId: string }>();
    const pending = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'liangdu.office', password: 'Secret12345' },
    });
    expect(pending.statusCode).toBe(403);
    expect(pending.json<{ error: { code: string } }>().error.code).toBe('ACCOUNT_PENDING');

    const centre = await sessionAs(t, 'centre');
    const list = await centre.inject({ method: 'GET', url: '/api/organisations?status=pending' });
    const item = list
      .json<{ items: { id: string; abilities: { approve: boolean } }[] }>()
      .items.find((i) => i.id === organisationId);
    expect(item?.abilities.approve).toBe(true);
    expect(
      (await centre.inject({ method: 'POST', url: `/api/organisations/${organisationId}/approve` })).statusCode,
    ).toBe(200);
    // Approving twice is a state error, not a second approval.
    const again = await centre.inject({ method: 'POST', url: `/api/organisations/${organisationId}/approve` });
    expect(again.statusCode).toBe(409);

    const session = await logIn(t.app, 'LIANGDU.OFFICE', 'Secret12345');
    const me = await session.inject({ method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({
      user: { role: 'supplier' },
      organisation: { id: organisationId, status: 'active' },
    });
    // The supplier sees its own organisation, not the abilities to review it.
    const own = await session.inject({ method: 'GET', url: `/api/organisations/${organisationId}` });
    expect(own.json()).toMatchObject({ abilities: { view: true, approve: false } });
  });

  it('the same credit code or login cannot register twice', async () => {
    const res = await signUp('another-login', '91440300708461136T');
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('USCC_TAKEN');
    const dup = await signUp('liangdu.office', '91110000100005220B');
    expect(dup.json<{ error: { code: string } }>().error.code).toBe('LOGIN_TAKEN');
  });

  it('a rejected registration records the reason and its user stays out', async () => {
    const res = await signUp('rejected-co', '91330100799655058B');
    const { organisationId } = res.json<{ organisationId: string }>();
    const centre = await sessionAs(t, 'centre');
    const rejected = await centre.inject({
      method: 'POST',
      url: `/api/organisations/${organisationId}/reject`,
      payload: { reason: '营业执照扫描件不清晰' },
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', statusReason: '营业执照扫描件不清晰' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'rejected-co', password: 'Secret12345' },
    });
    expect(login.json<{ error: { code: string } }>().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('logout ends the session; the cookie then answers SESSION_EXPIRED', async () => {
    const s = await sessionAs(t, 'purchaser');
    expect((await s.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    const me = await s.inject({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json<{ error: { code: string } }>().error.code).toBe('SESSION_EXPIRED');
  });

  it('sessions expire after the idle timeout and after the absolute maximum', async () => {
    const s = await sessionAs(t, 'agency');
    t.clock.advance(119 * 60_000);
    expect((await s.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    t.clock.advance(119 * 60_000); // idle timer restarted by the last request
    expect((await s.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    t.clock.advance(121 * 60_000);
    expect((await s.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const s2 = await sessionAs(t, 'agency');
    for (let i = 0; i < 7; i++) {
      t.clock.advance(110 * 60_000);
      await s2.inject({ method: 'GET', url: '/api/me' });
    }
    expect((await s2.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401); // 770 min > 720
  });

  it('changing the password ends the other sessions and needs the current one', async () => {
    const user = await makeUser(t, 'expert');
    const phone = await logIn(t.app, user.login);
    const laptop = await logIn(t.app, user.login);
    const wrong = await laptop.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'NewSecret2027' },
    });
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('WRONG_PASSWORD');
    const weak = await laptop.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'onlyletters' },
    });
    expect(weak.statusCode).toBe(400);
    const ok = await laptop.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'NewSecret2027' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await laptop.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await phone.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await expect(logIn(t.app, user.login)).rejects.toThrow(/401/);
    await logIn(t.app, user.login, 'NewSecret2027');
  });

  it('API tokens: shown once, used as Bearer without CSRF, revocable', async () => {
    const bank = await sessionAs(t, 'finance');
    const created = await bank.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: '保函系统', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json<{ id: string; token: string }>();
    expect(token).toMatch(/^zc_/);
    const asMachine = (method: 'GET' | 'POST' | 'DELETE', url: string) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
    const me = await asMachine('GET', '/api/me');
    expect(me.json()).toMatchObject({ via: 'token', csrfToken: null, user: { role: 'finance' } });
    const list = await bank.inject({ method: 'GET', url: '/api/tokens' });
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await bank.inject({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(204);
    const after = await asMachine('GET', '/api/me');
    expect(after.statusCode).toBe(401);
    expect(after.json<{ error: { code: string } }>().error.code).toBe('INVALID_TOKEN');
    // Tokens expire.
    const short = await bank.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: '短期', expiresInDays: 1 },
    });
    t.clock.advance(86_400_000 + 1);
    const expired = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${short.json<{ token: string }>().token}` },
    });
    expect(expired.statusCode).toBe(401);
  });

  it('never logs passwords, cookies or tokens', async () => {
    const lines: string[] = [];
    const logged = await createTestApp({ LOG_LEVEL: 'trace' }, { logStream: { write: (line) => lines.push(line) } });
    try {
      const user = await makeUser(logged, 'supplier');
      const s = await logIn(logged.app, user.login);
      await s.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } });
      await logged.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: user.login, password: 'Wrong-Password-9' },
      });
    } finally {
      await logged.close();
    }
    const all = lines.join('');
    expect(all).toContain('"reqId"');
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain('Wrong-Password-9');
    expect(all).not.toMatch(/zc_session=[\w-]{20}/);
  });
});
