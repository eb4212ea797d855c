import { ROLES } from '@zhengcai/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX, issueToken, newUser } from './support/authz-rows';
import { IGNORED_ROUTE, UNSAFE, accessOf, callerFor, expectErrorBody, mayPass } from './support/authz-run';
import { takeSnapshot } from './support/db-snapshot';
import { createTestApp, logIn, type TestApp } from './support/test-app';

/**
 * A browser session must send its CSRF token on unsafe methods; a request without it (or with another session's)
 * is refused before anything happens. Roles the route does not admit at all are refused as FORBIDDEN first.
 * Public unsafe routes (log-in, sign-up) take no session and so no CSRF token. Each case is one unsafe route (its
 * first row in support/authz-rows.ts) and one role, sending the request without the token and then with another
 * session's; the second is sent only after the first is shown to have changed nothing.
 */
describe('CSRF: cookie sessions without the x-csrf-token header', () => {
  let t: TestApp;
  let otherCsrf: string;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
    otherCsrf = (await logIn(t.app, (await newUser(t, 'admin')).login)).csrfToken;
  });
  afterAll(() => t.close());

  // One row per unsafe route (the first); the route table tests guarantee every route has one.
  const unsafeRows = MATRIX.filter(
    (row, i) => UNSAFE.has(row.route.split(' ')[0] ?? '') && MATRIX.findIndex((r) => r.route === row.route) === i,
  );
  const cases = unsafeRows.flatMap((row) => ROLES.map((role) => ({ row, role })));

  it('covers every unsafe non-public route', () => {
    const unsafe = t.routes
      .filter((r) => !IGNORED_ROUTE(r) && UNSAFE.has(r.method) && !('public' in r.access))
      .map((r) => `${r.method} ${r.url}`);
    expect(unsafe.length).toBeGreaterThan(0);
    for (const route of unsafe) expect(unsafeRows.map((r) => r.route)).toContain(route);
  });

  it.each(cases)('$row.route as $role, without the CSRF token and with a wrong one', async ({ row, role }) => {
    const access = accessOf(t, row.route);
    const { me, send } = await callerFor(t, role, 'session');
    const req = await row.build(t, me);
    t.clock.advance(1_000);
    if ('public' in access) {
      // Log-in and sign-up work without a session, so they ask for no CSRF token: the call goes through.
      const res = await t.app.inject(send(req, { csrf: false }));
      expect(res.statusCode, res.body).toBeLessThan(300);
      return;
    }
    for (const csrf of [false, otherCsrf] as const) {
      const before = await takeSnapshot(t.services.db);
      const res = await t.app.inject(send(req, { csrf }));
      expect(res.statusCode, res.body).toBe(403);
      expectErrorBody(res, mayPass(access, role) ? 'CSRF_FAILED' : 'FORBIDDEN');
      expect(await takeSnapshot(t.services.db), 'a refused call changed the database').toEqual(before);
    }
  });

  it('a bearer token needs no CSRF token, and a cookie sent alongside it is ignored', async () => {
    const user = await newUser(t, 'supplier');
    const { token } = await issueToken(t, user.id);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { authorization: `Bearer ${token}` },
      cookies: { zc_session: 'not-a-session' },
      payload: { name: '自动对账' },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
