import { ROLES } from '@zhengcai/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLERS, MATRIX } from './support/authz-rows';
import { IGNORED_ROUTE, accessOf } from './support/authz-run';
import { describeSessionMatrix } from './support/authz-parts';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The authorisation matrix (support/authz-rows.ts) with browser sessions: every route × every kind of caller,
 * anonymous included, and the table's own completeness. The grid is cut into parts, one per file (this one and
 * authz-matrix-session-2…4.test.ts), so they run side by side and no file is the suite's long pole (ADR 0023). The
 * same matrix with API tokens is authz-matrix-token.test.ts, the CSRF checks authz-csrf*.test.ts.
 */

describe('the route table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has a row for every registered route and no row for a route that does not exist', () => {
    const registered = new Set(t.routes.filter((r) => !IGNORED_ROUTE(r)).map((r) => `${r.method} ${r.url}`));
    const tabled = new Set(MATRIX.map((r) => r.route));
    expect(
      [...registered].filter((r) => !tabled.has(r)),
      'routes without rows in MATRIX',
    ).toEqual([]);
    expect(
      [...tabled].filter((r) => !registered.has(r)),
      'rows for routes that do not exist',
    ).toEqual([]);
  });

  it('has a column for every role', () => {
    expect([...CALLERS.slice(1)].sort()).toEqual([...ROLES].sort());
  });

  it("agrees with each route's declared access (anonymous 401 on non-public routes, other roles 403 on role lists)", () => {
    for (const row of MATRIX) {
      const access = accessOf(t, row.route);
      if ('public' in access) continue;
      expect(row.expect[0], `${row.route}: anonymous`).toBe(401);
      if (access.roles === 'any') continue;
      for (const role of ROLES) {
        if (!access.roles.includes(role)) expect(row.expect[CALLERS.indexOf(role)], `${row.route}: ${role}`).toBe(403);
      }
    }
  });
});

describeSessionMatrix(1);
