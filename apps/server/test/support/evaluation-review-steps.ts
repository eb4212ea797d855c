import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { users } from '../../src/db/schema';
import type { evaluationView } from '../../src/modules/evaluations/schemas';
import type { z } from 'zod';
import type { EvaluationFixture } from './evaluation-fixture';
import { logIn, makeUser, type Session, type TestApp } from './test-app';

export type EvaluationViewBody = z.infer<typeof evaluationView>;

/** Everyone around a fixture's lot, logged in through the API as a browser would be. */
export interface EvaluationActors {
  host: Session;
  purchaser: Session;
  supervisor: Session;
  centre: Session;
  /** The committee, by seat (as EvaluationFixture.experts). */
  experts: Session[];
  outsider: Session;
  bidders: Session[];
}

async function sessionOf(t: TestApp, userId: string): Promise<Session> {
  const [user] = await t.services.db.select({ login: users.login }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`no user ${userId}`);
  return logIn(t.app, user.login);
}

export async function actorsOf(t: TestApp, f: EvaluationFixture): Promise<EvaluationActors> {
  const experts: Session[] = [];
  for (const id of f.experts) experts.push(await sessionOf(t, id));
  const bidders: Session[] = [];
  for (const b of f.bidders) bidders.push(await sessionOf(t, b.userId));
  return {
    host: await sessionOf(t, f.hostUserId),
    purchaser: await sessionOf(t, f.purchaserUserId),
    supervisor: await sessionOf(t, f.supervisorUserId),
    centre: await logIn(t.app, (await makeUser(t, 'centre')).login),
    experts,
    outsider: await sessionOf(t, f.outsiderExpertUserId),
    bidders,
  };
}

export const evaluationUrl = (lotId: string, path = '') => `/api/lots/${lotId}/evaluation${path}`;

/** The answer's body after checking its status (the body is shown when it is not the one expected). */
export function expectStatus(res: LightMyRequestResponse, status: number): EvaluationViewBody {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<EvaluationViewBody>();
}

export const errorCodeOf = (res: LightMyRequestResponse) => res.json<{ error: { code: string } }>().error.code;

export async function viewAs(who: Session, lotId: string): Promise<EvaluationViewBody> {
  return expectStatus(await who.inject({ method: 'GET', url: evaluationUrl(lotId) }), 200);
}

/**
 * The host starts the evaluation and reviews every bid's qualification — passing all but `fail` (submission ids,
 * failed with a reason) — then ends the review. Returns the view after it.
 */
export async function qualify(
  a: EvaluationActors,
  f: EvaluationFixture,
  fail: readonly string[] = [],
): Promise<EvaluationViewBody> {
  expectStatus(await a.host.inject({ method: 'POST', url: evaluationUrl(f.lotId, '/start') }), 201);
  for (const b of f.bidders) {
    const failing = fail.includes(b.submissionId);
    const res = await a.host.inject({
      method: 'PUT',
      url: evaluationUrl(f.lotId, `/qualifications/${b.submissionId}`),
      payload: failing ? { passed: false, reason: '营业执照已过有效期' } : { passed: true },
    });
    expectStatus(res, 200);
  }
  return expectStatus(
    await a.host.inject({ method: 'POST', url: evaluationUrl(f.lotId, '/qualification/finish') }),
    200,
  );
}

/**
 * Every member reviews every qualified bid's compliance and submits. `failures` says, per submission id, how many
 * members (the first ones by seat) fail it.
 */
export async function comply(
  a: EvaluationActors,
  f: EvaluationFixture,
  failures: ReadonlyMap<string, number> = new Map(),
  qualified: readonly string[] = f.bidders.map((b) => b.submissionId),
): Promise<EvaluationViewBody> {
  let last: EvaluationViewBody | null = null;
  for (const [i, expert] of a.experts.entries()) {
    for (const id of qualified) {
      const failing = i < (failures.get(id) ?? 0);
      const res = await expert.inject({
        method: 'PUT',
        url: evaluationUrl(f.lotId, `/compliance/${id}`),
        payload: failing ? { passed: false, reason: '技术参数不满足实质性要求' } : { passed: true },
      });
      expectStatus(res, 200);
    }
    last = expectStatus(
      await expert.inject({ method: 'POST', url: evaluationUrl(f.lotId, '/compliance/submit') }),
      200,
    );
  }
  if (!last) throw new Error('no member');
  return last;
}

/** Members vote for the member at `seatIndex` until a majority elects them. */
export async function electLeader(a: EvaluationActors, f: EvaluationFixture, seatIndex = 0): Promise<void> {
  const candidateUserId = f.experts[seatIndex] ?? '';
  const majority = Math.floor(f.experts.length / 2) + 1;
  for (const expert of a.experts.slice(0, majority)) {
    const res = await expert.inject({
      method: 'PUT',
      url: evaluationUrl(f.lotId, '/leader-vote'),
      payload: { candidateUserId },
    });
    expectStatus(res, 200);
  }
}

/** A full, valid score sheet for one member: every standing bid on every scored criterion, reasons at the extremes. */
export function scoreSheet(view: EvaluationViewBody, memberIndex: number) {
  const standing = view.bids.filter((b) => b.stands).map((b) => b.submissionId);
  const criteria = view.criteria.filter((c) => c.scored);
  return standing.flatMap((submissionId, b) =>
    criteria.map((c) => ({
      submissionId,
      criterionKey: c.key,
      // Different per member and bid, inside the range, two decimals at most.
      score: Math.round(c.maxScore * (0.5 + 0.05 * b + 0.01 * memberIndex) * 100) / 100,
      reason: '技术方案完整，响应充分',
    })),
  );
}

/** Every member saves a full score sheet and submits it (the leader must be elected first). */
export async function scoreAll(a: EvaluationActors, f: EvaluationFixture): Promise<EvaluationViewBody> {
  let last: EvaluationViewBody | null = null;
  for (const [i, expert] of a.experts.entries()) {
    const view = await viewAs(expert, f.lotId);
    const saved = await expert.inject({
      method: 'PUT',
      url: evaluationUrl(f.lotId, '/scores'),
      payload: { scores: scoreSheet(view, i) },
    });
    expectStatus(saved, 200);
    last = expectStatus(await expert.inject({ method: 'POST', url: evaluationUrl(f.lotId, '/scoring/submit') }), 200);
  }
  if (!last) throw new Error('no member');
  return last;
}
