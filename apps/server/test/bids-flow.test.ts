import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { barredSuppliers, bidSubmissions, events } from '../src/db/schema';
import {
  complete,
  issueTestCertificates,
  obtainDocuments,
  priceSheetFor,
  publishedProject,
  revokeCertificate,
  sealForSubmission,
  startBid,
  tus,
} from './support/bids';
import { createTestApp, logIn, makeUser, type Session, type TestApp } from './support/test-app';

interface ErrorBody {
  error: { code: string; message: { zh: string; en: string } };
}

/** Sealed bids (C9): submission, receipt, replace, withdraw, and every refusal. */
describe('sealed bid submission', () => {
  let t: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'zc-bids-'));
    t = await createTestApp({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await t.close();
  });

  async function supplier() {
    const user = await makeUser(t, 'supplier');
    const session = await logIn(t.app, user.login);
    const certs = await issueTestCertificates(t, { userId: user.id, organisationId: user.organisationId });
    return { user, session, ...certs };
  }

  const file = (size: number, seed = 7) => {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 13 + seed) & 0xff;
    return bytes;
  };

  async function submit(
    session: Session,
    keys: Awaited<ReturnType<typeof supplier>>['keys'],
    projectId: string,
    lotId: string,
    priceFen = 12_345_678,
  ) {
    const start = await startBid(session, projectId, lotId);
    const sealed = await sealForSubmission(start, keys, priceSheetFor(lotId, priceFen), [
      { name: '技术方案.pdf', bytes: file(300_000) },
    ]);
    await tus.upload(session, start.submissionId, sealed.ciphertext);
    const res = await complete(session, start.submissionId, sealed.envelope);
    return { start, sealed, res };
  }

  it('submits, receipts, replaces, withdraws and resubmits; events carry hashes only', async () => {
    const me = await supplier();
    const { project, lot } = await publishedProject(t);
    const first = await submit(me.session, me.keys, project.id, lot.id);
    expect(first.res.statusCode, first.res.body).toBe(200);
    const receipt = first.res.json<{ receipt: { ciphertext: { hash: string; length: number }; eventSeq: number } }>();
    expect(receipt.receipt.ciphertext.hash).toBe(first.sealed.envelope.ciphertextHash);
    expect(receipt.receipt.ciphertext.length).toBe(first.sealed.ciphertext.length);

    // Receipt downloads and public verification.
    const json = await me.session.inject({
      method: 'GET',
      url: `/api/bids/submissions/${first.start.submissionId}/receipt.json`,
    });
    expect(json.json()).toEqual(first.res.json());
    const pdf = await me.session.inject({
      method: 'GET',
      url: `/api/bids/submissions/${first.start.submissionId}/receipt.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/bids/receipts/verify',
      payload: first.res.json(),
    });
    expect(verified.json()).toEqual({ signatureValid: true, matchesStoredBid: true, state: 'submitted' });
    const forged = first.res.json<{ receipt: { ciphertext: { length: number } } }>();
    forged.receipt.ciphertext.length += 1;
    const bad = await t.app.inject({ method: 'POST', url: '/api/bids/receipts/verify', payload: forged });
    expect(bad.json()).toMatchObject({ signatureValid: false, matchesStoredBid: false });

    // Replace (修改): the old one is kept as replaced.
    const second = await submit(me.session, me.keys, project.id, lot.id, 11_000_000);
    expect(second.res.statusCode, second.res.body).toBe(200);
    const rows = await t.services.db.select().from(bidSubmissions).where(eq(bidSubmissions.lotId, lot.id));
    expect(rows.map((r) => [r.id, r.state]).sort()).toEqual(
      [
        [first.start.submissionId, 'replaced'],
        [second.start.submissionId, 'submitted'],
      ].sort(),
    );

    // Withdraw (撤回), then submit again.
    const w = await me.session.inject({
      method: 'POST',
      url: `/api/bids/submissions/${second.start.submissionId}/withdraw`,
    });
    expect(w.statusCode).toBe(204);
    const again = await me.session.inject({
      method: 'POST',
      url: `/api/bids/submissions/${second.start.submissionId}/withdraw`,
    });
    expect(again.statusCode).toBe(409);
    const third = await submit(me.session, me.keys, project.id, lot.id);
    expect(third.res.statusCode).toBe(200);

    const list = await me.session.inject({ method: 'GET', url: `/api/bids/projects/${project.id}` });
    expect(
      list
        .json<{ submissions: Array<{ state: string }> }>()
        .submissions.map((s) => s.state)
        .sort(),
    ).toEqual(['replaced', 'submitted', 'withdrawn']);

    const bidEvents = (await t.services.db.select().from(events)).filter((e) => e.type.startsWith('bid.'));
    expect(bidEvents.map((e) => e.type)).toEqual(
      expect.arrayContaining(['bid.upload_started', 'bid.submitted', 'bid.replaced', 'bid.withdrawn']),
    );
    for (const e of bidEvents) {
      expect(e.audience).toBe('organisation');
      expect(e.audienceOrganisationId).toBe(me.user.organisationId);
      expect(JSON.stringify(e.payload)).not.toMatch(/12345678|123456\.78|price/i);
    }
  });

  it('refuses a completion one millisecond after the deadline, and accepts one a millisecond before', async () => {
    const me = await supplier();
    const { project, lot } = await publishedProject(t, { deadlineInMs: 3_600_000 });
    const start = await startBid(me.session, project.id, lot.id);
    const sealed = await sealForSubmission(start, me.keys, priceSheetFor(lot.id, 100), []);
    await tus.upload(me.session, start.submissionId, sealed.ciphertext);
    t.clock.set(new Date((project.bidDeadline as Date).getTime() + 1));
    const late = await complete(me.session, start.submissionId, sealed.envelope);
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().error.code).toBe('BIDDING_CLOSED');
    t.clock.set(project.bidDeadline as Date);
    expect((await complete(me.session, start.submissionId, sealed.envelope)).statusCode).toBe(409);
    t.clock.set(new Date((project.bidDeadline as Date).getTime() - 1));
    const inTime = await complete(me.session, start.submissionId, sealed.envelope);
    expect(inTime.statusCode, inTime.body).toBe(200);
    // Withdrawing at the deadline is refused too.
    t.clock.set(project.bidDeadline as Date);
    const w = await me.session.inject({ method: 'POST', url: `/api/bids/submissions/${start.submissionId}/withdraw` });
    expect(w.json<ErrorBody>().error.code).toBe('BIDDING_CLOSED');
  });

  it('rejects altered ciphertext, hash and signature, a replayed envelope and a revoked certificate', async () => {
    const me = await supplier();
    const { project, lot } = await publishedProject(t);
    const countSubmitted = async () =>
      (await t.services.db.select().from(bidSubmissions).where(eq(bidSubmissions.lotId, lot.id))).filter(
        (r) => r.state === 'submitted',
      ).length;

    // One byte flipped in the ciphertext, uploaded through tus.
    const a = await startBid(me.session, project.id, lot.id);
    const sealedA = await sealForSubmission(a, me.keys, priceSheetFor(lot.id, 500), [
      { name: 'x.bin', bytes: file(100_000) },
    ]);
    const flipped = sealedA.ciphertext.slice();
    flipped[50_000] = (flipped[50_000] ?? 0) ^ 0x01;
    await tus.upload(me.session, a.submissionId, flipped);
    const r1 = await complete(me.session, a.submissionId, sealedA.envelope);
    expect(r1.statusCode).toBe(422);
    expect(r1.json<ErrorBody>().error).toMatchObject({ code: 'SEALED_BID_REJECTED' });
    expect(r1.json<ErrorBody>().error.message.en).toContain('CIPHERTEXT_HASH_MISMATCH');

    // Altered hash in the envelope (statement and envelope both changed: the signature no longer matches).
    const b = await startBid(me.session, project.id, lot.id);
    const sealedB = await sealForSubmission(b, me.keys, priceSheetFor(lot.id, 500), []);
    await tus.upload(me.session, b.submissionId, sealedB.ciphertext);
    const wrongHash = '0'.repeat(64);
    const r2 = await complete(me.session, b.submissionId, {
      ...sealedB.envelope,
      ciphertextHash: wrongHash,
      statement: { ...sealedB.envelope.statement, ciphertextHash: wrongHash },
    });
    expect(r2.statusCode).toBe(422);
    // Altered signature.
    const sig = sealedB.envelope.signature;
    const r3 = await complete(me.session, b.submissionId, {
      ...sealedB.envelope,
      signature: (sig[0] === '0' ? '1' : '0') + sig.slice(1),
    });
    expect(r3.statusCode).toBe(422);
    expect(r3.json<ErrorBody>().error.message.en).toContain('BAD_SIGNATURE');
    expect(await countSubmitted()).toBe(0);
    // The genuine envelope is accepted once…
    expect((await complete(me.session, b.submissionId, sealedB.envelope)).statusCode).toBe(200);
    // …and replaying it (same nonce) is refused; so is replaying it on a new submission (other nonce).
    const replay = await complete(me.session, b.submissionId, sealedB.envelope);
    expect(replay.statusCode).toBe(409);
    expect(replay.json<ErrorBody>().error.code).toBe('BID_SUBMISSION_USED');
    const c = await startBid(me.session, project.id, lot.id);
    await tus.upload(me.session, c.submissionId, sealedB.ciphertext);
    const replay2 = await complete(me.session, c.submissionId, sealedB.envelope);
    expect(replay2.statusCode).toBe(422);
    expect(replay2.json<ErrorBody>().error.message.en).toContain('CONTEXT_MISMATCH');
    expect(await countSubmitted()).toBe(1);

    // Revoked certificate: refused at completion and at start.
    const d = await startBid(me.session, project.id, lot.id);
    const sealedD = await sealForSubmission(d, me.keys, priceSheetFor(lot.id, 500), []);
    await tus.upload(me.session, d.submissionId, sealedD.ciphertext);
    await revokeCertificate(t, me.signingId);
    const r4 = await complete(me.session, d.submissionId, sealedD.envelope);
    expect(r4.statusCode).toBe(403);
    expect(r4.json<ErrorBody>().error.code).toBe('CERTIFICATE_REQUIRED');
    const r5 = await me.session.inject({
      method: 'POST',
      url: '/api/bids/submissions',
      payload: { projectId: project.id, lotId: lot.id },
    });
    expect(r5.json<ErrorBody>().error.code).toBe('CERTIFICATE_REQUIRED');
  });

  it('refuses a bid sealed for an encryption key replaced during the submission', async () => {
    const me = await supplier();
    const { project, lot } = await publishedProject(t);
    const start = await startBid(me.session, project.id, lot.id);
    const sealed = await sealForSubmission(start, me.keys, priceSheetFor(lot.id, 700), []);
    await tus.upload(me.session, start.submissionId, sealed.ciphertext);
    // The supplier gets a new certificate bundle (new keys) before completing.
    t.clock.advance(1000);
    const renewed = await issueTestCertificates(t, { userId: me.user.id, organisationId: me.user.organisationId });
    const res = await complete(me.session, start.submissionId, sealed.envelope);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('CERTIFICATE_CHANGED');
    const [row] = await t.services.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, start.submissionId));
    expect(row?.state).toBe('uploading');
    // A new submission sealed for the new key goes through.
    const again = await submit(me.session, renewed.keys, project.id, lot.id);
    expect(again.res.statusCode, again.res.body).toBe(200);
  });

  it('resumes an upload cut off at several points; an unfinished one is never counted and expires', async () => {
    const me = await supplier();
    const { project, lot } = await publishedProject(t);
    const start = await startBid(me.session, project.id, lot.id);
    const sealed = await sealForSubmission(start, me.keys, priceSheetFor(lot.id, 900), [
      { name: 'big.bin', bytes: file(1_500_000, 3) },
    ]);
    const bytes = sealed.ciphertext;
    expect((await tus.create(me.session, start.submissionId, bytes.length)).statusCode).toBe(201);
    // Completing early is refused with what was received.
    const early = await complete(me.session, start.submissionId, sealed.envelope);
    expect(early.json<ErrorBody>().error.code).toBe('UPLOAD_INCOMPLETE');
    // Upload in uneven pieces, asking the server for its offset each time (as a client resuming after a cut).
    const cuts = [1, 31, 65_536, 700_001, 1_048_576, 1_048_577, bytes.length];
    let offset = 0;
    for (const cut of cuts) {
      const head = await tus.head(me.session, start.submissionId);
      expect(Number(head.headers['upload-offset'])).toBe(offset);
      const res = await tus.patch(me.session, start.submissionId, offset, bytes.subarray(offset, cut));
      expect(res.statusCode).toBe(204);
      offset = cut;
    }
    // A PATCH at a wrong offset is refused by tus (409) and changes nothing.
    expect((await tus.patch(me.session, start.submissionId, 5, bytes.subarray(5, 10))).statusCode).toBe(409);
    const done = await complete(me.session, start.submissionId, sealed.envelope);
    expect(done.statusCode, done.body).toBe(200);
    const [row] = await t.services.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, start.submissionId));
    const stored = await t.services.blobs.get(row?.blobKey ?? '');
    const chunks: Buffer[] = [];
    for await (const c of stored ?? []) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(Buffer.from(bytes))).toBe(true);
    expect(readdirSync(join(dataDir, 'uploads')).filter((f) => f.startsWith(start.submissionId))).toEqual([]);

    // Cut off and never finished: not counted, then swept with its bytes.
    const other = await startBid(me.session, project.id, lot.id);
    const sealed2 = await sealForSubmission(other, me.keys, priceSheetFor(lot.id, 901), []);
    await tus.create(me.session, other.submissionId, sealed2.ciphertext.length);
    await tus.patch(me.session, other.submissionId, 0, sealed2.ciphertext.subarray(0, 20));
    expect(readdirSync(join(dataDir, 'uploads')).some((f) => f.startsWith(other.submissionId))).toBe(true);
    const submitted = (
      await t.services.db.select().from(bidSubmissions).where(eq(bidSubmissions.lotId, lot.id))
    ).filter((r) => r.state === 'submitted');
    expect(submitted.map((r) => r.id)).toEqual([start.submissionId]);
    t.clock.advance(25 * 3600 * 1000);
    await t.services.jobs.drain();
    const [expired] = await t.services.db
      .select()
      .from(bidSubmissions)
      .where(eq(bidSubmissions.id, other.submissionId));
    expect(expired?.state).toBe('expired');
    expect(readdirSync(join(dataDir, 'uploads')).some((f) => f.startsWith(other.submissionId))).toBe(false);
    const fresh = await logIn(t.app, me.user.login);
    const late = await tus.patch(fresh, other.submissionId, 20, sealed2.ciphertext.subarray(20));
    expect(late.statusCode).toBe(409);
  });

  it('keeps uploads and submissions to their owners', async () => {
    const me = await supplier();
    const them = await supplier();
    const { project, lot } = await publishedProject(t);
    const start = await startBid(me.session, project.id, lot.id);
    expect((await tus.create(them.session, start.submissionId, 100)).statusCode).toBe(404);
    expect((await tus.head(them.session, start.submissionId)).statusCode).toBe(404);
    const own = await them.session.inject({ method: 'GET', url: `/api/bids/submissions/${start.submissionId}` });
    expect(own.statusCode).toBe(404);
    const noCert = await logIn(t.app, (await makeUser(t, 'supplier')).login);
    await obtainDocuments(noCert, project.id);
    const r = await noCert.inject({
      method: 'POST',
      url: '/api/bids/submissions',
      payload: { projectId: project.id, lotId: lot.id },
    });
    expect(r.json<ErrorBody>().error.code).toBe('CERTIFICATE_REQUIRED');
  });
  it('refuses a bid from a supplier that has not obtained the documents, or that is barred, and records nothing', async () => {
    const me = await supplier();
    const { project, lot } = await publishedProject(t);
    const start = () =>
      me.session.inject({
        method: 'POST',
        url: '/api/bids/submissions',
        payload: { projectId: project.id, lotId: lot.id },
      });
    const before = await t.services.db.select().from(bidSubmissions);
    const notObtained = await start();
    expect(notObtained.statusCode).toBe(403);
    expect(notObtained.json<ErrorBody>().error.code).toBe('DOCUMENTS_NOT_OBTAINED');
    await obtainDocuments(me.session, project.id);
    const supervisor = await makeUser(t, 'supervisor');
    await t.services.db.insert(barredSuppliers).values({
      organisationId: me.session.organisationId ?? '',
      reason: '提供虚假材料谋取中标',
      decisionReference: '六财采处〔2026〕3号',
      barredFrom: t.clock.now(),
      recordedByUserId: supervisor.id,
      recordedAt: t.clock.now(),
    });
    const barred = await start();
    expect(barred.statusCode).toBe(403);
    expect(barred.json<ErrorBody>().error.code).toBe('SUPPLIER_BARRED');
    expect(barred.json<ErrorBody>().error.message.zh).toContain('提供虚假材料谋取中标');
    expect(await t.services.db.select().from(bidSubmissions)).toEqual(before);
  });
});
