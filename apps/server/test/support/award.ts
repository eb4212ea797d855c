import { eq } from 'drizzle-orm';
import { awards, users } from '../../src/db/schema';
import { confirmAward } from '../../src/modules/awards/confirm-award';
import { publishResult } from '../../src/modules/awards/publish-result';
import { viewerOf } from './expert-draw-matrix';
import { reportedEvaluation, type ReportedOptions } from './reported-evaluation';
import { logIn, type Session, type TestApp } from './test-app';

/** A session of an existing user (by id). */
export async function sessionOf(t: TestApp, userId: string): Promise<Session> {
  const [user] = await t.services.db.select({ login: users.login }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error('no user');
  return logIn(t.app, user.login);
}

export async function awardRow(t: TestApp, lotId: string) {
  const [row] = await t.services.db.select().from(awards).where(eq(awards.lotId, lotId));
  if (!row) throw new Error('no award');
  return row;
}

export const post = (url: string, payload: Record<string, unknown> = {}) => ({
  method: 'POST' as const,
  url,
  payload,
});

/** A lot whose result is published (confirmed and published through the use cases), ready to be challenged. */
export async function publishedAward(t: TestApp, opts: ReportedOptions = {}) {
  const f = await reportedEvaluation(t, opts);
  await confirmAward(t.services, await viewerOf(t, f.purchaserUserId), f.lotId, {});
  const published = await publishResult(t.services, await viewerOf(t, f.hostUserId), f.lotId);
  return { ...f, ...published };
}
