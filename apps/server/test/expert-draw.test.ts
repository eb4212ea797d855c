import {
  drawFromSnapshot,
  parsePoolSnapshot,
  verifyDraw,
  type DrawnCommittee,
  type ExpertDrawRequest,
  type PoolSnapshot,
} from '@zhengcai/domain';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, expertConflicts, expertDraws, notifications, openingHalls } from '../src/db/schema';
import { errorSchema } from '../src/platform/http/responses';
import { takeSnapshot } from './support/db-snapshot';
import { bidderOn, expertsIn, freshRegion, hostedTender, makeExpert } from './support/expert-draws';
import { createTestApp, logIn, sessionAs, type Session, type TestApp } from './support/test-app';

interface Seat {
  id: string;
  seat: number | null;
  role: 'member' | 'reserve';
  position: number;
  status: string;
  steppedIn: boolean;
  declineReason: string | null;
  expert: { userId: string; name: string } | null;
}
interface Committee {
  viewAs: 'host' | 'oversight';
  draws: { id: string; state: string; seedCommitment: string; poolSnapshotHash: string; supplementOf: string | null }[];
  progress: { seats: number; confirmed: number; vacantSeats: number[]; reservesLeft: number; status: string } | null;
  seats: Seat[];
  abilities: { request: boolean; drawId: string | null; supplementary: boolean; verify: boolean };
}
interface Verification {
  seed: string | null;
  draw: { seedCommitment: string; poolSnapshotHash: string };
  request: ExpertDrawRequest;
  poolSnapshot: unknown;
  committee: DrawnCommittee | null;
  verification: { ok: boolean; mismatches: { code: string }[] } | null;
}

const json = <T>(res: LightMyRequestResponse): T => res.json<T>();

function expectError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const { error } = errorSchema.parse(res.json());
  expect(error.code).toBe(code);
  expect(error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(error.message.en).not.toBe(error.message.zh);
  if (field) expect(error.fields?.map((f) => f.field)).toContain(field);
  return error;
}

