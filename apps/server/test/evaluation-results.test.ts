import { evaluationReportStatement } from '@zhengcai/domain';
import { canonicalBytes, getSuite, sm3Hex, type UserKeys } from '@zhengcai/seal';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluationBidderQueries,
  evaluationSubmissions,
  evaluations,
  events,
  notifications,
  users,
} from '../src/db/schema';
import { issueTestCertificates } from './support/bids';
import { enrolAs } from './support/certificates';
import { takeSnapshot } from './support/db-snapshot';
import { pdfText } from './support/pdf-text';
import { scoredEvaluation, type ScoredEvaluation } from './support/scored-evaluation';
import { createTestApp, logIn, type Session, type TestApp } from './support/test-app';

interface ResultDoc {
  method: string;
  ranking: {
    submissionId: string;
    rank: number;
    bidPriceFen: number;
    evaluationPriceFen: number;
    total: string | null;
  }[];
  excluded: { submissionId: string; reason: { zh: string } }[];
  bids: {
    submissionId: string;
    bidPriceFen: number;
    priceSource: { kind: string };
    sme: { deductionFen: number; basisPoints: number; explanation: { zh: string } } | null;
  }[];
  working: { ranking: { bidId: string; priceScore?: { working: { benchmark: unknown; text: { zh: string } } } }[] };
  abnormallyLow: { bidId: string; flagged: boolean }[];
}

