import { afterAll, beforeAll, describe, it } from 'vitest';
import { CALLERS, MATRIX } from './support/authz-rows';
import { runCase } from './support/authz-run';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The authorisation matrix (support/authz-rows.ts) with API tokens. A bearer token resolves to the same user, role
 * and organisation as a session does, and the route checks that follow are the same code, so the full route × role
 * grid runs once, with sessions (authz-matrix-session.test.ts). Here every route is called through a token once
 * per distinct outcome in its row — one caller allowed, one refused for its role, one that may not see the
 * resource — which shows token authentication reaches each of those checks. Anonymous callers have no
 * credentials and run in the session file only. (ADR 0022: the full grid twice cost about 4 minutes per pass.)
 */
describe('authorisation matrix, callers with a token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  const callers = CALLERS.filter((c) => c !== 'anonymous');
  const cases = MATRIX.flatMap((row) => {
    const seen = new Set<number | undefined>();
    return callers.flatMap((caller) => {
      const status = row.expect[CALLERS.indexOf(caller)];
      if (seen.has(status)) return [];
      seen.add(status);
      return [{ row, caller, status }];
    });
  });

  it.each(cases)('$row.route [$row.resource] as $caller → $status', async ({ row, caller }) => {
    await runCase(t, row, caller, 'token');
  });
});
