import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  awardLetters,
  evaluations,
  jobs,
  notices,
  notifications,
  transactionCertificates,
  users,
} from '../src/db/schema';
import { expertNamesPublic } from '../src/modules/expert-draws/names-public';
import { awardRow, post, sessionOf } from './support/award';
import { takeSnapshot } from './support/db-snapshot';
import { reportedEvaluation } from './support/reported-evaluation';
import { createTestApp, makeUser, type TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('award: confirmation, result notice, letters and certificate (C13)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reported → confirmed → published: one notice on the portal, a letter per bidder, one certificate, names public', async () => {
    const f = await reportedEvaluation(t, { excludeLast: true });
    const purchaser = await sessionOf(t, f.purchaserUserId);
    const host = await sessionOf(t, f.hostUserId);
    expect(await expertNamesPublic(t.services.db, f.lotId)).toBe(false);

    const before = await purchaser.inject({ method: 'GET', url: `/api/lots/${f.lotId}/award` });
    expect(before.statusCode, before.body).toBe(200);
    const view = before.json<{ state: string; ranking: { submissionId: string }[]; abilities: { confirm: boolean } }>();
    expect(view.state).toBe('reported');
    expect(view.ranking).toHaveLength(3);
    expect(view.abilities.confirm).toBe(true);

    const confirmed = await purchaser.inject(post(`/api/lots/${f.lotId}/award/confirm`));
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const winner = f.outcome.ranking[0];
    if (!winner) throw new Error('no winner');
    expect(confirmed.json<{ winner: { organisationId: string } }>().winner.organisationId).toBe(winner.organisationId);
    const [evaluation] = await t.services.db.select().from(evaluations).where(eq(evaluations.lotId, f.lotId));
    expect(evaluation?.state).toBe('confirmed');

    const preview = await host.inject({ method: 'GET', url: `/api/lots/${f.lotId}/award` });
    const previewBody = preview.json<{ noticePreview: { body: string } | null; abilities: { publish: boolean } }>();
    expect(previewBody.abilities.publish).toBe(true);
    expect(previewBody.noticePreview?.body).toContain('壹佰壹拾捌万元整');

    const published = await host.inject(post(`/api/lots/${f.lotId}/award/publish`));
    expect(published.statusCode, published.body).toBe(200);
    const result = published.json<{ state: string; certificateNumber: string; resultNoticeId: string }>();
    expect(result.state).toBe('published');

    const certs = await t.services.db
      .select()
      .from(transactionCertificates)
      .where(eq(transactionCertificates.lotId, f.lotId));
    expect(certs).toHaveLength(1);
    expect(certs[0]?.winnerOrganisationId).toBe(winner.organisationId);
    expect(certs[0]?.number).toBe(result.certificateNumber);

    const letters = await t.services.db.select().from(awardLetters).where(eq(awardLetters.lotId, f.lotId));
    expect(letters).toHaveLength(f.bidders.length);
    expect(letters.filter((l) => l.kind === 'award').map((l) => l.organisationId)).toEqual([winner.organisationId]);
    const excluded = letters.find((l) => l.exclusionReason !== null);
    expect(excluded?.body).toContain('缺少有效的营业执照');
    // Each letter speaks of its own bidder's standing only: no other bidder's score.
    const second = letters.find((l) => l.rank === 2);
    expect(second?.body).toContain('86.50');
    expect(second?.body).not.toContain('83.00');

    const portal = await t.app.inject({ method: 'GET', url: `/api/notices/${result.resultNoticeId}` });
    expect(portal.statusCode, portal.body).toBe(200);
    // The documents' window closed long before the result: the notice no longer offers them.
    expect(portal.json<{ documentsObtainable: boolean }>().documentsObtainable).toBe(false);
    const [notice] = await t.services.db.select().from(notices).where(eq(notices.id, result.resultNoticeId));
    expect(notice?.kind).toBe('result');
    expect(notice?.body).toContain('评审专家名单');
    expect(notice?.body).toContain('测试 expert');
    expect(await expertNamesPublic(t.services.db, f.lotId)).toBe(true);
    const listed = await t.app.inject({ method: 'GET', url: '/api/notices?kind=result&limit=100' });
    expect(listed.json<{ items: { id: string }[] }>().items.map((n) => n.id)).toContain(result.resultNoticeId);
    // The host's view of the committee now names the experts (ADR 0019's seam).
    const committee = await host.inject({ method: 'GET', url: `/api/expert-draws/lots/${f.lotId}` });
    const seats = committee.json<{ seats: { status: string; expert: { name: string } | null }[] }>().seats;
    expect(seats.filter((x) => x.status === 'confirmed').every((x) => x.expert?.name)).toBe(true);

    // The bidders' letters: the winner's links its certificate; another bidder sees only its own.
    const winnerUser = f.bidders.find((b) => b.organisationId === winner.organisationId);
    const winnerSession = await sessionOf(t, winnerUser?.userId ?? '');
    const mine = await winnerSession.inject({ method: 'GET', url: '/api/award-letters' });
    const items = mine.json<{ items: { kind: string; certificateNumber: string | null }[] }>().items;
    expect(items).toEqual([expect.objectContaining({ kind: 'award', certificateNumber: result.certificateNumber })]);
    const notified = await t.services.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.organisationId, winner.organisationId), eq(notifications.kind, 'award.letter_award')),
      );
    expect(notified).toHaveLength(1);

    // Publishing twice: a clear error, nothing changes.
    t.clock.advance(1_000);
    const snap = await takeSnapshot(t.services.db);
    const again = await host.inject(post(`/api/lots/${f.lotId}/award/publish`));
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('AWARD_ALREADY_PUBLISHED');
    expect(await takeSnapshot(t.services.db)).toEqual(snap);
  });

  it('refuses a second confirmation and a confirmation after the period, changing nothing', async () => {
    const f = await reportedEvaluation(t);
    const purchaser = await sessionOf(t, f.purchaserUserId);
    expect((await purchaser.inject(post(`/api/lots/${f.lotId}/award/confirm`))).statusCode).toBe(200);
    t.clock.advance(1_000);
    let snap = await takeSnapshot(t.services.db);
    const twice = await purchaser.inject(post(`/api/lots/${f.lotId}/award/confirm`));
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('AWARD_ALREADY_CONFIRMED');
    expect(await takeSnapshot(t.services.db)).toEqual(snap);

    const late = await reportedEvaluation(t);
    const award = await awardRow(t, late.lotId);
    // Over the working days of the period (weekend included): just past its end.
    t.clock.set(new Date(award.confirmBy.getTime() + 1_000));
    const lateSession = await sessionOf(t, late.purchaserUserId);
    const supervisor = await sessionOf(t, late.supervisorUserId);
    t.clock.advance(1_000);
    snap = await takeSnapshot(t.services.db);
    const overdue = await lateSession.inject(post(`/api/lots/${late.lotId}/award/confirm`));
    expect(overdue.statusCode).toBe(409);
    const error = overdue.json<{ error: { code: string; message: { zh: string; en: string } } }>().error;
    expect(error.code).toBe('AWARD_CONFIRMATION_OVERDUE');
    expect(error.message.zh).toContain('确认期限');
    expect(await takeSnapshot(t.services.db)).toEqual(snap);

    // The supervisor records an extension with its reason; then the purchaser may confirm.
    const extended = await supervisor.inject(
      post(`/api/lots/${late.lotId}/award/extend`, { workingDays: 3, reason: '采购人负责人出差，经批准延期' }),
    );
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json<{ extension: { reason: string } | null }>().extension?.reason).toContain('出差');
    expect((await lateSession.inject(post(`/api/lots/${late.lotId}/award/confirm`))).statusCode).toBe(200);
  });

  it('with a tie for first, the purchaser must pick a tied bid and give the tie-break reason', async () => {
    const f = await reportedEvaluation(t, { tieForFirst: true });
    const purchaser = await sessionOf(t, f.purchaserUserId);
    const url = `/api/lots/${f.lotId}/award/confirm`;
    const [a, b, c] = f.outcome.ranking;
    if (!a || !b || !c) throw new Error('ranking');
    const code = async (body: Record<string, unknown>) =>
      (await purchaser.inject(post(url, body))).json<{ error?: { code: string } }>().error?.code;
    expect(await code({})).toBe('AWARD_TIE_CHOICE_REQUIRED');
    expect(await code({ submissionId: c.submissionId, tieBreakReason: '价格低者优先' })).toBe('AWARD_NOT_FIRST_RANKED');
    expect(await code({ submissionId: b.submissionId })).toBe('AWARD_TIE_REASON_REQUIRED');
    const ok = await purchaser.inject(post(url, { submissionId: b.submissionId, tieBreakReason: '技术得分高者优先' }));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ winner: { submissionId: string }; tieBreakReason: string }>()).toMatchObject({
      winner: { submissionId: b.submissionId },
      tieBreakReason: '技术得分高者优先',
    });
  });

  it('only the purchaser confirms: the agency host gets 403, another purchaser and a bidder 404', async () => {
    const f = await reportedEvaluation(t);
    const url = `/api/lots/${f.lotId}/award/confirm`;
    const host = await sessionOf(t, f.hostUserId);
    const stranger = await sessionOf(t, (await makeUser(t, 'purchaser')).id);
    const bidder = await sessionOf(t, f.bidders[0]?.userId ?? '');
    t.clock.advance(1_000);
    const snap = await takeSnapshot(t.services.db);
    expect((await host.inject(post(url))).statusCode).toBe(403);
    expect((await stranger.inject(post(url))).statusCode).toBe(404);
    expect((await bidder.inject({ method: 'GET', url: `/api/lots/${f.lotId}/award` })).statusCode).toBe(404);
    expect(await takeSnapshot(t.services.db)).toEqual(snap);
  });

  it('the jobs fire: a reminder one working day before the end, then the overdue flag to the supervisors', async () => {
    const f = await reportedEvaluation(t);
    const award = await awardRow(t, f.lotId);
    const scheduled = await t.services.db.select().from(jobs).where(eq(jobs.status, 'pending'));
    const mine = scheduled.filter(
      (j) => j.kind.startsWith('award.') && (j.payload as { lotId?: string }).lotId === f.lotId,
    );
    expect(mine.map((j) => j.kind).sort()).toEqual(['award.confirm_overdue', 'award.confirm_reminder']);
    const reminder = mine.find((j) => j.kind === 'award.confirm_reminder');
    expect(reminder?.runAt.getTime()).toBe(award.confirmBy.getTime() - DAY);

    const kinds = async () =>
      (
        await t.services.db
          .select({ kind: notifications.kind, org: notifications.organisationId })
          .from(notifications)
          .where(eq(notifications.link, `/workspace/lots/${f.lotId}/award`))
      ).map((n) => n.kind);
    t.clock.set(new Date(award.confirmBy.getTime() - DAY + 1_000));
    await t.services.jobs.drain();
    expect(await kinds()).toContain('award.confirm_reminder');
    expect((await awardRow(t, f.lotId)).confirmOverdueAt).toBeNull();

    t.clock.set(new Date(award.confirmBy.getTime() + 1_000));
    await t.services.jobs.drain();
    expect((await awardRow(t, f.lotId)).confirmOverdueAt).not.toBeNull();
    const [supervisor] = await t.services.db.select().from(users).where(eq(users.id, f.supervisorUserId));
    const toSupervisor = await t.services.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.organisationId, supervisor?.organisationId ?? ''),
          eq(notifications.kind, 'award.confirm_overdue'),
          eq(notifications.link, `/workspace/lots/${f.lotId}/award`),
        ),
      );
    expect(toSupervisor).toHaveLength(1);
    const supervisorView = await (
      await sessionOf(t, f.supervisorUserId)
    ).inject({ method: 'GET', url: `/api/lots/${f.lotId}/award` });
    expect(supervisorView.json<{ confirmOverdue: boolean; abilities: { extend: boolean } }>()).toMatchObject({
      confirmOverdue: true,
      abilities: { extend: true },
    });
  });
});
