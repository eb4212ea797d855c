import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalBytes,
  fromHex,
  getSuite,
  toHex,
  unwrapContentKey,
  type SealedBidEnvelope,
  type UserKeys,
} from '@zhengcai/seal';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { bidSubmissions, events, notifications, openingBids, openingHalls } from '../src/db/schema';
import { complete, issueTestCertificates, priceSheetFor, sealForSubmission, startBid, tus } from './support/bids';
import { takeSnapshot } from './support/db-snapshot';
import { publishedProject } from './support/published-project';
import { createTestApp, logIn, makeUser, type Session, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const MINUTE = 60_000;

interface Person {
  login: string;
  session: Session;
  keys: UserKeys;
  userId: string;
  organisationId: string;
}

interface HallView {
  state: string;
  myRole: string;
  serverTime: string;
  actions: string[];
  outcome: string | null;
  failureReason: string | null;
  failureNoticeDraft: { title: { zh: string }; body: { zh: string; en: string } } | null;
  attendance: Array<{ userId: string; role: string }>;
  bids: Array<{
    submissionId: string;
    state: string;
    invalidReason: string | null;
    readOutSeq: number | null;
    readOut: { priceFen: number; priceCapital: string; priceFigures: string } | null;
    confirmation: string | null;
    objection: string | null;
    answer: string | null;
    mine: boolean;
    actions: string[];
  }>;
  signatures: Array<{ role: string }>;
  recordPdfUrl: string | null;
}

function errorCode(res: LightMyRequestResponse): string {
  return res.json<{ error: { code: string } }>().error.code;
}

describe('the remote opening hall (ADR 0016)', () => {
  let t: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'zc-opening-'));
    t = await createTestApp({ DATA_DIR: dataDir, LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function person(role: 'supplier' | 'agency' | 'supervisor', organisationId?: string): Promise<Person> {
    const user = await makeUser(t, role, organisationId ? { organisationId } : {});
    const session = await logIn(t.app, user.login);
    const certs = await issueTestCertificates(t, { userId: user.id, organisationId: user.organisationId });
    return { login: user.login, session, keys: certs.keys, userId: user.id, organisationId: user.organisationId ?? '' };
  }

  /** Moves the clock (days, so sessions lapse) and logs everyone in again. */
  async function moveTo(at: Date, people: Person[]) {
    t.clock.set(at);
    for (const p of people) p.session = await logIn(t.app, p.login);
  }

  const file = (size: number, seed: number) => {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
    return bytes;
  };

  async function bid(p: Person, projectId: string, lotId: string, priceFen: number) {
    const start = await startBid(p.session, projectId, lotId);
    const sealed = await sealForSubmission(start, p.keys, priceSheetFor(lotId, priceFen), [
      { name: '技术方案.pdf', bytes: file(150_000, priceFen % 251) },
      { name: '资格证明.pdf', bytes: file(2_000, 7) },
    ]);
    await tus.upload(p.session, start.submissionId, sealed.ciphertext);
    const res = await complete(p.session, start.submissionId, sealed.envelope);
    expect(res.statusCode, res.body).toBe(200);
    return start.submissionId;
  }

  /** A tender with its agency's host user, bid on by `prices.length` suppliers; the deadline two days ahead. */
  async function tenderWithBids(prices: number[]) {
    const { project, agencyOrganisationId } = await publishedProject(t, { deadlineInDays: 2 });
    const host = await person('agency', agencyOrganisationId ?? undefined);
    const [lot] = await t.services.db.query.lots.findMany({ where: (l, { eq: is }) => is(l.projectId, project.id) });
    if (!lot) throw new Error('no lot');
    const bidders: Array<Person & { submissionId: string; priceFen: number }> = [];
    for (const priceFen of prices) {
      const p = await person('supplier');
      bidders.push({ ...p, priceFen, submissionId: await bid(p, project.id, lot.id, priceFen) });
    }
    return { project, lot, host, bidders, url: `/api/openings/${lot.id}` };
  }

  const view = async (session: Session | null, url: string): Promise<HallView> => {
    const res = session ? await session.inject({ method: 'GET', url }) : await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<HallView>();
  };

  async function signIn(p: Person, url: string) {
    const st = await p.session.inject({ method: 'GET', url: `${url}/sign-in-statement` });
    expect(st.statusCode, st.body).toBe(200);
    const { statement } = st.json<{ statement: unknown }>();
    const signature = await getSuite(p.keys.suite).sign(p.keys.signing.privateKey, canonicalBytes(statement));
    return p.session.inject({ method: 'POST', url: `${url}/sign-in`, payload: { signature } });
  }

  /** What the bidder's browser does: fetch the envelope, unwrap the content key with its own encryption key. */
  async function contentKeyOf(p: Person & { submissionId: string }, url: string): Promise<string> {
    const res = await p.session.inject({ method: 'GET', url: `${url}/bids/${p.submissionId}/envelope` });
    expect(res.statusCode, res.body).toBe(200);
    const key = await unwrapContentKey(res.json<SealedBidEnvelope>(), p.keys.encryption.privateKey);
    return toHex(key);
  }

  const release = (p: Person, url: string, submissionId: string, contentKey: string) =>
    p.session.inject({ method: 'POST', url: `${url}/bids/${submissionId}/key`, payload: { contentKey } });

  /** The request is refused with the status and code, and the database is exactly as before. */
  async function refusedUnchanged(run: () => Promise<LightMyRequestResponse>, status: number, code: string) {
    t.clock.advance(1_000);
    const before = await takeSnapshot(t.services.db);
    const res = await run();
    expect(res.statusCode, res.body).toBe(status);
    expect(errorCode(res)).toBe(code);
    expect(await takeSnapshot(t.services.db)).toEqual(before);
  }

  const hallEvents = async (lotId: string) =>
    (
      await t.services.db
        .select()
        .from(events)
        .where(and(eq(events.subjectType, 'opening'), eq(events.subjectId, lotId)))
    ).sort((a, b) => a.seq - b.seq);

  it('opens at the deadline, reads out three bids, invalidates the fourth at the close, signs and publishes', async () => {
    const prices = [12_345_678, 11_000_000, 13_500_050, 9_990_000];
    const { project, lot, host, bidders, url } = await tenderWithBids(prices);
    const [b1, b2, b3, b4] = bidders as [
      (typeof bidders)[0],
      (typeof bidders)[0],
      (typeof bidders)[0],
      (typeof bidders)[0],
    ];
    const outsider = await person('supplier');
    const supervisor = await person('supervisor');

    // Before the deadline the job does nothing: no hall.
    t.clock.set(new Date((project.bidDeadline?.getTime() ?? 0) - MINUTE));
    await t.services.jobs.drain();
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    // At the deadline the job opens the hall with the four sealed bids.
    await moveTo(project.bidDeadline ?? new Date(), [host, ...bidders, outsider, supervisor]);
    expect(await t.services.jobs.drain()).toBeGreaterThan(0);
    const opened = await view(null, url);
    expect(opened.state).toBe('open');
    expect(opened.myRole).toBe('public');
    expect(opened.serverTime).toBe(t.clock.now().toISOString());
    expect(opened.bids.map((b) => b.state)).toEqual(['sealed', 'sealed', 'sealed', 'sealed']);
    expect(opened.bids.every((b) => b.readOut === null)).toBe(true);

    // Sign-in: bidders and the supervisor; a supplier with no bid on the lot is the public (403), nothing changes.
    for (const p of [b1, b2, b3, b4, supervisor]) expect((await signIn(p, url)).statusCode).toBe(204);
    await refusedUnchanged(() => signIn(outsider, url), 403, 'HALL_ROLE_REQUIRED');
    await refusedUnchanged(() => signIn(b1, url), 409, 'ALREADY_SIGNED_IN');
    const keys = new Map<string, string>();
    for (const b of bidders) keys.set(b.submissionId, await contentKeyOf(b, url));
    const keyOf = (b: { submissionId: string }) => keys.get(b.submissionId) ?? '';

    // A key before the window: refused, nothing changes. Others may not start, or fetch someone else's envelope.
    await refusedUnchanged(() => release(b1, url, b1.submissionId, keyOf(b1)), 409, 'DECRYPTION_NOT_STARTED');
    await refusedUnchanged(
      () => outsider.session.inject({ method: 'POST', url: `${url}/start` }),
      403,
      'HALL_ROLE_REQUIRED',
    );
    await refusedUnchanged(() => b1.session.inject({ method: 'POST', url: `${url}/start` }), 403, 'HALL_ROLE_REQUIRED');
    await refusedUnchanged(
      () => b1.session.inject({ method: 'GET', url: `${url}/bids/${b2.submissionId}/envelope` }),
      403,
      'HALL_ROLE_REQUIRED',
    );

    expect((await host.session.inject({ method: 'POST', url: `${url}/start` })).statusCode).toBe(204);
    const started = await view(host.session, url);
    expect(started.state).toBe('decrypting');
    expect(started.myRole).toBe('host');

    // Wrong keys: a random one, and another bid's key — 422, nothing changes; another supplier may not release.
    await refusedUnchanged(() => release(b1, url, b1.submissionId, 'ab'.repeat(16)), 422, 'CONTENT_KEY_WRONG');
    await refusedUnchanged(() => release(b1, url, b1.submissionId, keyOf(b2)), 422, 'CONTENT_KEY_WRONG');
    await refusedUnchanged(() => release(outsider, url, b1.submissionId, keyOf(b1)), 403, 'HALL_ROLE_REQUIRED');
    await refusedUnchanged(() => release(b2, url, b1.submissionId, keyOf(b1)), 403, 'HALL_ROLE_REQUIRED');

    // Three bidders release their keys and are read out, in order.
    for (const [i, b] of [b1, b2, b3].entries()) {
      t.clock.advance(MINUTE);
      const res = await release(b, url, b.submissionId, keyOf(b));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ state: 'decrypted', readOutSeq: i + 1 });
    }
    await refusedUnchanged(() => release(b1, url, b1.submissionId, keyOf(b1)), 409, 'OPENING_BID_NOT_SEALED');
    const readOuts = (await hallEvents(lot.id)).filter((e) => e.type === 'opening.bid_decrypted');
    expect(readOuts.map((e) => e.audience)).toEqual(['public', 'public', 'public']);
    expect(readOuts.map((e) => (e.payload as { priceFen: number }).priceFen)).toEqual(prices.slice(0, 3));
    expect(readOuts[0]?.payload).toMatchObject({
      submissionId: b1.submissionId,
      readOutSeq: 1,
      priceFigures: '123,456.78',
      priceCapital: '壹拾贰万叁仟肆佰伍拾陆元柒角捌分',
      deliveryPeriod: '合同签订后30日历天',
      fields: { warranty: '三年' },
    });
    for (const e of await hallEvents(lot.id)) expect(JSON.stringify(e.payload)).not.toContain(keyOf(b1));
    const publicView = await view(null, url);
    expect(publicView.bids.map((b) => b.readOut?.priceFen ?? null)).toEqual([...prices.slice(0, 3), null]);
    expect(publicView.bids[0]?.readOut?.priceCapital).toBe('壹拾贰万叁仟肆佰伍拾陆元柒角捌分');
    const stored = await t.services.db.select().from(openingBids).where(eq(openingBids.submissionId, b1.submissionId));
    expect(stored[0]?.files?.map((f) => f.name)).toEqual(['技术方案.pdf', '资格证明.pdf']);
    expect(await t.services.blobs.has(stored[0]?.files?.[0]?.blobKey ?? '')).toBe(true);
    // The host may not close early while a bid is sealed.
    await refusedUnchanged(
      () => host.session.inject({ method: 'POST', url: `${url}/close` }),
      409,
      'BIDS_STILL_SEALED',
    );

    // After the window the 4th key is refused (the hall is still decrypting until the job runs), nothing changes.
    const endsAt = Date.parse(started.serverTime) + project.decryptionWindowMinutes * MINUTE;
    t.clock.set(new Date(endsAt));
    await refusedUnchanged(() => release(b4, url, b4.submissionId, keyOf(b4)), 409, 'DECRYPTION_WINDOW_CLOSED');
    await t.services.jobs.drain();
    const closed = await view(b1.session, url);
    expect(closed.state).toBe('read_out');
    expect(closed.outcome).toBe('valid');
    expect(closed.bids.find((b) => b.submissionId === b4.submissionId)).toMatchObject({
      state: 'invalid',
      invalidReason: 'NOT_DECRYPTED_IN_WINDOW',
    });
    expect(closed.bids.find((b) => b.mine)?.actions).toEqual(['confirm', 'object']);

    // Confirmations, an objection and its answer; refusals change nothing.
    const confirm = (p: Person, id: string, payload: Record<string, unknown>) =>
      p.session.inject({ method: 'POST', url: `${url}/bids/${id}/confirm`, payload });
    expect((await confirm(b1, b1.submissionId, { decision: 'confirm' })).statusCode).toBe(204);
    await refusedUnchanged(() => confirm(b1, b1.submissionId, { decision: 'confirm' }), 409, 'ALREADY_CONFIRMED');
    await refusedUnchanged(
      () => confirm(outsider, b2.submissionId, { decision: 'confirm' }),
      403,
      'HALL_ROLE_REQUIRED',
    );
    expect((await confirm(b2, b2.submissionId, { decision: 'object', text: '我方报价大写有误' })).statusCode).toBe(204);
    const answer = (id: string, text: string) =>
      host.session.inject({ method: 'POST', url: `${url}/bids/${id}/answer`, payload: { text } });
    await refusedUnchanged(() => answer(b1.submissionId, '无异议可答复'), 409, 'NO_OBJECTION');
    await refusedUnchanged(
      () =>
        b3.session.inject({ method: 'POST', url: `${url}/bids/${b2.submissionId}/answer`, payload: { text: '答复' } }),
      403,
      'HALL_ROLE_REQUIRED',
    );
    const recordFirst = await t.app.inject({ method: 'GET', url: `${url}/record` });
    const signWith = async (p: Person, hash: string) =>
      p.session.inject({
        method: 'POST',
        url: `${url}/record/sign`,
        payload: { signature: await getSuite(p.keys.suite).sign(p.keys.signing.privateKey, fromHex(hash)) },
      });
    await refusedUnchanged(
      () => signWith(host, recordFirst.json<{ recordHash: string }>().recordHash),
      409,
      'OBJECTIONS_UNANSWERED',
    );
    expect((await answer(b2.submissionId, '经核对，以开标一览表小写金额为准')).statusCode).toBe(204);
    await refusedUnchanged(() => answer(b2.submissionId, '再次答复'), 409, 'NO_OBJECTION');

    // The record: the host signs its hash (frozen), then the supervisor who signed in; then it is published.
    const record = await t.app.inject({ method: 'GET', url: `${url}/record` });
    const { recordHash, frozen } = record.json<{ recordHash: string; frozen: boolean }>();
    expect(frozen).toBe(false);
    await refusedUnchanged(() => signWith(b1, recordHash), 403, 'HALL_ROLE_REQUIRED');
    await refusedUnchanged(() => signWith(supervisor, recordHash), 409, 'HALL_STATE');
    await refusedUnchanged(() => signWith(host, 'ab'.repeat(32)), 422, 'HALL_SIGNATURE_INVALID');
    expect((await signWith(host, recordHash)).statusCode).toBe(204);
    expect((await view(null, url)).state).toBe('signed');
    expect((await t.app.inject({ method: 'GET', url: `${url}/record` })).json()).toMatchObject({
      recordHash,
      frozen: true,
    });
    expect((await signWith(supervisor, recordHash)).statusCode).toBe(204);
    const published = await view(null, url);
    expect(published.state).toBe('published');
    expect(published.signatures.map((s) => s.role)).toEqual(['host', 'supervisor']);
    const pdf = await t.app.inject({ method: 'GET', url: published.recordPdfUrl ?? '' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    expect((await hallEvents(lot.id)).map((e) => e.type)).toEqual([
      'opening.hall_opened',
      ...Array<string>(5).fill('opening.signed_in'),
      'opening.decryption_started',
      'opening.key_released',
      'opening.bid_decrypted',
      'opening.key_released',
      'opening.bid_decrypted',
      'opening.key_released',
      'opening.bid_decrypted',
      'opening.bid_invalid',
      'opening.decryption_closed',
      'opening.bid_confirmed',
      'opening.objection_raised',
      'opening.objection_answered',
      'opening.record_signed',
      'opening.record_signed',
      'opening.record_published',
    ]);

    // Restart safety: another app instance on the same database sees the same hall.
    const second = await buildApp({
      config: t.services.config,
      database: t.testDb.database,
      clock: t.clock,
      startBackground: false,
    });
    await second.app.ready();
    const again = await second.app.inject({ method: 'GET', url });
    expect(again.json()).toEqual(await (await t.app.inject({ method: 'GET', url })).json());
    await second.app.close();
  });

  it('fails the lot (流标) with two valid bids; a tampered ciphertext makes its bid invalid', async () => {
    const { project, lot, host, bidders, url } = await tenderWithBids([5_000_000, 6_000_000, 7_000_000]);
    const [b1, b2, b3] = bidders as [(typeof bidders)[0], (typeof bidders)[0], (typeof bidders)[0]];
    await moveTo(project.bidDeadline ?? new Date(), [host, ...bidders]);
    await t.services.jobs.drain();
    for (const b of bidders) expect((await signIn(b, url)).statusCode).toBe(204);
    const keys = await Promise.all(bidders.map((b) => contentKeyOf(b, url)));
    expect((await host.session.inject({ method: 'POST', url: `${url}/start` })).statusCode).toBe(204);

    // Alter one byte of b3's ciphertext in the blob store (inside its first chunk).
    const [row] = await t.services.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, b3.submissionId));
    const blobKey = row?.blobKey ?? '';
    const path = join(dataDir, 'blobs', blobKey.slice(0, 2), blobKey.slice(2, 4), blobKey);
    const bytes = readFileSync(path);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    const tampered = await release(b3, url, b3.submissionId, keys[2] ?? '');
    expect(tampered.statusCode, tampered.body).toBe(200);
    expect(tampered.json()).toEqual({ state: 'invalid', reason: 'CIPHERTEXT_HASH_MISMATCH' });

    for (const [i, b] of [b1, b2].entries())
      expect((await release(b, url, b.submissionId, keys[i] ?? '')).statusCode).toBe(200);
    expect((await view(host.session, url)).actions).toContain('close');
    expect((await host.session.inject({ method: 'POST', url: `${url}/close` })).statusCode).toBe(204);
    const failed = await view(host.session, url);
    expect(failed).toMatchObject({
      state: 'read_out',
      outcome: 'failed',
      failureReason: 'FEWER_THAN_THREE_VALID_BIDS',
    });
    expect(failed.failureNoticeDraft?.body.zh).toContain('流标');
    expect(failed.failureNoticeDraft?.body.en).toContain('fails');
    expect((await view(b1.session, url)).failureNoticeDraft).toBeNull();
    const inbox = await t.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'opening.lot_failed'), eq(notifications.organisationId, host.organisationId)));
    expect(inbox).toHaveLength(1);
    const types = (await hallEvents(lot.id)).map((e) => e.type);
    expect(types).toContain('opening.lot_failed');
    const [hall] = await t.services.db.select().from(openingHalls).where(eq(openingHalls.lotId, lot.id));
    expect(hall?.outcome).toBe('failed');

    // With no supervisor signed in, the host's signature publishes the record.
    const { recordHash } = (await t.app.inject({ method: 'GET', url: `${url}/record` })).json<{ recordHash: string }>();
    const signature = await getSuite(host.keys.suite).sign(host.keys.signing.privateKey, fromHex(recordHash));
    const signed = await host.session.inject({ method: 'POST', url: `${url}/record/sign`, payload: { signature } });
    expect(signed.statusCode, signed.body).toBe(204);
    expect((await view(null, url)).state).toBe('published');
  });

  it('a clarification that moved the deadline: the job at the old deadline does nothing, the new one opens', async () => {
    const { project, lot, url } = await tenderWithBids([]);
    const old = project.bidDeadline ?? new Date();
    const moved = new Date(old.getTime() + 3 * DAY);
    const { projects } = await import('../src/db/schema');
    const { scheduleProjectOpenings } = await import('../src/modules/opening/schedule-opening');
    await t.services.db.transaction(async (tx) => {
      await tx.update(projects).set({ bidDeadline: moved }).where(eq(projects.id, project.id));
      await scheduleProjectOpenings(tx, t.clock, { id: project.id, bidDeadline: moved });
    });
    t.clock.set(old);
    await t.services.jobs.drain();
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    t.clock.set(moved);
    await t.services.jobs.drain();
    const opened = await view(null, url);
    expect(opened.state).toBe('open');
    expect(opened.bids).toEqual([]);
    expect(lot.id).toBeTruthy();
  });
});