describe('the expert draw: request, draw, confirmation, verification (C11)', () => {
  let t: TestApp;
  let supervisor: Session;
  let centre: Session;

  beforeAll(async () => {
    t = await createTestApp({
      LOGIN_RATE_PER_MINUTE: '10000',
      EXPERT_CONFIRM_MINUTES: '120',
      // The deadline test moves the clock by hours: sessions opened before must outlive it.
      SESSION_IDLE_MINUTES: '100000',
      SESSION_MAX_MINUTES: '100000',
    });
    supervisor = await sessionAs(t, 'supervisor');
    centre = await sessionAs(t, 'centre');
  });
  afterAll(() => t.close());

  /** A tender hosted by an agency, `count` eligible experts of a fresh region, a bidder employing one more expert. */
  async function scenario(count = 8) {
    const tender = await hostedTender(t);
    const host = await logIn(t.app, tender.host.login);
    const { region, experts } = await expertsIn(t, count);
    const bidder = await bidderOn(t, tender.lot.id);
    const employee = await makeExpert(t, { region, employerName: bidder.name, employerUscc: bidder.uscc });
    const sessions = new Map<string, Session>();
    const as = async (userId: string) => {
      const user = [...experts, employee].find((e) => e.id === userId);
      if (!user) throw new Error(`not an expert of the scenario: ${userId}`);
      let session = sessions.get(userId);
      if (!session) {
        session = await logIn(t.app, user.login);
        sessions.set(userId, session);
      }
      return session;
    };
    return { ...tender, host, region, experts, bidder, employee, as };
  }
  type Scenario = Awaited<ReturnType<typeof scenario>>;

  const request = (sc: Scenario, body: Record<string, unknown> = {}) =>
    sc.host.inject({
      method: 'POST',
      url: '/api/expert-draws',
      payload: { lotId: sc.lot.id, includeRegions: [sc.region], ...body },
    });
  const view = async (as: Session, lotId: string) => {
    const res = await as.inject({ method: 'GET', url: `/api/expert-draws/lots/${lotId}` });
    expect(res.statusCode, res.body).toBe(200);
    return json<Committee>(res);
  };
  const drawn = async (sc: Scenario, body: Record<string, unknown> = {}) => {
    const requested = await request(sc, body);
    expect(requested.statusCode, requested.body).toBe(201);
    const drawId = json<Committee>(requested).abilities.drawId ?? '';
    const res = await sc.host.inject({ method: 'POST', url: `/api/expert-draws/${drawId}/draw` });
    expect(res.statusCode, res.body).toBe(200);
    return { drawId, committee: await view(supervisor, sc.lot.id) };
  };
  const verification = async (drawId: string, as = supervisor) => {
    const res = await as.inject({ method: 'GET', url: `/api/expert-draws/${drawId}/verification` });
    expect(res.statusCode, res.body).toBe(200);
    return json<Verification>(res);
  };
  const invitationsOf = async (session: Session) =>
    json<{ items: { id: string; status: string; seat: number | null }[] }>(
      await session.inject({ method: 'GET', url: '/api/expert-invitations' }),
    ).items;
  const answer = (session: Session, seatId: string, decision: 'confirm' | 'decline', reason?: string) =>
    session.inject({
      method: 'POST',
      url: `/api/expert-invitations/${seatId}/${decision}`,
      ...(decision === 'decline' ? { payload: { reason: reason ?? '当日另有评审任务' } } : {}),
    });
  const members = (c: Committee) => c.seats.filter((s) => s.status === 'invited' || s.status === 'confirmed');

  it('runs end to end: the commitment is on the record first, the draw invites five, all confirm', async () => {
    const sc = await scenario();
    const requested = await request(sc);
    expect(requested.statusCode, requested.body).toBe(201);
    const afterRequest = json<Committee>(requested);
    expect(afterRequest.viewAs).toBe('host');
    expect(afterRequest.draws).toHaveLength(1);
    const [draw] = afterRequest.draws;
    expect(draw?.state).toBe('committed');
    const [stored] = await t.services.db
      .select()
      .from(expertDraws)
      .where(eq(expertDraws.id, draw?.id ?? ''));
    expect(stored?.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(requested.body).not.toContain(stored?.seed);
    // Before the draw: the commitment and snapshot hash are in the ledger, the host sees them, the seed is nowhere.
    const [requestedEvent] = await t.services.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'expert_draw.requested'), eq(events.subjectId, sc.lot.id)));
    expect(requestedEvent?.payload).toMatchObject({
      seedCommitment: draw?.seedCommitment,
      poolSnapshotHash: draw?.poolSnapshotHash,
      members: 5,
      reserves: 2,
      eligible: 8,
    });
    expect(requestedEvent?.audience).toBe('organisation');
    expect(requestedEvent?.audienceOrganisationId).toBe(sc.agencyOrganisationId);
    const ledger = await t.services.db.select({ payload: events.payload }).from(events);
    expect(JSON.stringify(ledger)).not.toContain(stored?.seed);
    const before = await verification(draw?.id ?? '');
    expect(before.seed).toBeNull();
    expect(before.verification).toBeNull();
    expect(afterRequest.abilities).toMatchObject({ request: false, drawId: draw?.id, supplementary: false });
    // No seats before the draw: nothing is "empty" yet.
    expect(afterRequest.progress).toBeNull();

    const res = await sc.host.inject({ method: 'POST', url: `/api/expert-draws/${draw?.id ?? ''}/draw` });
    expect(res.statusCode, res.body).toBe(200);
    const hostView = json<Committee>(res);
    // The host sees five seats and their status, never who sits in them.
    expect(hostView.seats.map((s) => [s.seat, s.status, s.expert])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [n, 'invited', null]),
    );
    expect(res.body).not.toMatch(new RegExp(sc.experts.map((e) => e.id).join('|')));
    const oversight = await view(supervisor, sc.lot.id);
    expect(oversight.seats.filter((s) => s.role === 'reserve' && s.status === 'standby')).toHaveLength(2);
    const drawnEvent = (await t.services.db.select().from(events).where(eq(events.type, 'expert_draw.drawn'))).find(
      (e) => e.subjectId === sc.lot.id,
    );
    expect(drawnEvent?.seq).toBeGreaterThan(requestedEvent?.seq ?? Infinity);
    expect(JSON.stringify(drawnEvent?.payload)).not.toMatch(new RegExp(sc.experts.map((e) => e.id).join('|')));

    // Each member is told in-app and answers in their workspace; the committee is complete after the fifth.
    for (const seat of members(oversight)) {
      const userId = seat.expert?.userId ?? '';
      const [notice] = await t.services.db.select().from(notifications).where(eq(notifications.userId, userId));
      expect(notice?.kind).toBe('expert_draw.invited');
      const session = await sc.as(userId);
      const mine = await invitationsOf(session);
      expect(mine.map((i) => i.id)).toEqual([seat.id]);
      const confirmed = await answer(session, seat.id, 'confirm');
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    }
    const done = await view(sc.host, sc.lot.id);
    expect(done.progress).toMatchObject({ seats: 5, confirmed: 5, status: 'complete' });
    const hostNotices = await t.services.db
      .select()
      .from(notifications)
      .where(eq(notifications.organisationId, sc.agencyOrganisationId ?? ''));
    expect(hostNotices.map((n) => n.kind)).toContain('expert_draw.committee_complete');
  });

  it('never draws an expert employed by a bidder, and says why in the snapshot', async () => {
    const sc = await scenario(7);
    const { drawId, committee } = await drawn(sc);
    const everyone = committee.seats.map((s) => s.expert?.userId);
    expect(everyone).toHaveLength(7);
    expect(everyone).not.toContain(sc.employee.id);
    const snapshot = parsePoolSnapshot((await verification(drawId)).poolSnapshot);
    if (!snapshot.ok) throw new Error(snapshot.problems.join('; '));
    const entry = snapshot.snapshot.experts.find((e) => e.id === sc.employee.id);
    expect(entry).toMatchObject({ eligible: false, excludedFor: ['EMPLOYER_IS_BIDDER'] });
  });

  it('re-running a past draw from its seed gives the same committee; one expert changed in the snapshot is caught', async () => {
    const sc = await scenario();
    const { drawId, committee } = await drawn(sc);
    const material = await verification(drawId);
    expect(material.verification).toEqual({ ok: true, mismatches: [] });
    expect(material.seed).toMatch(/^[0-9a-f]{64}$/);
    const parsed = parsePoolSnapshot(JSON.parse(JSON.stringify(material.poolSnapshot)));
    if (!parsed.ok || !material.seed || !material.committee) throw new Error('incomplete material');
    const rerun = drawFromSnapshot(material.seed, parsed.snapshot);
    expect(rerun.ok && rerun.committee).toEqual(material.committee);
    expect(material.committee.members).toEqual(
      members(committee)
        .sort((a, b) => (a.seat ?? 0) - (b.seat ?? 0))
        .map((s) => s.expert?.userId),
    );

    const check = (snapshot: PoolSnapshot) =>
      verifyDraw({
        seed: material.seed ?? '',
        commitment: material.draw.seedCommitment,
        snapshot,
        poolSnapshotHash: material.draw.poolSnapshotHash,
        request: material.request,
        claimedCommittee: material.committee ?? { members: [], reserves: [] },
      });
    expect(check(parsed.snapshot).ok).toBe(true);
    // One expert removed from the pool: the hash no longer matches.
    const removed = { ...parsed.snapshot, experts: parsed.snapshot.experts.filter((e) => e.id !== sc.employee.id) };
    const removedResult = check(removed);
    expect(removedResult.ok).toBe(false);
    if (!removedResult.ok) expect(removedResult.mismatches.map((m) => m.code)).toContain('SNAPSHOT_HASH_MISMATCH');
    // One expert's employer changed: the hash does not match either.
    const changed = {
      ...parsed.snapshot,
      experts: parsed.snapshot.experts.map((e) =>
        e.id === sc.employee.id ? { ...e, employer: { name: '另一家单位', uscc: null } } : e,
      ),
    };
    const changedResult = check(changed);
    expect(changedResult.ok).toBe(false);
    if (!changedResult.ok) expect(changedResult.mismatches.map((m) => m.code)).toContain('SNAPSHOT_HASH_MISMATCH');
    // Another seed: not the committed one.
    const forged = verifyDraw({
      seed: 'ab'.repeat(32),
      commitment: material.draw.seedCommitment,
      snapshot: parsed.snapshot,
      poolSnapshotHash: material.draw.poolSnapshotHash,
      request: material.request,
      claimedCommittee: material.committee,
    });
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect(forged.mismatches.map((m) => m.code)).toContain('COMMITMENT_MISMATCH');
  });

  it('a decline brings in the first reserve at the same seat, who is invited in turn', async () => {
    const sc = await scenario();
    const { committee } = await drawn(sc);
    const seat2 = committee.seats.find((s) => s.seat === 2);
    const firstReserve = committee.seats.find((s) => s.role === 'reserve' && s.position === 1);
    const declined = await answer(await sc.as(seat2?.expert?.userId ?? ''), seat2?.id ?? '', 'decline', '本人近期出差');
    expect(declined.statusCode, declined.body).toBe(200);
    expect(json<{ status: string }>(declined).status).toBe('declined');

    const after = await view(supervisor, sc.lot.id);
    const holder = after.seats.find((s) => s.seat === 2 && s.status === 'invited');
    expect(holder?.expert?.userId).toBe(firstReserve?.expert?.userId);
    expect(holder?.steppedIn).toBe(true);
    expect(after.seats.find((s) => s.id === seat2?.id)?.declineReason).toBe('本人近期出差');
    expect(after.progress).toMatchObject({ reservesLeft: 1, vacantSeats: [] });
    // The reserve now sees the invitation; the host sees seat 2 declined and re-offered, without names or reasons.
    expect(await invitationsOf(await sc.as(firstReserve?.expert?.userId ?? ''))).toHaveLength(1);
    const hostView = await view(sc.host, sc.lot.id);
    expect(hostView.seats.filter((s) => s.seat === 2).map((s) => [s.status, s.steppedIn, s.declineReason])).toEqual([
      ['declined', false, null],
      ['invited', true, null],
    ]);
  });

  it('silence past the confirmation deadline counts as declining: a job calls the next reserve', async () => {
    const sc = await scenario();
    await drawn(sc);
    t.clock.advance(121 * 60_000);
    await t.services.jobs.drain();
    const after = await view(supervisor, sc.lot.id);
    expect(after.seats.filter((s) => s.status === 'timed_out')).toHaveLength(5);
    // Two reserves stepped in (they have their own deadline); three seats wait for a supplementary draw.
    expect(after.progress).toMatchObject({ reservesLeft: 0, vacantSeats: [3, 4, 5], status: 'vacant' });
    expect(after.seats.filter((s) => s.status === 'invited').map((s) => s.seat)).toEqual([1, 2]);
    t.clock.advance(121 * 60_000);
    await t.services.jobs.drain();
    expect((await view(supervisor, sc.lot.id)).progress?.vacantSeats).toEqual([1, 2, 3, 4, 5]);
  });

  it('reserves exhausted: the host runs a supplementary draw with a fresh seed, everyone drawn before excluded', async () => {
    const sc = await scenario(8);
    const { drawId, committee } = await drawn(sc, { reserves: 0 });
    const seat4 = committee.seats.find((s) => s.seat === 4);
    await answer(await sc.as(seat4?.expert?.userId ?? ''), seat4?.id ?? '', 'decline', '与投标人有业务往来');
    const vacant = await view(sc.host, sc.lot.id);
    expect(vacant.progress).toMatchObject({ vacantSeats: [4], status: 'vacant' });
    expect(vacant.abilities.supplementary).toBe(true);
    const hostNotices = await t.services.db
      .select()
      .from(notifications)
      .where(eq(notifications.organisationId, sc.agencyOrganisationId ?? ''));
    expect(hostNotices.map((n) => n.kind)).toContain('expert_draw.seat_vacant');

    const supplementary = await sc.host.inject({
      method: 'POST',
      url: `/api/expert-draws/${drawId}/supplementary`,
      payload: { reserves: 1 },
    });
    expect(supplementary.statusCode, supplementary.body).toBe(201);
    const committed = json<Committee>(supplementary);
    const second = committed.draws.find((d) => d.supplementOf === drawId);
    expect(second?.state).toBe('committed');
    const firstDraw = committed.draws.find((d) => d.id === drawId);
    expect(second?.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    expect(second?.seedCommitment).not.toBe(firstDraw?.seedCommitment);
    // A second one while this one waits is refused.
    expectError(
      await sc.host.inject({ method: 'POST', url: `/api/expert-draws/${drawId}/supplementary`, payload: {} }),
      409,
      'SUPPLEMENTARY_DRAW_PENDING',
    );
    const ran = await sc.host.inject({ method: 'POST', url: `/api/expert-draws/${second?.id ?? ''}/draw` });
    expect(ran.statusCode, ran.body).toBe(200);
    const after = await view(supervisor, sc.lot.id);
    const newcomer = after.seats.find((s) => s.seat === 4 && s.status === 'invited');
    const before = new Set(committee.seats.map((s) => s.expert?.userId));
    expect(before.has(newcomer?.expert?.userId)).toBe(false);
    expect(after.progress).toMatchObject({ vacantSeats: [], reservesLeft: 1, status: 'confirming' });
    const material = await verification(second?.id ?? '');
    expect(material.verification?.ok).toBe(true);
    expect(material.request.members).toBe(1);
    expect([...material.request.previouslyDrawn].sort()).toEqual([...before].sort());
  });

  it('the recent-draw rule: an expert called to another project’s committee is not drawn within 30 days', async () => {
    const region = freshRegion();
    const first = await scenario(0);
    await expertsIn(t, 7, region);
    const a = await drawn({ ...first, region });
    const called = members(a.committee).map((s) => s.expert?.userId ?? '');
    const second = await scenario(0);
    await expertsIn(t, 5, region);
    const b = await drawn({ ...second, region }, { reserves: 0 });
    const snapshot = parsePoolSnapshot((await verification(b.drawId)).poolSnapshot);
    if (!snapshot.ok) throw new Error('bad snapshot');
    for (const id of called) {
      expect(snapshot.snapshot.experts.find((e) => e.id === id)?.excludedFor).toContain('RECENTLY_DRAWN');
    }
    expect(members(b.committee).map((s) => s.expert?.userId)).not.toContain(called[0]);
  });

  it('keeps the committee confidential: bidders, the purchaser and other experts get 404; the host no names', async () => {
    const sc = await scenario();
    const { drawId, committee } = await drawn(sc);
    const bidder = await sessionAs(t, 'supplier', { organisationId: sc.bidder.id });
    const purchaser = await sessionAs(t, 'purchaser', { organisationId: sc.purchaserOrganisationId });
    const outsider = await logIn(t.app, sc.employee.login);
    const otherAgency = await sessionAs(t, 'agency');
    const admin = await sessionAs(t, 'admin');
    for (const who of [bidder, purchaser, outsider, otherAgency, admin]) {
      expectError(await who.inject({ method: 'GET', url: `/api/expert-draws/lots/${sc.lot.id}` }), 404, 'NOT_FOUND');
    }
    for (const who of [bidder, purchaser, sc.host, admin]) {
      const res = await who.inject({ method: 'GET', url: `/api/expert-draws/${drawId}/verification` });
      expect(res.statusCode).toBe(403);
    }
    // An expert sees only their own seat; someone else's is "not found" and stays as it was.
    const seat = members(committee)[0];
    expect(await invitationsOf(outsider)).toEqual([]);
    expectError(await answer(outsider, seat?.id ?? '', 'confirm'), 404, 'NOT_FOUND');
    // The centre sees names like the supervisor; the host sees none anywhere in its view.
    const centreView = await view(centre, sc.lot.id);
    expect(centreView.seats.every((s) => s.expert !== null)).toBe(true);
    const hostBody = (await sc.host.inject({ method: 'GET', url: `/api/expert-draws/lots/${sc.lot.id}` })).body;
    for (const e of [...sc.experts, sc.employee]) {
      expect(hostBody).not.toContain(e.id);
      expect(hostBody).not.toContain(e.displayName);
    }
    // The events that name experts are for oversight only.
    const named = await t.services.db.select().from(events).where(eq(events.subjectId, sc.lot.id));
    for (const e of named) {
      const names = sc.experts.some((x) => JSON.stringify(e.payload).includes(x.id));
      if (names) expect(e.audience).toBe('oversight');
    }
  });

  describe('bad input and wrong callers: a clear bilingual error, nothing changes', () => {
    const unchanged = async (call: () => Promise<LightMyRequestResponse>) => {
      t.clock.advance(1_000);
      const before = await takeSnapshot(t.services.db);
      const res = await call();
      expect(await takeSnapshot(t.services.db)).toEqual(before);
      return res;
    };

    it('refuses a committee of fewer than five or an even number, naming the members field', async () => {
      const sc = await scenario();
      const small = expectError(
        await unchanged(() => request(sc, { members: 3 })),
        400,
        'VALIDATION_FAILED',
        'body.members',
      );
      expect(small.fields?.[0]?.reason.zh).toContain('5人以上单数');
      const even = expectError(
        await unchanged(() => request(sc, { members: 6 })),
        400,
        'VALIDATION_FAILED',
        'body.members',
      );
      expect(even.fields?.map((f) => f.ruleId)).toContain('COMMITTEE_SIZE_EVEN');
      expectError(
        await unchanged(() => request(sc, { members: 3, purchaserRepresentatives: 2 })),
        400,
        'VALIDATION_FAILED',
        'body.purchaserRepresentatives',
      );
      // Four drawn experts and one purchaser's representative make a lawful committee of five.
      expect((await request(sc, { members: 4, purchaserRepresentatives: 1, reserves: 1 })).statusCode).toBe(201);
    });

    it('refuses an unknown lot, a caller who is not the host, and a second request', async () => {
      const sc = await scenario();
      expectError(
        await unchanged(() =>
          sc.host.inject({
            method: 'POST',
            url: '/api/expert-draws',
            payload: { lotId: '7d2c5a0e-3b1f-4c8e-9a6d-2f4b8c1e0a93' },
          }),
        ),
        404,
        'NOT_FOUND',
      );
      const otherAgency = await sessionAs(t, 'agency');
      const purchaser = await sessionAs(t, 'purchaser', { organisationId: sc.purchaserOrganisationId });
      for (const who of [otherAgency, purchaser]) {
        expectError(
          await unchanged(() =>
            who.inject({ method: 'POST', url: '/api/expert-draws', payload: { lotId: sc.lot.id } }),
          ),
          403,
          'EXPERT_DRAW_HOST_ONLY',
        );
      }
      expect((await request(sc)).statusCode).toBe(201);
      expectError(await unchanged(() => request(sc)), 409, 'EXPERT_DRAW_EXISTS');
    });

    it('too few eligible experts: 422 with the counts per reason, and nothing recorded', async () => {
      const sc = await scenario(4);
      const error = expectError(await unchanged(() => request(sc)), 422, 'NOT_ENOUGH_ELIGIBLE_EXPERTS');
      expect(error.message.zh).toContain('符合条件的专家仅4人，需要7人');
      expect(error.message.zh).toContain('任职于投标人1人');
      expect(error.message.en).toContain('works for a bidder 1');
    });

    it('a lot that failed at the opening (流标) cannot be drawn', async () => {
      const sc = await scenario();
      await t.services.db.insert(openingHalls).values({
        lotId: sc.lot.id,
        projectId: sc.project.id,
        state: 'published',
        openedAt: t.clock.now(),
        closedAt: t.clock.now(),
        outcome: 'failed',
      });
      const error = expectError(await unchanged(() => request(sc)), 409, 'EXPERT_DRAW_LOT_UNAVAILABLE');
      expect(error.message.zh).toContain('流标');
    });

    it('refuses drawing twice, a second confirmation, and a decline after confirming', async () => {
      const sc = await scenario();
      const { drawId, committee } = await drawn(sc);
      expectError(
        await unchanged(() => sc.host.inject({ method: 'POST', url: `/api/expert-draws/${drawId}/draw` })),
        409,
        'EXPERT_DRAW_STATE',
      );
      const seat = members(committee)[0];
      const session = await sc.as(seat?.expert?.userId ?? '');
      expect((await answer(session, seat?.id ?? '', 'confirm')).statusCode).toBe(200);
      expectError(await unchanged(() => answer(session, seat?.id ?? '', 'confirm')), 409, 'INVITATION_ANSWERED');
      const late = expectError(
        await unchanged(() => answer(session, seat?.id ?? '', 'decline')),
        409,
        'INVITATION_ANSWERED',
      );
      expect(late.message.zh).toContain('已确认参加');
      // A reserve on standby has not been offered anything yet: "not found" to them.
      const reserve = committee.seats.find((s) => s.status === 'standby');
      const reserveSession = await sc.as(reserve?.expert?.userId ?? '');
      expectError(await unchanged(() => answer(reserveSession, reserve?.id ?? '', 'confirm')), 404, 'NOT_FOUND');
      // A supplementary draw with every seat held is not needed.
      expectError(
        await unchanged(() =>
          sc.host.inject({ method: 'POST', url: `/api/expert-draws/${drawId}/supplementary`, payload: {} }),
        ),
        409,
        'SUPPLEMENTARY_DRAW_NOT_NEEDED',
      );
    });

    it('a declared conflict with the purchaser keeps the expert out', async () => {
      const sc = await scenario(7);
      const [conflicted] = sc.experts;
      const [purchaser] = await t.services.db.query.organisations.findMany({
        where: (o, { eq: is }) => is(o.id, sc.purchaserOrganisationId),
      });
      await t.services.db.insert(expertConflicts).values({
        expertUserId: conflicted?.id ?? '',
        organisationName: purchaser?.name ?? '',
        organisationUscc: purchaser?.uscc ?? null,
        reason: '曾在该单位任职',
        declaredAt: t.clock.now(),
      });
      expectError(await unchanged(() => request(sc)), 422, 'NOT_ENOUGH_ELIGIBLE_EXPERTS');
      const ok = await request(sc, { reserves: 1 });
      expect(ok.statusCode, ok.body).toBe(201);
      const material = await verification(json<Committee>(ok).draws[0]?.id ?? '');
      const parsed = parsePoolSnapshot(material.poolSnapshot);
      if (!parsed.ok) throw new Error('bad snapshot');
      expect(parsed.snapshot.experts.find((e) => e.id === conflicted?.id)?.excludedFor).toEqual([
        'CONFLICT_WITH_PURCHASER',
      ]);
    });
  });
});
