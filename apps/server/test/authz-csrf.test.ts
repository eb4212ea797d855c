import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSAFE_ROWS, describeCsrfMatrix } from './support/authz-parts';
import { issueToken, newUser } from './support/authz-rows';
import { IGNORED_ROUTE, UNSAFE } from './support/authz-run';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * A browser session must send its CSRF token on unsafe methods; a request without it (or with another session's)
 * is refused before anything happens. Roles the route does not admit at all are refused as FORBIDDEN first.
 * Public unsafe routes (log-in, sign-up) take no session and so no CSRF token. Each case is one unsafe route (its
 * first row in support/authz-rows.ts) and one role, sending the request without the token and then with another
 * session's; the second is sent only after the first is shown to have changed nothing. The grid is in two parts,
 * this file and authz-csrf-2.test.ts (support/authz-parts.ts), so they run side by side.
 */
describe('CSRF: the coverage, and bearer tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  it('covers every unsafe non-public route', () => {
    const unsafe = t.routes
      .filter((r) => !IGNORED_ROUTE(r) && UNSAFE.has(r.method) && !('public' in r.access))
      .map((r) => `${r.method} ${r.url}`);
    expect(unsafe.length).toBeGreaterThan(0);
    for (const route of unsafe) expect(UNSAFE_ROWS.map((r) => r.route)).toContain(route);
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

describeCsrfMatrix(1);