describe('evaluation results: compute, bidder queries, report and signatures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(async () => {
    await t.close();
  });

  const sessions = new Map<string, Session>();
  async function as(userId: string): Promise<Session> {
    const known = sessions.get(userId);
    if (known) return known;
    const [u] = await t.services.db.select({ login: users.login }).from(users).where(eq(users.id, userId));
    if (!u) throw new Error('no user');
    const s = await logIn(t.app, u.login);
    sessions.set(userId, s);
    return s;
  }
  /** Logs every party in first, so a refused call's snapshot does not see a new session. */
  async function scored(opts: Parameters<typeof scoredEvaluation>[1] = {}): Promise<ScoredEvaluation> {
    const f = await scoredEvaluation(t, opts);
    const ids = [...f.experts, f.outsiderExpertUserId, f.hostUserId, f.purchaserUserId, f.supervisorUserId];
    for (const id of [...ids, ...f.bidders.map((b) => b.userId)]) await as(id);
    return f;
  }
  const url = (f: ScoredEvaluation, path = '') => `/api/lots/${f.lotId}/evaluation${path}`;
  const compute = async (f: ScoredEvaluation, userId = f.leaderUserId) =>
    (await as(userId)).inject({ method: 'POST', url: url(f, '/compute') });
  const stored = async (f: ScoredEvaluation) => {
    const [row] = await t.services.db.select().from(evaluations).where(eq(evaluations.lotId, f.lotId));
    if (!row) throw new Error('no evaluation');
    return { ...row, doc: row.result as unknown as ResultDoc };
  };
  const errorCode = (res: LightMyRequestResponse) => res.json<{ error: { code: string } }>().error.code;
  async function refusedUnchanged(run: () => Promise<LightMyRequestResponse>, status: number, code: string) {
    t.clock.advance(1_000);
    const before = await takeSnapshot(t.services.db);
    const res = await run();
    expect(res.statusCode, res.body).toBe(status);
    expect(errorCode(res)).toBe(code);
    expect(await takeSnapshot(t.services.db)).toEqual(before);
  }
  const ask = async (f: ScoredEvaluation, payload: Record<string, unknown>) =>
    (await as(f.leaderUserId)).inject({ method: 'POST', url: url(f, '/queries'), payload });
  const answer = async (userId: string, queryId: string, payload: Record<string, unknown>) =>
    (await as(userId)).inject({ method: 'POST', url: `/api/evaluation-queries/${queryId}/answer`, payload });

  it('computes a comprehensive-scoring lot from the rows, with the SME deduction in the working; recomputing gives the same bytes', async () => {
    const f = await scored({ scales: ['small', 'large', 'medium', 'micro'], notSubmitted: [4] });
    await refusedUnchanged(() => compute(f), 409, 'EVALUATION_SCORES_INCOMPLETE');
    const [, , , , last] = f.experts;
    // The fifth member submits: the scores are all in.
    await t.services.db
      .insert(evaluationSubmissions)
      .values({ lotId: f.lotId, expertUserId: last ?? '', stage: 'scoring', submittedAt: t.clock.now() });

    await refusedUnchanged(() => compute(f, f.experts[1] ?? ''), 403, 'EVALUATION_LEADER_REQUIRED');
    await refusedUnchanged(() => compute(f, f.outsiderExpertUserId), 404, 'NOT_FOUND');
    await refusedUnchanged(() => compute(f, f.bidders[0]?.userId ?? ''), 404, 'NOT_FOUND');
    await refusedUnchanged(() => compute(f, f.supervisorUserId), 403, 'EVALUATION_ROLE_REQUIRED');

    const res = await compute(f);
    expect(res.statusCode, res.body).toBe(200);
    const first = await stored(f);
    expect(first.state).toBe('computed');
    expect(first.resultHash).toBe(res.json<{ resultHash: string }>().resultHash);
    expect(sm3Hex(canonicalBytes(first.result))).toBe(first.resultHash);
    const doc = first.doc;
    expect(doc.method).toBe('comprehensive-scoring');
    expect(doc.ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(doc.excluded).toEqual([]);
    // Small and micro bidders get the lot's 10% deduction; medium and large none.
    const small = doc.bids.find((b) => b.submissionId === f.bidders[0]?.submissionId);
    expect(small?.sme?.basisPoints).toBe(1000);
    expect(small?.sme?.deductionFen).toBe(11_800_000);
    expect(small?.sme?.explanation.zh).toMatch(/小微企业|扣除/);
    const large = doc.bids.find((b) => b.submissionId === f.bidders[1]?.submissionId);
    expect(large?.sme?.deductionFen).toBe(0);
    const rankedSmall = doc.ranking.find((r) => r.submissionId === f.bidders[0]?.submissionId);
    expect(rankedSmall?.evaluationPriceFen).toBe(106_200_000);
    const working = doc.working.ranking.find((w) => w.bidId === f.bidders[1]?.submissionId);
    expect(working?.priceScore?.working.benchmark).toBeTruthy();
    expect(working?.priceScore?.working.text.zh).toContain('评标基准价');

    // Recompute: same rows → the same canonical bytes and hash.
    t.clock.advance(60_000);
    expect((await compute(f)).statusCode).toBe(200);
    const second = await stored(f);
    expect(Buffer.from(canonicalBytes(second.result)).equals(Buffer.from(canonicalBytes(first.result)))).toBe(true);
    expect(second.resultHash).toBe(first.resultHash);
    expect(second.state).toBe('computed');
    const computedEvents = await t.services.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'evaluation.result_computed'), eq(events.subjectId, f.lotId)));
    expect(computedEvents).toHaveLength(2);

    // The panel: members see it, with the leader's actions; a bidder sees nothing.
    const view = await (await as(f.leaderUserId)).inject({ method: 'GET', url: url(f, '/results') });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json<{ actions: string[] }>().actions).toContain('fix_report');
    const bidderView = await (await as(f.bidders[0]?.userId ?? '')).inject({ method: 'GET', url: url(f, '/results') });
    expect(bidderView.statusCode).toBe(404);
  });

  it('ranks a lowest-evaluated-price lot by the evaluation price at once (nothing to score)', async () => {
    const f = await scored({
      evaluationMethod: 'lowest-evaluated-price',
      pricesFen: [125_000_000, 118_000_000, 130_000_000],
      scales: ['small', 'large', 'large'],
    });
    expect((await compute(f)).statusCode).toBe(200);
    const { doc } = await stored(f);
    expect(doc.method).toBe('lowest-evaluated-price');
    // 1,250,000.00 − 10% = 1,125,000.00 beats 1,180,000.00.
    expect(doc.ranking.map((r) => [r.submissionId, r.evaluationPriceFen, r.total])).toEqual([
      [f.bidders[0]?.submissionId, 112_500_000, null],
      [f.bidders[1]?.submissionId, 118_000_000, null],
      [f.bidders[2]?.submissionId, 130_000_000, null],
    ]);
  });

  it('a confirmed correction changes the price used; a refused one makes the bid invalid', async () => {
    const f = await scored();
    const [b0, b1, b2] = f.bidders;
    if (!b0 || !b1 || !b2) throw new Error('bidders');
    // The detailed price sheet adds up to less than the total read out: the unit prices prevail (第五十九条（四）).
    const lines = [
      { item: '教学计算机', unitPriceFen: 623_456, quantity: 100 },
      { item: '安装调试', unitPriceFen: 1_234_500, quantity: 1 },
    ];
    await refusedUnchanged(
      () => ask(f, { kind: 'arithmetic_correction', submissionId: b1.submissionId }),
      422,
      'EVALUATION_NO_CORRECTION',
    );
    const member = await as(f.experts[2] ?? '');
    await refusedUnchanged(
      () =>
        member.inject({
          method: 'POST',
          url: url(f, '/queries'),
          payload: { kind: 'arithmetic_correction', submissionId: b1.submissionId, lines },
        }),
      403,
      'EVALUATION_LEADER_REQUIRED',
    );
    const opened = await ask(f, { kind: 'arithmetic_correction', submissionId: b1.submissionId, lines });
    expect(opened.statusCode, opened.body).toBe(201);
    const queryId = opened.json<{ id: string }>().id;
    await refusedUnchanged(
      () => ask(f, { kind: 'arithmetic_correction', submissionId: b1.submissionId, lines }),
      409,
      'EVALUATION_QUERY_EXISTS',
    );
    // The bidder is told and sees its question with the working; another bidder sees nothing of it.
    const note = await t.services.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.organisationId, b1.organisationId), eq(notifications.kind, 'evaluation.query_opened')),
      );
    expect(note).toHaveLength(1);
    const mine = await (await as(b1.userId)).inject({ method: 'GET', url: '/api/evaluation-queries/mine' });
    const item = mine.json<{ items: { id: string; request: { correctedFen: number }; actions: string[] }[] }>().items;
    expect(item.map((i) => [i.id, i.request.correctedFen, i.actions])).toEqual([
      [queryId, 63_580_100, ['confirm', 'refuse']],
    ]);
    const theirs = await (await as(b2.userId)).inject({ method: 'GET', url: '/api/evaluation-queries/mine' });
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
    await refusedUnchanged(() => answer(b2.userId, queryId, { action: 'confirm' }), 404, 'NOT_FOUND');
    await refusedUnchanged(
      () => answer(b1.userId, queryId, { action: 'explain', text: '报价合理' }),
      422,
      'EVALUATION_QUERY_KIND',
    );
    const confirmed = await answer(b1.userId, queryId, { action: 'confirm' });
    expect(confirmed.statusCode, confirmed.body).toBe(204);
    await refusedUnchanged(() => answer(b1.userId, queryId, { action: 'refuse' }), 409, 'EVALUATION_QUERY_STATE');

    const refusedQuery = await ask(f, {
      kind: 'arithmetic_correction',
      submissionId: b2.submissionId,
      bodyTotalFen: 1,
      lines,
    });
    expect(refusedQuery.statusCode, refusedQuery.body).toBe(201);
    const refused = await answer(b2.userId, refusedQuery.json<{ id: string }>().id, {
      action: 'refuse',
      reason: '分项报价表填写有误',
    });
    expect(refused.statusCode, refused.body).toBe(204);

    expect((await compute(f)).statusCode).toBe(200);
    const { doc } = await stored(f);
    const used = doc.bids.find((b) => b.submissionId === b1.submissionId);
    expect(used?.bidPriceFen).toBe(63_580_100);
    expect(used?.priceSource.kind).toBe('arithmetic-correction');
    expect(doc.ranking.find((r) => r.submissionId === b1.submissionId)?.bidPriceFen).toBe(63_580_100);
    expect(doc.excluded.map((e) => e.submissionId)).toEqual([b2.submissionId]);
    expect(doc.excluded[0]?.reason.zh).toContain('不确认');
    expect(doc.ranking.map((r) => r.submissionId)).not.toContain(b2.submissionId);
  });

  it('an explanation of an abnormally low price rejected excludes the bid after recompute; the report waits for it', async () => {
    const f = await scored({ pricesFen: [60_000_000, 125_000_000, 132_000_000, 140_000_000] });
    const [low] = f.bidders;
    if (!low) throw new Error('bidders');
    await refusedUnchanged(
      () => ask(f, { kind: 'abnormal_price', submissionId: low.submissionId, question: '请说明报价合理性' }),
      409,
      'EVALUATION_STATE',
    );
    expect((await compute(f)).statusCode).toBe(200);
    const { doc } = await stored(f);
    expect(doc.abnormallyLow.filter((x) => x.flagged).map((x) => x.bidId)).toEqual([low.submissionId]);
    await refusedUnchanged(
      () => ask(f, { kind: 'abnormal_price', submissionId: f.bidders[1]?.submissionId, question: '请说明' }),
      409,
      'EVALUATION_NOT_FLAGGED',
    );
    const opened = await ask(f, {
      kind: 'abnormal_price',
      submissionId: low.submissionId,
      question: '请说明报价合理性',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const queryId = opened.json<{ id: string }>().id;
    const leader = await as(f.leaderUserId);
    await refusedUnchanged(
      () => leader.inject({ method: 'POST', url: url(f, '/report/fix') }),
      409,
      'EVALUATION_QUERIES_OPEN',
    );
    const decide = (decision: string) =>
      leader.inject({
        method: 'POST',
        url: url(f, `/queries/${queryId}/decision`),
        payload: { decision, reason: '说明不足以证明报价合理，可能影响产品质量' },
      });
    await refusedUnchanged(() => decide('rejected'), 409, 'EVALUATION_QUERY_STATE');
    const explained = await answer(low.userId, queryId, {
      action: 'explain',
      text: '我公司为原厂直销，库存设备成本较低。',
    });
    expect(explained.statusCode, explained.body).toBe(204);
    await refusedUnchanged(
      () => leader.inject({ method: 'POST', url: url(f, '/report/fix') }),
      409,
      'EVALUATION_QUERIES_OPEN',
    );
    expect((await decide('rejected')).statusCode).toBe(204);
    await refusedUnchanged(
      () => leader.inject({ method: 'POST', url: url(f, '/report/fix') }),
      409,
      'EVALUATION_RECOMPUTE_NEEDED',
    );
    expect((await compute(f)).statusCode).toBe(200);
    const after = await stored(f);
    expect(after.state).toBe('computed');
    expect(after.doc.excluded.map((e) => e.submissionId)).toEqual([low.submissionId]);
    expect(after.doc.excluded[0]?.reason.zh).toContain('第六十条');
    expect(after.doc.ranking).toHaveLength(3);
  });

  it('a question left unanswered lapses by the job and the bid is out', async () => {
    const f = await scored();
    const [, b1] = f.bidders;
    if (!b1) throw new Error('bidders');
    const opened = await ask(f, {
      kind: 'arithmetic_correction',
      submissionId: b1.submissionId,
      lines: [{ unitPriceFen: 1_200_000_00, quantity: 1 }],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const queryId = opened.json<{ id: string }>().id;
    t.clock.advance(23 * 3_600_000);
    await t.services.jobs.drain();
    const [still] = await t.services.db
      .select()
      .from(evaluationBidderQueries)
      .where(eq(evaluationBidderQueries.id, queryId));
    expect(still?.state).toBe('open');
    t.clock.advance(2 * 3_600_000);
    // A day later the sessions have expired: log in again.
    sessions.clear();
    await as(b1.userId);
    await as(f.leaderUserId);
    await refusedUnchanged(() => answer(b1.userId, queryId, { action: 'confirm' }), 409, 'EVALUATION_QUERY_OVERDUE');
    await t.services.jobs.drain();
    const [lapsed] = await t.services.db
      .select()
      .from(evaluationBidderQueries)
      .where(eq(evaluationBidderQueries.id, queryId));
    expect(lapsed?.state).toBe('lapsed');
    expect((await compute(f)).statusCode).toBe(200);
    const { doc } = await stored(f);
    expect(doc.excluded.map((e) => e.submissionId)).toEqual([b1.submissionId]);
  });

  it('fixes the report; every member signs with their certificate (one with a dissent) → reported, the purchaser is told', async () => {
    const f = await scored();
    expect((await compute(f)).statusCode).toBe(200);
    const leader = await as(f.leaderUserId);
    await refusedUnchanged(
      () => as(f.experts[1] ?? '').then((s) => s.inject({ method: 'POST', url: url(f, '/report/fix') })),
      403,
      'EVALUATION_LEADER_REQUIRED',
    );
    const fixed = await leader.inject({ method: 'POST', url: url(f, '/report/fix') });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const { reportHash } = fixed.json<{ reportHash: string }>();
    const row = await stored(f);
    expect(row.state).toBe('signing');
    expect(sm3Hex(canonicalBytes(row.report))).toBe(reportHash);
    const pdf = await leader.inject({ method: 'GET', url: url(f, '/report.pdf') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The purchaser sees nothing before the report is signed; the host does.
    await refusedUnchanged(
      () => as(f.purchaserUserId).then((s) => s.inject({ method: 'GET', url: url(f, '/report') })),
      404,
      'NOT_FOUND',
    );
    const host = await (await as(f.hostUserId)).inject({ method: 'GET', url: url(f, '/report') });
    expect(host.statusCode, host.body).toBe(200);

    const keys = new Map<string, UserKeys>();
    for (const id of [...f.experts.slice(0, 4), f.outsiderExpertUserId]) {
      keys.set(id, (await issueTestCertificates(t, { userId: id, organisationId: null })).keys);
    }
    // Experts enrol for a certificate as anyone does, in the browser (no organisation needed).
    const lastExpert = f.experts[4] ?? '';
    keys.set(lastExpert, (await enrolAs(await as(lastExpert))).keys);
    const sign = async (userId: string, dissent: string | null = null, hash = reportHash) => {
      const k = keys.get(userId);
      if (!k) throw new Error('no keys');
      const statement = evaluationReportStatement(f.lotId, hash, dissent);
      const signature = await getSuite(k.suite).sign(k.signing.privateKey, canonicalBytes(statement));
      return (await as(userId)).inject({
        method: 'POST',
        url: url(f, '/report/sign'),
        payload: { signature, ...(dissent ? { dissent } : {}) },
      });
    };
    await refusedUnchanged(() => sign(f.outsiderExpertUserId), 404, 'NOT_FOUND');
    await refusedUnchanged(
      () => sign(f.experts[0] ?? '', null, '00'.repeat(32)),
      422,
      'EVALUATION_REPORT_SIGNATURE_INVALID',
    );
    const [e0, e1, e2, e3, e4] = f.experts as [string, string, string, string, string];
    expect((await sign(e0)).json()).toEqual({ reported: false });
    await refusedUnchanged(() => sign(e0), 409, 'EVALUATION_REPORT_ALREADY_SIGNED');
    expect((await sign(e1, '本人认为第二名的技术方案得分偏高。')).statusCode).toBe(200);
    for (const e of [e2, e3]) expect((await sign(e)).json()).toEqual({ reported: false });
    expect((await sign(e4)).json()).toEqual({ reported: true });

    const done = await stored(f);
    expect(done.state).toBe('reported');
    expect(done.reportedAt).not.toBeNull();
    const told = await t.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, f.purchaserUserId), eq(notifications.kind, 'evaluation.reported')));
    expect(told).toHaveLength(1);
    const panel = await (await as(f.purchaserUserId)).inject({ method: 'GET', url: url(f, '/results') });
    expect(panel.json<{ role: string; actions: string[] }>()).toMatchObject({ role: 'purchaser', actions: [] });
    const report = await (await as(f.purchaserUserId)).inject({ method: 'GET', url: url(f, '/report') });
    expect(report.statusCode, report.body).toBe(200);
    const signatures = report.json<{
      signatures: { seat: number; signedAt: string | null; signature: string | null; dissent: string | null }[];
    }>().signatures;
    expect(signatures.every((s) => s.signedAt !== null)).toBe(true);
    expect(signatures[1]?.dissent).toBe('本人认为第二名的技术方案得分偏高。');
    // The PDF is now the signed one: the report, then every member's signature and the dissent under its hash.
    const signedPdf = await (await as(f.purchaserUserId)).inject({ method: 'GET', url: url(f, '/report.pdf') });
    expect(signedPdf.statusCode).toBe(200);
    expect(signedPdf.rawPayload.equals(pdf.rawPayload)).toBe(false);
    const text = pdfText(signedPdf.rawPayload);
    for (const expected of [reportHash, '席位1签署', '席位5签署', '本人认为第二名的技术方案得分偏高。', '无不同意见']) {
      expect(text).toContain(expected);
    }
    for (const sig of signatures) expect(text).toContain(sig.signature ?? 'missing');
    await refusedUnchanged(() => sign(e0), 409, 'EVALUATION_STATE');
  });
});
