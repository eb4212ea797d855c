import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coSignSealedBid, type UserKeys } from '@zhengcai/seal';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bidConsortiumMembers,
  bidParticipations,
  bidSubmissions,
  events,
  notifications,
  organisations,
} from '../src/db/schema';
import {
  complete,
  issueTestCertificates,
  priceSheetFor,
  publishedProject,
  revokeCertificate,
  sealForSubmission,
  startBid,
  startRequest,
  tus,
  type ConsortiumInput,
} from './support/bids';
import { createTestApp, logIn, makeUser, type Session, type TestApp } from './support/test-app';

interface ErrorBody {
  error: { code: string; message: { zh: string; en: string }; fields?: Array<{ field: string }> };
}
interface RequestView {
  state: string;
  statement: Record<string, unknown> | null;
  members: Array<{ name: string; role: string; shareBasisPoints: number; signedAt: string | null }>;
  abilities: { sign: boolean; decline: boolean };
}
interface Receipt {
  receipt: {
    bidder: { organisationId: string };
    consortium?: { members: Array<{ organisationId: string; role: string; shareBasisPoints: number }> };
  };
}

/** Consortium bids (联合体投标, ADR 0014): members co-sign, decline, expire; one live bid per organisation and lot. */
describe('consortium bids', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'zc-consortium-')) });
  });
  afterAll(async () => {
    await t.close();
  });

  interface Party {
    session: Session;
    keys: UserKeys;
    signingId: string;
    organisationId: string;
    uscc: string;
    name: string;
  }

  async function supplier(): Promise<Party> {
    const user = await makeUser(t, 'supplier');
    const session = await logIn(t.app, user.login);
    const certs = await issueTestCertificates(t, { userId: user.id, organisationId: user.organisationId });
    const [org] = await t.services.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, user.organisationId ?? ''));
    if (!org?.uscc) throw new Error('no organisation');
    return { session, ...certs, organisationId: org.id, uscc: org.uscc, name: org.name };
  }

  const composition = (lead: Party, ...members: Array<[Party, number]>): ConsortiumInput => ({
    members: [
      { uscc: lead.uscc, role: 'lead', shareBasisPoints: 10_000 - members.reduce((n, [, s]) => n + s, 0) },
      ...members.map(([p, share]) => ({ uscc: p.uscc, role: 'member' as const, shareBasisPoints: share })),
    ],
  });

  /** The lead starts, seals (the composition bound into its statement), uploads and completes. */
  async function leadSeals(lead: Party, projectId: string, lotId: string, consortium?: ConsortiumInput) {
    const start = await startBid(lead.session, projectId, lotId, consortium);
    const sealed = await sealForSubmission(start, lead.keys, priceSheetFor(lotId, 8_800_000), [
      { name: '联合体协议.pdf', bytes: new TextEncoder().encode('联合体协议：牵头人与成员分工') },
    ]);
    await tus.upload(lead.session, start.submissionId, sealed.ciphertext);
    const res = await complete(lead.session, start.submissionId, sealed.envelope);
    return { id: start.submissionId, start, sealed, res };
  }

  const request = (who: Party, id: string) =>
    who.session.inject({ method: 'GET', url: `/api/bids/consortium-requests/${id}` });

  async function coSign(who: Party, id: string, keys: UserKeys = who.keys) {
    const view = (await request(who, id)).json<RequestView>();
    const signature = await coSignSealedBid({
      statement: view.statement,
      memberOrganisationId: who.organisationId,
      signingKey: keys.signing.privateKey,
    });
    return sign(who, id, signature);
  }
  const sign = (who: Party, id: string, signature: string) =>
    who.session.inject({ method: 'POST', url: `/api/bids/consortium-requests/${id}/sign`, payload: { signature } });

  const stateOf = async (id: string) =>
    (await t.services.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, id)))[0]?.state;
  const placesOn = async (lotId: string) =>
    (await t.services.db.select().from(bidParticipations).where(eq(bidParticipations.lotId, lotId)))
      .map((p) => [p.organisationId, p.bidderOrganisationId])
      .sort();

  it('three members: the lead seals, each member co-signs, the last signature records the bid and its receipt', async () => {
    const [lead, a, b, outsider] = [await supplier(), await supplier(), await supplier(), await supplier()];
    const { project, lot } = await publishedProject(t, { consortiumAllowed: true });
    const consortium = composition(lead, [a, 2500], [b, 1500]);
    const sealed = await leadSeals(lead, project.id, lot.id, consortium);
    expect(sealed.res.statusCode, sealed.res.body).toBe(202);
    expect(sealed.res.json<{ state: string }>().state).toBe('awaiting_members');
    expect(sealed.start.consortium?.members.map((m) => m.shareBasisPoints)).toEqual([6000, 2500, 1500]);

    // Each member sees the request (composition and hash, no price) and a notice; an outsider gets 404.
    const view = (await request(a, sealed.id)).json<RequestView>();
    expect(view.abilities).toEqual({ sign: true, decline: true });
    expect(view.members.map((m) => [m.role, m.shareBasisPoints, !!m.signedAt])).toEqual([
      ['lead', 6000, true],
      ['member', 2500, false],
      ['member', 1500, false],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/8800000|88000\.00|priceFen/);
    const list = await a.session.inject({ method: 'GET', url: '/api/bids/consortium-requests' });
    expect(list.json<{ items: Array<{ submissionId: string }> }>().items.map((i) => i.submissionId)).toEqual([
      sealed.id,
    ]);
    const notices = await t.services.db
      .select()
      .from(notifications)
      .where(eq(notifications.organisationId, a.organisationId));
    expect(notices.map((n) => n.kind)).toContain('bid.consortium_awaiting');
    for (const res of [
      await request(outsider, sealed.id),
      await sign(outsider, sealed.id, 'ab'.repeat(64)),
      await outsider.session.inject({
        method: 'POST',
        url: `/api/bids/consortium-requests/${sealed.id}/decline`,
        payload: {},
      }),
      await outsider.session.inject({ method: 'GET', url: `/api/bids/submissions/${sealed.id}/receipt.json` }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }

    const first = await coSign(a, sealed.id);
    expect(first.json()).toEqual({ recorded: false, receipt: null });
    expect(await stateOf(sealed.id)).toBe('awaiting_members');
    const again = await coSign(a, sealed.id);
    expect(again.statusCode).toBe(409);

    const last = await coSign(b, sealed.id);
    expect(last.statusCode, last.body).toBe(200);
    const { receipt } = last.json<{ recorded: boolean; receipt: Receipt }>();
    expect(receipt.receipt.bidder.organisationId).toBe(lead.organisationId);
    expect(receipt.receipt.consortium?.members.map((m) => [m.organisationId, m.role, m.shareBasisPoints])).toEqual([
      [lead.organisationId, 'lead', 6000],
      [a.organisationId, 'member', 2500],
      [b.organisationId, 'member', 1500],
    ]);
    expect(await stateOf(sealed.id)).toBe('submitted');
    const verified = await t.app.inject({ method: 'POST', url: '/api/bids/receipts/verify', payload: receipt });
    expect(verified.json()).toEqual({ signatureValid: true, matchesStoredBid: true, state: 'submitted' });
    // Every party may download the receipt; the PDF lists the members.
    const pdf = await a.session.inject({ method: 'GET', url: `/api/bids/submissions/${sealed.id}/receipt.pdf` });
    expect(pdf.statusCode).toBe(200);
    const asMember = await b.session.inject({ method: 'GET', url: `/api/bids/submissions/${sealed.id}/receipt.json` });
    expect(asMember.json()).toEqual(receipt);

    // The lead's bid page shows the parties; events went to every party, hashes and ids only.
    const page = await lead.session.inject({ method: 'GET', url: `/api/bids/projects/${project.id}` });
    const mine = page.json<{ submissions: Array<{ id: string; consortium: { members: unknown[] } | null }> }>();
    expect(mine.submissions.find((x) => x.id === sealed.id)?.consortium?.members).toHaveLength(3);
    const bidEvents = (await t.services.db.select().from(events)).filter((e) => e.subjectId === sealed.id);
    expect(bidEvents.map((e) => e.type)).toEqual(
      expect.arrayContaining(['bid.consortium_awaiting', 'bid.consortium_signed', 'bid.submitted']),
    );
    for (const e of bidEvents.filter((x) => x.type !== 'bid.upload_started')) {
      expect(e.audience).toBe('organisations');
      expect(e.audienceOrganisationIds).toEqual([lead.organisationId, a.organisationId, b.organisationId]);
      expect(JSON.stringify(e.payload)).not.toMatch(/8800000|price/i);
    }
    // The live feed shows them to a member, not to an outsider.
    const feedOf = async (who: Party) =>
      (await who.session.inject({ method: 'GET', url: `/api/events?after=${(bidEvents[0]?.seq ?? 1) - 1}&limit=500` }))
        .json<{ items: Array<{ subject: { id: string } }> }>()
        .items.filter((i) => i.subject.id === sealed.id).length;
    expect(await feedOf(b)).toBeGreaterThanOrEqual(3);
    expect(await feedOf(outsider)).toBe(0);

    // 实施条例第二十二条: a member may not now bid alone on the lot; after the lead withdraws it may.
    const solo = await startRequest(a.session, project.id, lot.id);
    expect(solo.statusCode).toBe(409);
    const refusal = solo.json<ErrorBody>().error;
    expect(refusal.code).toBe('BID_EXCLUSIVITY');
    expect(refusal.message.zh).toContain(a.name);
    expect(refusal.message.zh).toContain('第二十二条');
    expect(refusal.message.en).toContain(a.uscc);
    expect(await placesOn(lot.id)).toHaveLength(3);
    const w = await lead.session.inject({ method: 'POST', url: `/api/bids/submissions/${sealed.id}/withdraw` });
    expect(w.statusCode).toBe(204);
    expect(await placesOn(lot.id)).toEqual([]);
    expect((await startRequest(a.session, project.id, lot.id)).statusCode).toBe(201);
  });

  it('a member declines: the bid is cancelled, never counted, the places freed and the lead told why', async () => {
    const [lead, a] = [await supplier(), await supplier()];
    const { project, lot } = await publishedProject(t, { consortiumAllowed: true });
    const sealed = await leadSeals(lead, project.id, lot.id, composition(lead, [a, 5000]));
    const declined = await a.session.inject({
      method: 'POST',
      url: `/api/bids/consortium-requests/${sealed.id}/decline`,
      payload: { reason: '分工比例未经我方同意' },
    });
    expect(declined.statusCode, declined.body).toBe(204);
    expect(await stateOf(sealed.id)).toBe('cancelled');
    expect(await placesOn(lot.id)).toEqual([]);
    const page = await lead.session.inject({ method: 'GET', url: `/api/bids/projects/${project.id}` });
    const row = page
      .json<{ submissions: Array<{ id: string; state: string; consortium: { members: RequestView['members'] } }> }>()
      .submissions.find((x) => x.id === sealed.id);
    expect(row?.state).toBe('cancelled');
    expect(row?.consortium.members[1]).toMatchObject({ declineReason: '分工比例未经我方同意' });
    const notices = await t.services.db
      .select()
      .from(notifications)
      .where(eq(notifications.organisationId, lead.organisationId));
    expect(notices.map((n) => n.kind)).toContain('bid.consortium_declined');
    // Too late to sign now.
    expect((await coSign(a, sealed.id)).statusCode).toBe(409);
  });

  it('refuses a tampered signature, one by the wrong key and one with a revoked certificate; stores nothing', async () => {
    const [lead, a, stranger] = [await supplier(), await supplier(), await supplier()];
    const { project, lot } = await publishedProject(t, { consortiumAllowed: true });
    const sealed = await leadSeals(lead, project.id, lot.id, composition(lead, [a, 3000]));
    const view = (await request(a, sealed.id)).json<RequestView>();
    const good = await coSignSealedBid({
      statement: view.statement,
      memberOrganisationId: a.organisationId,
      signingKey: a.keys.signing.privateKey,
    });
    const tampered = (good[0] === '0' ? '1' : '0') + good.slice(1);
    for (const res of [await sign(a, sealed.id, tampered), await coSign(a, sealed.id, stranger.keys)]) {
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json<ErrorBody>().error.code).toBe('CONSORTIUM_SIGNATURE_REJECTED');
    }
    await revokeCertificate(t, a.signingId);
    const revoked = await sign(a, sealed.id, good);
    expect(revoked.json<ErrorBody>().error.code).toBe('CERTIFICATE_REQUIRED');
    const [member] = await t.services.db
      .select()
      .from(bidConsortiumMembers)
      .where(
        and(
          eq(bidConsortiumMembers.submissionId, sealed.id),
          eq(bidConsortiumMembers.organisationId, a.organisationId),
        ),
      );
    expect(member?.signedAt).toBeNull();
    expect(await stateOf(sealed.id)).toBe('awaiting_members');
    // A member without a usable certificate cannot be named in a new consortium either.
    const other = await supplier();
    const { project: p2, lot: l2 } = await publishedProject(t, { consortiumAllowed: true });
    const start = await startRequest(other.session, p2.id, l2.id, composition(other, [a, 3000]));
    expect(start.statusCode).toBe(422);
    expect(start.json<ErrorBody>().error.code).toBe('CONSORTIUM_MEMBER_INELIGIBLE');
    expect(start.json<ErrorBody>().error.message.zh).toContain('证书');
  });

  it('the deadline passing while members have not signed: the signature is refused, the bid expires', async () => {
    const [lead, a] = [await supplier(), await supplier()];
    const { project, lot } = await publishedProject(t, { consortiumAllowed: true, deadlineInMs: 3_600_000 });
    const sealed = await leadSeals(lead, project.id, lot.id, composition(lead, [a, 4000]));
    expect(sealed.res.statusCode).toBe(202);
    const deadline = project.bidDeadline as Date;
    t.clock.set(deadline);
    const late = await coSign(a, sealed.id);
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().error.code).toBe('BIDDING_CLOSED');
    await t.services.jobs.drain();
    expect(await stateOf(sealed.id)).toBe('expired');
    expect(await placesOn(lot.id)).toEqual([]);
    const notices = await t.services.db
      .select()
      .from(notifications)
      .where(eq(notifications.organisationId, lead.organisationId));
    expect(notices.find((n) => n.kind === 'bid.consortium_expired')?.bodyZh).toContain(a.name);
    const page = await lead.session.inject({ method: 'GET', url: `/api/bids/projects/${project.id}` });
    expect(page.json<{ submissions: Array<{ id: string; state: string }> }>().submissions).toContainEqual(
      expect.objectContaining({ id: sealed.id, state: 'expired' }),
    );
  });

  it('one live bid per organisation and lot, in any order, enforced by the database', async () => {
    const [l1, l2, m, solo] = [await supplier(), await supplier(), await supplier(), await supplier()];
    const { project, lot } = await publishedProject(t, { consortiumAllowed: true });

    // Solo first, then a consortium naming the solo bidder.
    expect((await leadSeals(solo, project.id, lot.id)).res.statusCode).toBe(200);
    const named = await startRequest(l1.session, project.id, lot.id, composition(l1, [solo, 3000]));
    expect(named.statusCode).toBe(409);
    expect(named.json<ErrorBody>().error.message.zh).toContain(solo.name);

    // Two consortia sharing a member: the second is refused at start, naming the member.
    expect((await startRequest(l1.session, project.id, lot.id, composition(l1, [m, 3000]))).statusCode).toBe(201);
    const shared = await startRequest(l2.session, project.id, lot.id, composition(l2, [m, 3000]));
    expect(shared.statusCode).toBe(409);
    expect(shared.json<ErrorBody>().error).toMatchObject({ code: 'BID_EXCLUSIVITY' });
    expect(shared.json<ErrorBody>().error.message.zh).toContain(m.name);
    // …and l2's own place was not taken by the refused start (no half-done state).
    expect((await placesOn(lot.id)).map(([org]) => org)).not.toContain(l2.organisationId);

    // Consortium first, then the member alone.
    expect((await startRequest(m.session, project.id, lot.id)).statusCode).toBe(409);

    // The database itself refuses a second place for the same organisation on the lot.
    await expect(
      t.services.db.insert(bidParticipations).values({
        lotId: lot.id,
        organisationId: m.organisationId,
        bidderOrganisationId: l2.organisationId,
        since: t.clock.now(),
      }),
    ).rejects.toThrow();

    // The same lead may replace its own bid (its places are shared across its submissions).
    expect((await startRequest(solo.session, project.id, lot.id)).statusCode).toBe(201);
  });

  it('a solo bid replacing a consortium bid frees the members’ places', async () => {
    const [lead, a] = [await supplier(), await supplier()];
    const { project, lot } = await publishedProject(t, { consortiumAllowed: true });
    const sealed = await leadSeals(lead, project.id, lot.id, composition(lead, [a, 2000]));
    expect((await coSign(a, sealed.id)).statusCode).toBe(200);
    const replacement = await leadSeals(lead, project.id, lot.id);
    expect(replacement.res.statusCode, replacement.res.body).toBe(200);
    expect(await stateOf(sealed.id)).toBe('replaced');
    expect(await placesOn(lot.id)).toEqual([[lead.organisationId, lead.organisationId]]);
  });

  it('refuses consortia on a lot that does not accept them, bad compositions and unknown members', async () => {
    const [lead, a] = [await supplier(), await supplier()];
    const closed = await publishedProject(t, { consortiumAllowed: false });
    const res = await startRequest(lead.session, closed.project.id, closed.lot.id, composition(lead, [a, 5000]));
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('CONSORTIUM_NOT_ALLOWED');

    const { project, lot } = await publishedProject(t, { consortiumAllowed: true });
    const shares = await startRequest(lead.session, project.id, lot.id, {
      members: [
        { uscc: lead.uscc, role: 'lead', shareBasisPoints: 5000 },
        { uscc: a.uscc, role: 'member', shareBasisPoints: 4000 },
      ],
    });
    expect(shares.statusCode).toBe(400);
    const error = shares.json<ErrorBody>().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.map((f) => f.field)).toContain('body.consortium.members');
    expect(JSON.stringify(error)).toContain('100%');

    const twoLeads = await startRequest(lead.session, project.id, lot.id, {
      members: [
        { uscc: lead.uscc, role: 'lead', shareBasisPoints: 5000 },
        { uscc: a.uscc, role: 'lead', shareBasisPoints: 5000 },
      ],
    });
    expect(twoLeads.statusCode).toBe(400);
    const unknown = await startRequest(lead.session, project.id, lot.id, {
      members: [
        { uscc: lead.uscc, role: 'lead', shareBasisPoints: 5000 },
        { uscc: '91520201MA6DXXXX1X', role: 'member', shareBasisPoints: 5000 },
      ],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<ErrorBody>().error.code).toBe('CONSORTIUM_MEMBER_UNKNOWN');
    // Nothing was started, no place taken.
    expect(await placesOn(lot.id)).toEqual([]);
    const rows = await t.services.db.select().from(bidSubmissions).where(eq(bidSubmissions.lotId, lot.id));
    expect(rows).toEqual([]);
  });
});
