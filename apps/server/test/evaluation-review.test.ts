import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, evaluations, expertDrawSeats, notifications, openingBids, openingHalls } from '../src/db/schema';
import { scoringComplete } from '../src/modules/evaluations/scoring-complete';
import { errorSchema } from '../src/platform/http/responses';
import { takeSnapshot } from './support/db-snapshot';
import { evaluationFixture } from './support/evaluation-fixture';
import {
  actorsOf,
  comply,
  electLeader,
  evaluationUrl,
  expectStatus,
  qualify,
  scoreAll,
  scoreSheet,
  viewAs,
} from './support/evaluation-review-steps';
import { createTestApp, type Session, type TestApp } from './support/test-app';

describe('the evaluation reviews (C12): qualification, compliance, leader, scoring', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(async () => {
    await t.close();
  });

  const ready = async (opts: Parameters<typeof evaluationFixture>[1] = {}) => {
    const f = await evaluationFixture(t, opts);
    return { f, a: await actorsOf(t, f) };
  };

  /** A refused call: the status and code, a message in both languages, and nothing changed in the database. */
  async function refused(
    call: () => Promise<LightMyRequestResponse>,
    status: number,
    code: string,
  ): Promise<{ zh: string; en: string; fields: string[] }> {
    t.clock.advance(1_000);
    const before = await takeSnapshot(t.services.db);
    const res = await call();
    expect(res.statusCode, res.body).toBe(status);
    const { error } = errorSchema.parse(res.json());
    expect(error.code, res.body).toBe(code);
    expect(error.message.zh.length).toBeGreaterThan(0);
    expect(error.message.en.length).toBeGreaterThan(0);
    expect(await takeSnapshot(t.services.db), `${code} changed the database`).toEqual(before);
    return { ...error.message, fields: (error.fields ?? []).map((f) => f.field) };
  }

  const complete = (lotId: string) => t.services.db.transaction((tx) => scoringComplete(tx, lotId));
  const eventTypes = async (lotId: string) =>
    (await t.services.db.select().from(events).where(eq(events.subjectId, lotId))).map((e) => e.type);
  const put = (who: Session, url: string, payload: Record<string, unknown>) =>
    who.inject({ method: 'PUT', url, payload });
  const post = (who: Session, url: string) => who.inject({ method: 'POST', url });

  it('runs the whole path: start → qualification → compliance → leader → five score sheets → scoring complete', async () => {
    const { f, a } = await ready();
    const url = (path = '') => evaluationUrl(f.lotId, path);

    // Before the start: the host may start, a member sees the lot but no bids.
    const before = await viewAs(a.host, f.lotId);
    expect(before.state).toBeNull();
    expect(before.abilities.start).toBe(true);
    expect(before.startBlocked).toBeNull();
    expect((await viewAs(a.experts[0] as Session, f.lotId)).bids).toEqual([]);

    const started = expectStatus(await post(a.host, url('/start')), 201);
    expect(started.state).toBe('qualification');
    expect(started.bids.map((b) => b.submissionId)).toEqual(f.bidders.map((b) => b.submissionId));
    expect(started.bids[0]?.readOut?.priceFen).toBe(f.bidders[0]?.priceFen);
    // Each member is told, in-app, with a link to their page.
    const told = await t.services.db.select().from(notifications).where(eq(notifications.kind, 'evaluation.started'));
    for (const id of f.experts) {
      expect(told.find((n) => n.userId === id)?.link).toBe(`/workspace/evaluations/${f.lotId}`);
    }

    // The host reviews each bid; a member does not see the host's reviews before the host ends the stage.
    const first = f.bidders[0]?.submissionId ?? '';
    expectStatus(await put(a.host, url(`/qualifications/${first}`), { passed: false, reason: '资质证书过期' }), 200);
    const changed = expectStatus(await put(a.host, url(`/qualifications/${first}`), { passed: true }), 200);
    expect(changed.bids[0]?.qualification).toMatchObject({ passed: true, reason: null });
    expect((await viewAs(a.experts[0] as Session, f.lotId)).bids[0]?.qualification).toBeNull();
    for (const b of f.bidders.slice(1)) {
      expectStatus(await put(a.host, url(`/qualifications/${b.submissionId}`), { passed: true }), 200);
    }
    const afterQualification = expectStatus(await post(a.host, url('/qualification/finish')), 200);
    expect(afterQualification.state).toBe('compliance');
    expect(afterQualification.abilities.qualify).toBe(false);

    // The leader can be elected during any review stage; two votes of five elect nobody.
    const leaderId = f.experts[2] ?? '';
    for (const expert of a.experts.slice(0, 2)) {
      expectStatus(await put(expert, url('/leader-vote'), { candidateUserId: leaderId }), 200);
    }
    expect((await viewAs(a.host, f.lotId)).leader).toBeNull();
    const elected = expectStatus(
      await put(a.experts[4] as Session, url('/leader-vote'), { candidateUserId: leaderId }),
      200,
    );
    expect(elected.leader).toMatchObject({ seat: 3, userId: leaderId });
    // The host learns the leader's seat, not their name.
    expect((await viewAs(a.host, f.lotId)).leader).toEqual({ seat: 3, userId: null, name: null });

    const afterCompliance = await comply(a, f);
    expect(afterCompliance.state).toBe('scoring');
    expect(afterCompliance.bids.every((b) => b.stands)).toBe(true);
    expect(await complete(f.lotId)).toBe(false);

    const done = await scoreAll(a, f);
    expect(done.state).toBe('scoring');
    expect(done.members.every((m) => m.scoring.submittedAt !== null)).toBe(true);
    expect(await complete(f.lotId)).toBe(true);

    expect(await eventTypes(f.lotId)).toEqual(
      expect.arrayContaining([
        'evaluation.started',
        'evaluation.qualification_reviewed',
        'evaluation.qualification_finished',
        'evaluation.leader_voted',
        'evaluation.leader_elected',
        'evaluation.compliance_submitted',
        'evaluation.compliance_finished',
        'evaluation.scoring_submitted',
        'evaluation.scoring_complete',
      ]),
    );
    // Every member now sees every member's scores: five sheets of 4 bids × 2 criteria.
    expect((await viewAs(a.experts[1] as Session, f.lotId)).scores).toHaveLength(5 * 4 * 2);

    // 我的评审 lists the lot for each member, with the state and their own part.
    const mine = await (a.experts[2] as Session).inject({ method: 'GET', url: '/api/evaluations/mine' });
    expect(mine.statusCode, mine.body).toBe(200);
    const item = mine
      .json<{ items: { lotId: string; state: string; leader: boolean; submitted: object }[] }>()
      .items.find((i) => i.lotId === f.lotId);
    expect(item).toMatchObject({ state: 'scoring', leader: true, submitted: { compliance: true, scoring: true } });
    const outsiders = await a.outsider.inject({ method: 'GET', url: '/api/evaluations/mine' });
    expect(outsiders.json<{ items: { lotId: string }[] }>().items.map((i) => i.lotId)).not.toContain(f.lotId);
  });

  it('refuses to start before the opening record is published, with an incomplete committee, or twice', async () => {
    const { f, a } = await ready();
    const start = () => post(a.host, evaluationUrl(f.lotId, '/start'));

    await t.services.db.update(openingHalls).set({ state: 'signed' }).where(eq(openingHalls.lotId, f.lotId));
    expect((await viewAs(a.host, f.lotId)).startBlocked?.zh).toContain('开标记录尚未签署公布');
    const notPublished = await refused(start, 409, 'EVALUATION_CANNOT_START');
    expect(notPublished.zh).toContain('开标记录尚未签署公布');
    await t.services.db.update(openingHalls).set({ state: 'published' }).where(eq(openingHalls.lotId, f.lotId));

    const [seat] = await t.services.db
      .select()
      .from(expertDrawSeats)
      .where(and(eq(expertDrawSeats.lotId, f.lotId), eq(expertDrawSeats.expertUserId, f.experts[0] ?? '')));
    await t.services.db
      .update(expertDrawSeats)
      .set({ status: 'invited' })
      .where(eq(expertDrawSeats.id, seat?.id ?? ''));
    const incomplete = await refused(start, 409, 'EVALUATION_COMMITTEE_INCOMPLETE');
    expect(incomplete.zh).toContain('4/5');
    await t.services.db
      .update(expertDrawSeats)
      .set({ status: 'confirmed' })
      .where(eq(expertDrawSeats.id, seat?.id ?? ''));

    // Oversight sees the evaluation but does not start it; a purchaser that entrusted an agency does not see it.
    await refused(() => post(a.supervisor, evaluationUrl(f.lotId, '/start')), 403, 'FORBIDDEN');
    await refused(() => post(a.purchaser, evaluationUrl(f.lotId, '/start')), 404, 'NOT_FOUND');

    expectStatus(await start(), 201);
    const twice = await refused(start, 409, 'EVALUATION_EXISTS');
    expect(twice.zh).toContain('资格审查');
  });

  it('qualification: a reason when failing, every decrypted bid reviewed, an invalid bid not reviewed; under 3 qualified the lot fails', async () => {
    const { f, a } = await ready({ pricesFen: [118_000_000, 125_000_000, 132_000_000, 140_000_000, 150_000_000] });
    const url = (path = '') => evaluationUrl(f.lotId, path);
    const [b1, b2, b3, b4, b5] = f.bidders.map((b) => b.submissionId);
    // The fifth bid could not be decrypted at the opening: it is invalid and takes no part.
    await t.services.db
      .update(openingBids)
      .set({ state: 'invalid', invalidReason: 'NOT_DECRYPTED_IN_WINDOW' })
      .where(eq(openingBids.submissionId, b5 ?? ''));
    expectStatus(await post(a.host, url('/start')), 201);

    const noReason = await refused(
      () => put(a.host, url(`/qualifications/${b1}`), { passed: false, reason: ' ' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(noReason.fields).toEqual(['body.reason']);
    const invalid = await refused(
      () => put(a.host, url(`/qualifications/${b5}`), { passed: true }),
      409,
      'EVALUATION_BID_NOT_IN_STAGE',
    );
    expect(invalid.zh).toContain('无效投标');
    // A bid of another lot is not found here.
    const other = await evaluationFixture(t);
    await refused(
      () => put(a.host, url(`/qualifications/${other.bidders[0]?.submissionId}`), { passed: true }),
      404,
      'NOT_FOUND',
    );
    // Members and oversight do not review qualifications.
    await refused(() => put(a.experts[0] as Session, url(`/qualifications/${b1}`), { passed: true }), 403, 'FORBIDDEN');

    expectStatus(await put(a.host, url(`/qualifications/${b1}`), { passed: true }), 200);
    expectStatus(
      await put(a.host, url(`/qualifications/${b2}`), { passed: false, reason: '未提供有效的营业执照' }),
      200,
    );
    const missing = await refused(() => post(a.host, url('/qualification/finish')), 422, 'EVALUATION_REVIEWS_MISSING');
    const names = (await viewAs(a.host, f.lotId)).bids.map((b) => b.bidderName);
    expect(missing.zh).toContain(names[2]);
    expect(missing.zh).toContain(names[3]);
    expect(missing.zh).not.toContain(names[0]);

    expectStatus(await put(a.host, url(`/qualifications/${b3}`), { passed: false, reason: '不满足特定资格条件' }), 200);
    expectStatus(await put(a.host, url(`/qualifications/${b4}`), { passed: true }), 200);
    const failed = expectStatus(await post(a.host, url('/qualification/finish')), 200);
    expect(failed.state).toBe('failed');
    expect(failed.failureReason?.zh).toContain('第三十六条');
    expect(failed.failureReason?.zh).toContain('2 家');
    const [row] = await t.services.db.select().from(evaluations).where(eq(evaluations.lotId, f.lotId));
    expect(row?.failedAt).not.toBeNull();
    // Nothing goes on after a failure.
    await refused(() => post(a.experts[0] as Session, url('/compliance/submit')), 409, 'EVALUATION_STAGE_CLOSED');
    expect(await complete(f.lotId)).toBe(false);
  });

  it('compliance by majority: failed by 2 of 5 a bid stands, by 3 of 5 it does not; members see only their own until all submit', async () => {
    const { f, a } = await ready();
    const url = (path = '') => evaluationUrl(f.lotId, path);
    await qualify(a, f);
    const [b1, b2] = f.bidders.map((b) => b.submissionId);

    // The first member reviews; the second sees none of it.
    expectStatus(
      await put(a.experts[0] as Session, url(`/compliance/${b1}`), { passed: false, reason: '交货期不满足' }),
      200,
    );
    expect((await viewAs(a.experts[1] as Session, f.lotId)).compliance).toEqual([]);
    // …while oversight sees it live, and the host never does.
    expect((await viewAs(a.supervisor, f.lotId)).compliance).toHaveLength(1);
    expect((await viewAs(a.host, f.lotId)).compliance).toEqual([]);
    // Submitting with bids not reviewed names them.
    const missing = await refused(
      () => post(a.experts[0] as Session, url('/compliance/submit')),
      422,
      'EVALUATION_REVIEWS_MISSING',
    );
    expect(missing.zh).toContain('“');
    const noReason = await refused(
      () => put(a.experts[0] as Session, url(`/compliance/${b2}`), { passed: false }),
      400,
      'VALIDATION_FAILED',
    );
    expect(noReason.fields).toEqual(['body.reason']);

    const view = await comply(
      a,
      f,
      new Map([
        [b1 ?? '', 2],
        [b2 ?? '', 3],
      ]),
    );
    expect(view.state).toBe('scoring');
    const stands = new Map(view.bids.map((b) => [b.submissionId, b.stands]));
    expect(stands.get(b1 ?? '')).toBe(true);
    expect(stands.get(b2 ?? '')).toBe(false);
    expect([...stands.values()].filter(Boolean)).toHaveLength(3);
    // Once all have submitted, every member sees every review.
    expect((await viewAs(a.experts[4] as Session, f.lotId)).compliance).toHaveLength(5 * 4);
    // A submitted review cannot change.
    await refused(
      () => put(a.experts[0] as Session, url(`/compliance/${b1}`), { passed: true }),
      409,
      'EVALUATION_STAGE_CLOSED',
    );

    // The bid that does not stand is not scored.
    await electLeader(a, f);
    const notStanding = await refused(
      () =>
        put(a.experts[0] as Session, url('/scores'), {
          scores: [{ submissionId: b2, criterionKey: 'technical', score: 40 }],
        }),
      422,
      'EVALUATION_SCORE_INVALID',
    );
    expect(notStanding.fields).toEqual(['body.scores.0.submissionId']);
  });

  it('a compliance review leaving fewer than 3 bids fails the lot', async () => {
    const { f, a } = await ready();
    await qualify(a, f);
    const [b1, b2] = f.bidders.map((b) => b.submissionId);
    const view = await comply(
      a,
      f,
      new Map([
        [b1 ?? '', 3],
        [b2 ?? '', 5],
      ]),
    );
    expect(view.state).toBe('failed');
    expect(view.failureReason?.zh).toContain('符合性审查');
    expect(await complete(f.lotId)).toBe(false);
  });

  it('refuses bad scores (range, decimals, price, extremes without reason) and changes to submitted scores, leaving the database unchanged', async () => {
    const { f, a } = await ready();
    const url = (path = '') => evaluationUrl(f.lotId, path);
    await qualify(a, f);
    const afterCompliance = await comply(a, f);
    const member = a.experts[1] as Session;
    const [b1, b2] = f.bidders.map((b) => b.submissionId);

    // Out of range: 422 naming the criterion, and the valid row of the same request is not saved either.
    const outOfRange = await refused(
      () =>
        put(member, url('/scores'), {
          scores: [
            { submissionId: b1, criterionKey: 'service', score: 8 },
            { submissionId: b2, criterionKey: 'technical', score: 61 },
          ],
        }),
      422,
      'EVALUATION_SCORE_INVALID',
    );
    expect(outOfRange.zh).toContain('技术');
    expect(outOfRange.zh).toContain('0 至 60');
    expect(outOfRange.en).toContain('between 0 and 60');
    expect(outOfRange.fields).toEqual(['body.scores.1.score']);
    await refused(
      () => put(member, url('/scores'), { scores: [{ submissionId: b1, criterionKey: 'service', score: -1 }] }),
      422,
      'EVALUATION_SCORE_INVALID',
    );
    const decimals = await refused(
      () => put(member, url('/scores'), { scores: [{ submissionId: b1, criterionKey: 'technical', score: 45.125 }] }),
      422,
      'EVALUATION_SCORE_INVALID',
    );
    expect(decimals.zh).toContain('两位小数');
    const price = await refused(
      () => put(member, url('/scores'), { scores: [{ submissionId: b1, criterionKey: 'price', score: 20 }] }),
      422,
      'EVALUATION_SCORE_INVALID',
    );
    expect(price.zh).toContain('价格');
    await refused(
      () => put(member, url('/scores'), { scores: [{ submissionId: b1, criterionKey: 'quality', score: 5 }] }),
      422,
      'EVALUATION_SCORE_INVALID',
    );
    await refused(
      () => put(member, url('/scores'), { scores: [{ submissionId: b1, criterionKey: 'technical', score: '45' }] }),
      400,
      'VALIDATION_FAILED',
    );

    // A complete sheet, but 0 and the maximum without a reason: submitting is refused, naming both.
    const sheet = scoreSheet(afterCompliance, 1).map((r) => ({ ...r }));
    Object.assign(sheet[0] ?? {}, { score: 0, reason: '' });
    Object.assign(sheet[1] ?? {}, { score: 10, reason: null });
    expect(sheet[0]?.criterionKey).toBe('technical');
    expect(sheet[1]?.criterionKey).toBe('service');
    expectStatus(await put(member, url('/scores'), { scores: sheet }), 200);
    // No leader yet: nobody can submit.
    await refused(() => post(member, url('/scoring/submit')), 409, 'EVALUATION_LEADER_NOT_ELECTED');
    await electLeader(a, f, 0);
    const extremes = await refused(
      () => post(member, url('/scoring/submit')),
      422,
      'EVALUATION_SCORE_SHEET_INCOMPLETE',
    );
    expect(extremes.zh).toMatch(/(最低分 0 分|满分 10 分)，须填写理由；另有 1 处问题/);
    expect(extremes.fields.sort()).toEqual([`scores.${b1}.service`, `scores.${b1}.technical`]);
    // A missing score is named too.
    const incomplete = await refused(
      () => post(a.experts[3] as Session, url('/scoring/submit')),
      422,
      'EVALUATION_SCORE_SHEET_INCOMPLETE',
    );
    expect(incomplete.zh).toContain('尚未对');

    const fixed = sheet.map((r, i) => (i < 2 ? { ...r, reason: '方案与需求逐条对应，无偏离' } : r));
    expectStatus(await put(member, url('/scores'), { scores: fixed.slice(0, 2) }), 200);
    expectStatus(await post(member, url('/scoring/submit')), 200);

    // Submitted: no change, no second submission.
    const again = await refused(
      () => put(member, url('/scores'), { scores: [{ submissionId: b1, criterionKey: 'technical', score: 30 }] }),
      409,
      'EVALUATION_ALREADY_SUBMITTED',
    );
    expect(again.zh).toContain('评审组长');
    await refused(() => post(member, url('/scoring/submit')), 409, 'EVALUATION_ALREADY_SUBMITTED');

    // Only the leader returns scores, with a reason, and only submitted ones.
    const reopen = (who: Session, expertUserId: string) =>
      who.inject({
        method: 'POST',
        url: url('/scoring/reopen'),
        payload: { expertUserId, reason: '技术分明显偏离其他成员，经评标委员会认定重新评分' },
      });
    await refused(() => reopen(a.experts[2] as Session, f.experts[1] ?? ''), 403, 'EVALUATION_LEADER_ONLY');
    await refused(() => reopen(a.experts[0] as Session, f.experts[3] ?? ''), 409, 'EVALUATION_NOT_SUBMITTED');
    await refused(() => reopen(a.experts[0] as Session, f.outsiderExpertUserId), 400, 'VALIDATION_FAILED');
    const reopened = expectStatus(await reopen(a.experts[0] as Session, f.experts[1] ?? ''), 200);
    expect(reopened.members[1]?.scoring.submittedAt).toBeNull();
    expect(reopened.members[1]?.scoring.reopenReason).toContain('重新评分');
    expectStatus(
      await put(member, url('/scores'), { scores: [{ submissionId: b1, criterionKey: 'technical', score: 42.5 }] }),
      200,
    );
    expectStatus(await post(member, url('/scoring/submit')), 200);
    const told = await t.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'evaluation.scoring_reopened'), eq(notifications.userId, f.experts[1] ?? '')));
    expect(told).toHaveLength(1);
  });

  it('views: bidders, the purchaser that entrusted an agency and other experts get 404; members see only their own scores until all have submitted', async () => {
    const { f, a } = await ready();
    const url = (path = '') => evaluationUrl(f.lotId, path);
    await qualify(a, f);
    const view = await comply(a, f);
    await electLeader(a, f);

    for (const who of [a.bidders[0] as Session, a.purchaser, a.outsider]) {
      await refused(() => who.inject({ method: 'GET', url: url() }), 404, 'NOT_FOUND');
    }
    // The expert drawn for no seat here cannot act either: 404 everywhere.
    const [b1] = f.bidders.map((b) => b.submissionId);
    await refused(
      () => put(a.outsider, url('/scores'), { scores: [{ submissionId: b1, criterionKey: 'technical', score: 40 }] }),
      404,
      'NOT_FOUND',
    );
    await refused(() => put(a.outsider, url('/leader-vote'), { candidateUserId: f.experts[0] }), 404, 'NOT_FOUND');
    await refused(() => post(a.outsider, url('/scoring/submit')), 404, 'NOT_FOUND');
    await refused(() => put(a.outsider, url(`/compliance/${b1}`), { passed: true }), 404, 'NOT_FOUND');

    const first = a.experts[0] as Session;
    expectStatus(await put(first, url('/scores'), { scores: scoreSheet(view, 0) }), 200);
    expectStatus(await post(first, url('/scoring/submit')), 200);
    const second = a.experts[1] as Session;
    expectStatus(await put(second, url('/scores'), { scores: scoreSheet(view, 1).slice(0, 3) }), 200);

    // The second member sees their own three scores only; the first, having submitted, still only theirs.
    const seenBySecond = await viewAs(second, f.lotId);
    expect(seenBySecond.scores).toHaveLength(3);
    expect(new Set(seenBySecond.scores.map((s) => s.expertUserId))).toEqual(new Set([f.experts[1]]));
    expect(new Set((await viewAs(first, f.lotId)).scores.map((s) => s.expertUserId))).toEqual(new Set([f.experts[0]]));
    // Who has submitted is shown (not what), and the member's own vote.
    expect(seenBySecond.members.map((m) => m.scoring.submittedAt !== null)).toEqual([true, false, false, false, false]);
    expect(seenBySecond.votes).toEqual([{ voterUserId: f.experts[1], candidateUserId: f.experts[0] }]);

    // Oversight sees everything live; the host sees progress and no score, no review, no name.
    const oversight = await viewAs(a.centre, f.lotId);
    expect(oversight.viewAs).toBe('oversight');
    expect(oversight.scores).toHaveLength(8 + 3);
    expect(oversight.votes).toHaveLength(3);
    expect(Object.values(oversight.abilities).some(Boolean)).toBe(false);
    const host = await viewAs(a.host, f.lotId);
    expect(host.scores).toEqual([]);
    expect(host.compliance).toEqual([]);
    expect(host.votes).toEqual([]);
    expect(host.members.every((m) => m.userId === null && m.name === null)).toBe(true);
    expect(host.members[0]?.scoring.submittedAt).not.toBeNull();
    expect(host.bids.every((b) => b.stands === null)).toBe(true);
  });

  it("an opened bid's files: host, members and oversight download the opened bytes once the evaluation has started; nobody else, nor before", async () => {
    const { f, a } = await ready();
    const [b1] = f.bidders;
    const file = (index = 0, submissionId = b1?.submissionId) =>
      evaluationUrl(f.lotId, `/bids/${submissionId}/files/${index}`);
    // Before the evaluation starts the files are not there, even for the host.
    await refused(() => a.host.inject({ method: 'GET', url: file() }), 404, 'NOT_FOUND');
    await qualify(a, f);

    for (const who of [a.host, a.experts[0] as Session, a.experts[4] as Session, a.supervisor, a.centre]) {
      const res = await who.inject({ method: 'GET', url: file() });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toBe('技术响应文件 1 / Technical response 1');
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('技术响应文件-1.txt'));
      expect(res.headers['x-content-sha256']).toBe(createHash('sha256').update(res.rawPayload).digest('hex'));
    }
    // Each download is on the record for oversight: who read which file, in which capacity.
    const reads = (
      await t.services.db.select().from(events).where(eq(events.subjectId, f.lotId)).orderBy(events.seq)
    ).filter((e) => e.type === 'evaluation.bid_file_read');
    expect(reads.map((e) => [e.actorUserId, (e.payload as { as: string }).as])).toEqual([
      [f.hostUserId, 'host'],
      [f.experts[0], 'member'],
      [f.experts[4], 'member'],
      [f.supervisorUserId, 'oversight'],
      [expect.any(String), 'oversight'],
    ]);
    expect(reads[0]?.payload).toMatchObject({
      submissionId: b1?.submissionId,
      index: 0,
      fileName: '技术响应文件-1.txt',
    });
    // Bidders (their own bid too), the purchaser that entrusted an agency, an expert of no seat here: 404.
    for (const who of [a.bidders[0] as Session, a.bidders[1] as Session, a.purchaser, a.outsider]) {
      await refused(() => who.inject({ method: 'GET', url: file() }), 404, 'NOT_FOUND');
    }
    // No such file, no such bid on this lot, a malformed index.
    await refused(() => a.host.inject({ method: 'GET', url: file(1) }), 404, 'NOT_FOUND');
    await refused(() => a.host.inject({ method: 'GET', url: file(0, randomUUID()) }), 404, 'NOT_FOUND');
    await refused(() => a.host.inject({ method: 'GET', url: file(-1) }), 400, 'VALIDATION_FAILED');
  });

  it('leader vote: only a member can be elected, and voting closes once one is', async () => {
    const { f, a } = await ready();
    const url = evaluationUrl(f.lotId, '/leader-vote');
    await refused(
      () => put(a.experts[0] as Session, url, { candidateUserId: f.experts[1] }),
      409,
      'EVALUATION_NOT_STARTED',
    );
    expectStatus(await post(a.host, evaluationUrl(f.lotId, '/start')), 201);
    const outsider = await refused(
      () => put(a.experts[0] as Session, url, { candidateUserId: f.outsiderExpertUserId }),
      400,
      'VALIDATION_FAILED',
    );
    expect(outsider.fields).toEqual(['body.candidateUserId']);
    // A vote may change before anyone is elected; the latest counts.
    expectStatus(await put(a.experts[0] as Session, url, { candidateUserId: f.experts[1] }), 200);
    expectStatus(await put(a.experts[0] as Session, url, { candidateUserId: f.experts[0] }), 200);
    for (const expert of a.experts.slice(1, 3)) {
      expectStatus(await put(expert, url, { candidateUserId: f.experts[0] }), 200);
    }
    const [row] = await t.services.db.select().from(evaluations).where(eq(evaluations.lotId, f.lotId));
    expect(row?.leaderUserId).toBe(f.experts[0]);
    await refused(
      () => put(a.experts[4] as Session, url, { candidateUserId: f.experts[4] }),
      409,
      'EVALUATION_LEADER_ELECTED',
    );
  });

  it('a lowest-evaluated-price lot has no scoring: after compliance the scoring is complete at once', async () => {
    const { f, a } = await ready({ evaluationMethod: 'lowest-evaluated-price' });
    await qualify(a, f);
    const view = await comply(a, f);
    expect(view.state).toBe('scoring');
    expect(view.criteria.some((c) => c.scored)).toBe(false);
    expect(view.abilities.score).toBe(false);
    expect(await complete(f.lotId)).toBe(true);
    expect(await eventTypes(f.lotId)).toContain('evaluation.scoring_complete');
    await refused(
      () => post(a.experts[0] as Session, evaluationUrl(f.lotId, '/scoring/submit')),
      409,
      'EVALUATION_NO_SCORING',
    );
  });
});
