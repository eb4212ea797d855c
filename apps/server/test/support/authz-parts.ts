import { ROLES } from '@zhengcai/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLERS, MATRIX, newUser, type Row } from './authz-rows';
import { UNSAFE, accessOf, callerFor, expectErrorBody, mayPass, runCase } from './authz-run';
import { takeSnapshot } from './db-snapshot';
import { createTestApp, logIn, type TestApp } from './test-app';

/**
 * The two big grids of the authorisation matrix — every route × every caller with a session, and every unsafe route
 * × every role without its CSRF token — cut into parts, one part per test file, so the parts run side by side on
 * every worker instead of one file being the unit suite's long pole (ADR 0023). A row goes to part
 * `index % parts`, so each part gets a mix of every module's routes. The files together run every case once.
 */
export const SESSION_PARTS = 4;
export const CSRF_PARTS = 2;

/** The items of part `part` (1-based) of `parts`. */
export function partOf<T>(items: readonly T[], part: number, parts: number): T[] {
  return items.filter((_, i) => i % parts === part - 1);
}

/** Part `part` of the session grid: each row of the part × every kind of caller, anonymous included. */
export function describeSessionMatrix(part: number): void {
  describe(`authorisation matrix, callers with a session (part ${part} of ${SESSION_PARTS})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
    });
    afterAll(() => t.close());

    const cases = partOf(MATRIX, part, SESSION_PARTS).flatMap((row) =>
      CALLERS.map((caller) => ({ row, caller, status: row.expect[CALLERS.indexOf(caller)] })),
    );

    it.each(cases)('$row.route [$row.resource] as $caller → $status', async ({ row, caller }) => {
      await runCase(t, row, caller, 'session');
    });
  });
}

/** One row per unsafe route (its first in MATRIX); the route table tests guarantee every route has one. */
export const UNSAFE_ROWS: readonly Row[] = MATRIX.filter(
  (row, i) => UNSAFE.has(row.route.split(' ')[0] ?? '') && MATRIX.findIndex((r) => r.route === row.route) === i,
);

/**
 * Part `part` of the CSRF grid: each unsafe route of the part × every role, sent without the CSRF token and then
 * with another session's; the second is sent only after the first is shown to have changed nothing.
 */
export function describeCsrfMatrix(part: number): void {
  describe(`CSRF: cookie sessions without the x-csrf-token header (part ${part} of ${CSRF_PARTS})`, () => {
    let t: TestApp;
    let otherCsrf: string;
    beforeAll(async () => {
      t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
      otherCsrf = (await logIn(t.app, (await newUser(t, 'admin')).login)).csrfToken;
    });
    afterAll(() => t.close());

    const cases = partOf(UNSAFE_ROWS, part, CSRF_PARTS).flatMap((row) => ROLES.map((role) => ({ row, role })));

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
  });
}
