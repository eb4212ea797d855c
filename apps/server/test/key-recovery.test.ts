import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEscrowShare, toHex, type KeyEscrow, type UserKeys } from '@zhengcai/seal';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, keyRecoveryShares, openingBids, projectKeyHolders, projects } from '../src/db/schema';
import { complete, issueTestCertificates, priceSheetFor, sealForSubmission, startBid, tus } from './support/bids';
import { takeSnapshot } from './support/db-snapshot';
import { publishedProject } from './support/published-project';
import { createTestApp, logIn, makeUser, type Session, type TestApp } from './support/test-app';

interface Person {
  login: string;
  session: Session;
  keys: UserKeys;
  userId: string;
}

interface ShareView {
  holderId: string;
  context: { projectId: string; lotId: string; bidderId: string; nonce: string };
  escrow: KeyEscrow;
  bidState: string;
  threshold: number;
  released: number;
  releasedByMe: boolean;
}

const errorCode = (res: LightMyRequestResponse) => res.json<{ error: { code: string } }>().error.code;

/** Emergency recovery in the hall (B1, ADR 0015/0016): k of the project's key holders open a sealed bid. */
describe('emergency key recovery in the opening hall', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'zc-recovery-')), LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  async function person(role: 'supplier' | 'agency' | 'supervisor' | 'centre', organisationId?: string) {
    const user = await makeUser(t, role, organisationId ? { organisationId } : {});
    const certs = await issueTestCertificates(t, { userId: user.id, organisationId: user.organisationId });
    return { login: user.login, session: await logIn(t.app, user.login), keys: certs.keys, userId: user.id };
  }

  async function refusedUnchanged(run: () => Promise<LightMyRequestResponse>, status: number, code: string) {
    t.clock.advance(1_000);
    const before = await takeSnapshot(t.services.db);
    const res = await run();
    expect(res.statusCode, res.body).toBe(status);
    expect(errorCode(res)).toBe(code);
    expect(await takeSnapshot(t.services.db)).toEqual(before);
  }

  it('k holders open a sealed bid on the record; k − 1 cannot; wrong shares and non-holders change nothing', async () => {
    const { project, agencyOrganisationId } = await publishedProject(t, { deadlineInDays: 2 });
    const [lot] = await t.services.db.query.lots.findMany({ where: (l, { eq: is }) => is(l.projectId, project.id) });
    if (!lot || !project.bidDeadline) throw new Error('no lot');
    const host = await person('agency', agencyOrganisationId ?? undefined);
    const holders = [
      await person('centre'),
      await person('supervisor'),
      await person('agency', agencyOrganisationId ?? undefined),
    ];
    await t.services.db.insert(projectKeyHolders).values(
      holders.map((h, position) => ({
        projectId: project.id,
        userId: h.userId,
        position,
        roleLabel: `保管人${position + 1}`,
      })),
    );
    await t.services.db.update(projects).set({ keyEscrowThreshold: 2 }).where(eq(projects.id, project.id));

    const bidders: (Person & { submissionId: string })[] = [];
    for (const priceFen of [12_000_000, 13_000_000]) {
      const p = await person('supplier');
      const start = await startBid(p.session, project.id, lot.id);
      expect(start.keyEscrow?.holders.map((h) => h.holderId)).toEqual(holders.map((h) => h.userId));
      const sealed = await sealForSubmission(start, p.keys, priceSheetFor(lot.id, priceFen), [
        { name: '技术方案.pdf', bytes: new Uint8Array(20_000).fill(priceFen % 251) },
      ]);
      await tus.upload(p.session, start.submissionId, sealed.ciphertext);
      const res = await complete(p.session, start.submissionId, sealed.envelope);
      expect(res.statusCode, res.body).toBe(200);
      bidders.push({ ...p, submissionId: start.submissionId });
    }
    const [b1, b2] = bidders as [(typeof bidders)[0], (typeof bidders)[0]];
    const outsider = await person('supplier');

    // The hall opens at the deadline; everyone logs in again after the clock jump.
    t.clock.set(project.bidDeadline);
    for (const p of [host, ...holders, ...bidders, outsider]) p.session = await logIn(t.app, p.login);
    await t.services.jobs.drain();
    const url = `/api/openings/${lot.id}`;
    const shareUrl = (p: Person, submissionId: string) =>
      p.session.inject({ method: 'GET', url: `${url}/bids/${submissionId}/recovery-share` });
    const release = (p: Person, submissionId: string, share: string, reason = '投标人密钥文件损坏，经采购文件认可') =>
      p.session.inject({
        method: 'POST',
        url: `${url}/bids/${submissionId}/recovery-shares`,
        payload: { share, reason },
      });

    /** What the holder's browser does: fetch its own share and open it with its encryption key. */
    async function openedShare(h: Person, submissionId: string): Promise<string> {
      const res = await shareUrl(h, submissionId);
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json<ShareView>();
      expect(view.escrow.shares.map((s) => s.holderId)).toEqual([h.userId]);
      const share = await openEscrowShare({
        escrow: view.escrow,
        holderId: view.holderId,
        privateKey: h.keys.encryption.privateKey,
        context: view.context,
      });
      return toHex(share);
    }

    // Only the bid's key holders see their share: the bidder, the host and another supplier get 404.
    for (const p of [b1, host, outsider]) {
      const res = await shareUrl(p, b1.submissionId);
      expect(res.statusCode, res.body).toBe(404);
    }
    const s1 = await openedShare(holders[0] as Person, b1.submissionId);
    const s2 = await openedShare(holders[1] as Person, b1.submissionId);
    const s2other = await openedShare(holders[1] as Person, b2.submissionId);

    // Not before decryption starts.
    await refusedUnchanged(() => release(holders[0] as Person, b1.submissionId, s1), 409, 'DECRYPTION_NOT_STARTED');
    expect((await host.session.inject({ method: 'POST', url: `${url}/start` })).statusCode).toBe(204);

    // One holder (k − 1 = 1) releases: on the record, kept until k are in, and the bid stays sealed.
    t.clock.advance(60_000);
    const first = await release(holders[0] as Person, b1.submissionId, s1);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ state: 'waiting', released: 1, threshold: 2 });
    const sealedBid = async () =>
      (await t.services.db.select().from(openingBids).where(eq(openingBids.submissionId, b1.submissionId)))[0];
    expect((await sealedBid())?.state).toBe('sealed');
    const kept = () =>
      t.services.db.select().from(keyRecoveryShares).where(eq(keyRecoveryShares.submissionId, b1.submissionId));
    expect(await kept()).toHaveLength(1);

    // The same holder again, a share of another bid, an altered share, a non-holder: refused, nothing changes.
    await refusedUnchanged(() => release(holders[0] as Person, b1.submissionId, s1), 409, 'RECOVERY_SHARE_RELEASED');
    await refusedUnchanged(
      () => release(holders[1] as Person, b1.submissionId, s2other),
      422,
      'RECOVERY_SHARE_REFUSED',
    );
    const altered = (s2.slice(0, 2) === '00' ? '01' : '00') + s2.slice(2);
    await refusedUnchanged(
      () => release(holders[1] as Person, b1.submissionId, altered),
      422,
      'RECOVERY_SHARE_REFUSED',
    );
    await refusedUnchanged(() => release(holders[1] as Person, b1.submissionId, s1), 422, 'RECOVERY_SHARE_REFUSED');
    await refusedUnchanged(() => release(outsider, b1.submissionId, s2), 404, 'NOT_FOUND');
    await refusedUnchanged(() => release(host, b1.submissionId, s2), 404, 'NOT_FOUND');
    expect((await sealedBid())?.state).toBe('sealed');

    // The k-th holder: the key is recovered, the bid opened and read out, the shares deleted in that transaction.
    t.clock.advance(60_000);
    const second = await release(holders[1] as Person, b1.submissionId, s2);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toEqual({ state: 'decrypted', readOutSeq: 1, released: 2, threshold: 2 });
    const opened = await sealedBid();
    expect(opened?.state).toBe('decrypted');
    expect(opened?.openedVia).toBe('recovery');
    expect(opened?.priceSheet?.priceFen).toBe(12_000_000);
    expect(await kept()).toHaveLength(0);
    await refusedUnchanged(
      () => release(holders[2] as Person, b1.submissionId, 'ab'.repeat(17)),
      409,
      'OPENING_BID_NOT_SEALED',
    );

    // On the record: two releases with their reasons, the recovery, the read-out — never a share.
    const log = await t.services.db
      .select()
      .from(events)
      .where(and(eq(events.subjectType, 'opening'), eq(events.subjectId, lot.id)));
    const types = log.sort((a, b) => a.seq - b.seq).map((e) => e.type);
    expect(types.filter((x) => x === 'opening.recovery_share_released')).toHaveLength(2);
    expect(types).toEqual(expect.arrayContaining(['opening.bid_recovered', 'opening.bid_decrypted']));
    const released = log.find((e) => e.type === 'opening.recovery_share_released');
    expect(released?.payload).toMatchObject({
      submissionId: b1.submissionId,
      holderUserId: holders[0]?.userId,
      reason: '投标人密钥文件损坏，经采购文件认可',
      released: 1,
      threshold: 2,
    });
    const decrypted = log.find((e) => e.type === 'opening.bid_decrypted');
    expect(decrypted?.payload).toMatchObject({ submissionId: b1.submissionId, via: 'recovery' });
    for (const e of log) {
      for (const s of [s1, s2]) expect(JSON.stringify(e.payload)).not.toContain(s);
    }

    // The other bid is untouched and still sealed; its own holder view shows nothing released.
    const other = await shareUrl(holders[0] as Person, b2.submissionId);
    expect(other.json<ShareView>()).toMatchObject({ bidState: 'sealed', released: 0, releasedByMe: false });
  });
});
