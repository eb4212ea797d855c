import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challenges, events } from '../src/db/schema';
import { awardRow, post, publishedAward, sessionOf } from './support/award';
import { takeSnapshot } from './support/db-snapshot';
import { createTestApp, makeUser, type TestApp } from './support/test-app';

const GROUNDS = '中标供应商的业绩证明材料与实际不符，请核实。';
const ANSWER = '经核实，中标供应商的业绩证明材料真实有效，质疑不成立。';

describe('challenges (质疑, C14) and suspension', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a bidder files, the host answers; the purchaser suspends and resumes; the verification page shows it', async () => {
    const f = await publishedAward(t);
    const [, loser, other] = f.bidders;
    if (!loser || !other) throw new Error('bidders');
    const challenger = await sessionOf(t, loser.userId);
    const otherBidder = await sessionOf(t, other.userId);
    const host = await sessionOf(t, f.hostUserId);
    const purchaser = await sessionOf(t, f.purchaserUserId);
    const supervisor = await sessionOf(t, f.supervisorUserId);

    const filed = await challenger.inject(post(`/api/lots/${f.lotId}/challenges`, { grounds: GROUNDS }));
    expect(filed.statusCode, filed.body).toBe(201);
    const challenge = filed.json<{ id: string; state: string; answerBy: string }>();
    expect(challenge.state).toBe('pending');

    // Who sees it: the challenger its own, the host, purchaser and supervisor all; another bidder none of it.
    const list = async (s: typeof host) =>
      (await s.inject({ method: 'GET', url: `/api/lots/${f.lotId}/challenges` })).json<{ items: { id: string }[] }>()
        .items;
    expect((await list(challenger)).map((c) => c.id)).toEqual([challenge.id]);
    expect((await list(host)).map((c) => c.id)).toEqual([challenge.id]);
    expect((await list(supervisor)).map((c) => c.id)).toEqual([challenge.id]);
    expect(await list(otherBidder)).toEqual([]);
    t.clock.advance(1_000);
    let snap = await takeSnapshot(t.services.db);
    const foreign = await otherBidder.inject(post(`/api/challenges/${challenge.id}/answer`, { answer: ANSWER }));
    expect(foreign.statusCode).toBe(404);
    const own = await challenger.inject(post(`/api/challenges/${challenge.id}/answer`, { answer: ANSWER }));
    expect(own.statusCode).toBe(403);
    expect(await takeSnapshot(t.services.db)).toEqual(snap);

    // Suspension while pending, on the public verification page.
    const suspended = await purchaser.inject(
      post(`/api/lots/${f.lotId}/award/suspend`, { reason: '质疑处理期间暂停' }),
    );
    expect(suspended.statusCode, suspended.body).toBe(200);
    const verify = await t.app.inject({ method: 'GET', url: `/api/verify/certificates/${f.certificateNumber}` });
    expect(verify.json<{ suspension: { reason: string } | null }>().suspension?.reason).toBe('质疑处理期间暂停');
    const twice = await supervisor.inject(post(`/api/lots/${f.lotId}/award/suspend`, { reason: '再次暂停' }));
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('AWARD_ALREADY_SUSPENDED');

    const answered = await host.inject(post(`/api/challenges/${challenge.id}/answer`, { answer: ANSWER }));
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<{ state: string; answer: string }>()).toMatchObject({ state: 'answered', answer: ANSWER });
    const again = await host.inject(post(`/api/challenges/${challenge.id}/answer`, { answer: ANSWER }));
    expect(again.json<{ error: { code: string } }>().error.code).toBe('CHALLENGE_ANSWERED');

    const resumed = await supervisor.inject(post(`/api/lots/${f.lotId}/award/resume`, { reason: '质疑已答复' }));
    expect(resumed.statusCode, resumed.body).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: `/api/verify/certificates/${f.certificateNumber}` });
    expect(after.json<{ suspension: unknown }>().suspension).toBeNull();

    // Without a pending challenge there is nothing to suspend for.
    snap = await takeSnapshot(t.services.db);
    const noChallenge = await purchaser.inject(post(`/api/lots/${f.lotId}/award/suspend`, { reason: '无质疑' }));
    expect(noChallenge.json<{ error: { code: string } }>().error.code).toBe('AWARD_SUSPENSION_NEEDS_CHALLENGE');
    expect(await takeSnapshot(t.services.db)).toEqual(snap);

    // Every step is on the ledger.
    const types = (await t.services.db.select({ type: events.type }).from(events)).map((e) => e.type);
    for (const type of ['challenge.filed', 'challenge.answered', 'award.suspended', 'award.resumed']) {
      expect(types).toContain(type);
    }
  });

  it('refuses a challenge after the window, and from anyone who did not bid (404)', async () => {
    const f = await publishedAward(t);
    const bidder = f.bidders[1];
    if (!bidder) throw new Error('bidder');
    const outsider = await sessionOf(t, (await makeUser(t, 'supplier')).id);
    t.clock.advance(1_000);
    let snap = await takeSnapshot(t.services.db);
    const stranger = await outsider.inject(post(`/api/lots/${f.lotId}/challenges`, { grounds: GROUNDS }));
    expect(stranger.statusCode).toBe(404);
    expect(await takeSnapshot(t.services.db)).toEqual(snap);

    const award = await awardRow(t, f.lotId);
    const view = await (await sessionOf(t, bidder.userId)).inject({ method: 'GET', url: `/api/lots/${f.lotId}/award` });
    const challengeBy = new Date(view.json<{ challengeBy: string }>().challengeBy);
    expect(challengeBy.getTime()).toBeGreaterThan(award.publishedAt?.getTime() ?? Infinity);
    t.clock.set(new Date(challengeBy.getTime() + 1_000));
    const late = await sessionOf(t, bidder.userId);
    t.clock.advance(1_000);
    snap = await takeSnapshot(t.services.db);
    const res = await late.inject(post(`/api/lots/${f.lotId}/challenges`, { grounds: GROUNDS }));
    expect(res.statusCode).toBe(409);
    const error = res.json<{ error: { code: string; message: { zh: string } } }>().error;
    expect(error.code).toBe('CHALLENGE_WINDOW_CLOSED');
    expect(error.message.zh).toContain('质疑期限');
    expect(await takeSnapshot(t.services.db)).toEqual(snap);
  });

  it('the answer jobs fire: reminder, then the overdue flag', async () => {
    const f = await publishedAward(t);
    const bidder = f.bidders[2];
    if (!bidder) throw new Error('bidder');
    const res = await (
      await sessionOf(t, bidder.userId)
    ).inject(post(`/api/lots/${f.lotId}/challenges`, { grounds: GROUNDS }));
    const { id, answerBy } = res.json<{ id: string; answerBy: string }>();
    t.clock.set(new Date(new Date(answerBy).getTime() + 1_000));
    await t.services.jobs.drain();
    const [row] = await t.services.db.select().from(challenges).where(eq(challenges.id, id));
    expect(row?.answerOverdueAt).not.toBeNull();
    const types = (await t.services.db.select({ type: events.type }).from(events)).map((e) => e.type);
    expect(types).toContain('challenge.answer_overdue');
  });
});
