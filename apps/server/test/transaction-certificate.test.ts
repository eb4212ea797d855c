import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { canonicalBytes, fromHex, getSuite, toHex } from '@zhengcai/seal';
import { count, eq } from 'drizzle-orm';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, transactionCertificates } from '../src/db/schema';
import { extractProof } from '../src/modules/transaction-certificates/embedded-proof';
import {
  issueTransactionCertificate,
  type IssueCertificateInput,
} from '../src/modules/transaction-certificates/issue-transaction-certificate';
import { errorSchema } from '../src/platform/http/responses';
import { awardableLot, issuedCertificate, newOrganisation } from './support/transaction-certificate';
import { createTestApp, sessionAs, type TestApp } from './support/test-app';

const PUBLIC_BASE = 'https://ggzy.lps.example.gov.cn';
const nobody = { userId: null, organisationId: null };

async function pdfOf(t: TestApp, number: string): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url: `/api/verify/certificates/${number}/pdf` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return res.rawPayload;
}

function check(t: TestApp, number: string, bytes: Buffer, remoteAddress = '10.20.0.1') {
  return t.app.inject({
    method: 'POST',
    url: `/api/verify/certificates/${number}/check`,
    headers: { 'content-type': 'application/pdf' },
    payload: bytes,
    remoteAddress,
  });
}

/** Decodes the QR code in a binary PGM (P5) page image. */
function qrText(pgm: Buffer): string | null {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header?.[1] || !header[2]) throw new Error('not a binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.fill(grey[i] ?? 255, i * 4, i * 4 + 3);
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

interface CheckAnswer {
  genuine: boolean;
  unchanged: boolean;
  embeddedProof: string;
  status: string;
  reasons: { code: string; ok: boolean; message: { zh: string; en: string } }[];
}

const eventsOf = async (t: TestApp, type: string) =>
  (await t.services.db.select().from(events).where(eq(events.type, type))).length;

describe('transaction certificates (交易证明书)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: `${PUBLIC_BASE}/` });
  });
  afterAll(() => t.close());

  it('issues: facts, number, signature over the facts hash, the PDF stored and registered, a public event', async () => {
    const { row, created, lot, winnerOrganisationId, resultNoticeId } = await issuedCertificate(t);
    expect(created).toBe(true);
    expect(row.number).toMatch(/^JYZM-\d{4}-\d{6}$/);
    const facts = row.facts as Record<string, unknown> & { winner: { organisationId: string }; verifyUrl: string };
    expect(facts).toMatchObject({
      type: 'zhengcai-transaction-certificate',
      number: row.number,
      lot: { id: lot.id, number: 1 },
      winner: { organisationId: winnerOrganisationId },
      contractAmount: { fen: 123_456_789, figures: '1,234,567.89', capital: '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分' },
      resultNotice: { id: resultNoticeId },
      issuer: { name: '六盘水市公共资源交易中心' },
      project: { method: 'open-tender', methodName: { zh: '公开招标', en: 'Open tender' } },
      issuedAt: t.clock.now().toISOString(),
    });
    // The QR code's address: PUBLIC_BASE_URL (its trailing slash dropped) + the public page.
    expect(facts.verifyUrl).toBe(`${PUBLIC_BASE}/verify/certificates/${row.number}`);

    // The facts hash is SM3 over the canonical JSON, and the service key's signature over its 32 bytes verifies.
    const keys = await t.services.platformKeys.get();
    expect(row.suite).toBe('gm');
    expect(row.factsHashAlgorithm).toBe('SM3');
    expect(row.factsHash).toBe(toHex(await getSuite('gm').hash(canonicalBytes(row.facts))));
    expect(row.keyId).toBe(keys.service.certificate.fingerprint);
    expect(await getSuite('gm').verify(keys.service.keys.publicKey, fromHex(row.factsHash), row.signature)).toBe(true);

    // The PDF: in the blob store under its SHA-256, one A4 page, the proof attached inside, metadata from the facts.
    const blob = await t.services.blobs.stat(row.pdfSha256);
    expect(blob?.size).toBe(row.pdfSize);
    const pdf = await pdfOf(t, row.number);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(row.pdfSha256);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize().width).toBeCloseTo(595.28, 1);
    expect(doc.getTitle()).toContain(row.number);
    expect(doc.getKeywords()).toContain(facts.verifyUrl);
    const proof = await extractProof(pdf);
    expect(proof.kind).toBe('found');
    if (proof.kind === 'found') {
      expect(proof.proof.factsHash.value).toBe(row.factsHash);
      expect(proof.proof.signature.value).toBe(row.signature);
      expect(canonicalBytes(proof.rawFacts)).toEqual(canonicalBytes(row.facts));
    }

    const [event] = await t.services.db.select().from(events).where(eq(events.type, 'award.certificate_issued'));
    expect(event?.audience).toBe('public');
    expect(event?.payload).toMatchObject({ number: row.number, factsHash: row.factsHash, pdfSha256: row.pdfSha256 });
  });

  it('renders a PDF that poppler reads: Chinese text, the number and the amount in 大写, a QR code that decodes to the URL', async () => {
    // poppler-utils (README; .ci/run installs it) reads the PDF as a viewer would.
    expect(existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm'), 'apt-get install poppler-utils').toBe(
      true,
    );
    const { row } = await issuedCertificate(t);
    const dir = mkdtempSync(join(tmpdir(), 'zc-cert-'));
    try {
      const file = join(dir, 'certificate.pdf');
      writeFileSync(file, await pdfOf(t, row.number));
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
      expect(text).toMatch(/交\s*易\s*证\s*明\s*书/);
      for (const expected of [
        row.number,
        '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分',
        '交易证明专用章',
        '六盘水市公共资源交易中心',
      ]) {
        expect(text).toContain(expected);
      }
      execFileSync('pdftoppm', ['-png', '-r', '30', '-singlefile', file, join(dir, 'page')]);
      expect(readFileSync(join(dir, 'page.png')).length).toBeGreaterThan(5_000);
      // The QR code, as a phone's camera would read it off the page, leads to the verification page.
      execFileSync('pdftoppm', ['-gray', '-r', '150', '-singlefile', file, join(dir, 'page')]);
      expect(qrText(readFileSync(join(dir, 'page.pgm')))).toBe((row.facts as { verifyUrl: string }).verifyUrl);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is idempotent per lot: issuing again, even at once, returns the first certificate and writes nothing', async () => {
    const lot = await awardableLot(t);
    const input = {
      lotId: lot.lot.id,
      winnerOrganisationId: lot.winnerOrganisationId,
      contractAmountFen: 99_800_00,
      resultNoticeId: null,
      issuedBy: nobody,
    };
    const [a, b] = await Promise.all([
      issueTransactionCertificate(t.services, input),
      issueTransactionCertificate(t.services, input),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.row.id).toBe(b.row.id);
    const issuedEvents = await eventsOf(t, 'award.certificate_issued');
    const again = await issueTransactionCertificate(t.services, { ...input, contractAmountFen: 1 });
    expect(again).toMatchObject({ created: false, row: { id: a.row.id, number: a.row.number } });
    expect(await eventsOf(t, 'award.certificate_issued')).toBe(issuedEvents);
    const [rows] = await t.services.db
      .select({ n: count() })
      .from(transactionCertificates)
      .where(eq(transactionCertificates.lotId, lot.lot.id));
    expect(rows?.n).toBe(1);
  });

  it('refuses what cannot be awarded, and writes nothing', async () => {
    const before = {
      rows: (await t.services.db.select({ n: count() }).from(transactionCertificates))[0]?.n,
      events: await eventsOf(t, 'award.certificate_issued'),
    };
    const lot = await awardableLot(t);
    const base: IssueCertificateInput = {
      lotId: lot.lot.id,
      winnerOrganisationId: lot.winnerOrganisationId,
      contractAmountFen: 100_00,
      resultNoticeId: null,
      issuedBy: nobody,
    };
    const early = await awardableLot(t, { deadlineInDays: 3 });
    const other = await awardableLot(t);
    const cases: Array<[Partial<typeof base>, string]> = [
      [{ lotId: '7d2c5a0e-3b1f-4c8e-9a6d-2f4b8c1e0a93' }, 'NOT_FOUND'],
      [{ contractAmountFen: 0 }, 'VALIDATION_FAILED'],
      [{ contractAmountFen: 1.5 }, 'VALIDATION_FAILED'],
      [{ winnerOrganisationId: (await newOrganisation(t, 'supplier')).id }, 'AWARD_NOT_POSSIBLE'],
      [{ winnerOrganisationId: (await newOrganisation(t, 'purchaser')).id }, 'VALIDATION_FAILED'],
      [{ resultNoticeId: other.resultNoticeId }, 'VALIDATION_FAILED'],
      [{ lotId: early.lot.id, winnerOrganisationId: early.winnerOrganisationId }, 'AWARD_NOT_POSSIBLE'],
    ];
    for (const [change, code] of cases) {
      await expect(issueTransactionCertificate(t.services, { ...base, ...change }), code).rejects.toMatchObject({
        code,
      });
    }
    expect((await t.services.db.select({ n: count() }).from(transactionCertificates))[0]?.n).toBe(before.rows);
    expect(await eventsOf(t, 'award.certificate_issued')).toBe(before.events);
  });

  it('GET /api/verify/certificates/:number: the registered facts, valid signature, status; unknown → bilingual 404', async () => {
    const { row } = await issuedCertificate(t);
    const res = await t.app.inject({ method: 'GET', url: `/api/verify/certificates/${row.number.toLowerCase()}` });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<{
      number: string;
      status: string;
      facts: { number: string; winner: { name: string } };
      signature: { valid: boolean; algorithm: string; keyFingerprint: string };
      pdf: { sha256: string; url: string };
      verifyUrl: string;
    }>();
    expect(view).toMatchObject({
      number: row.number,
      status: 'valid',
      facts: { number: row.number },
      signature: { valid: true, algorithm: 'SM2-with-SM3', keyFingerprint: row.keyId },
      pdf: { sha256: row.pdfSha256, url: `/api/verify/certificates/${row.number}/pdf` },
    });

    const unknown = await t.app.inject({ method: 'GET', url: '/api/verify/certificates/JYZM-2026-999999' });
    expect(unknown.statusCode).toBe(404);
    const { error } = errorSchema.parse(unknown.json());
    expect(error.code).toBe('TRANSACTION_CERTIFICATE_NOT_FOUND');
    expect(error.message.zh).toContain('JYZM-2026-999999');
    expect(error.message.en).toContain('no transaction certificate');
    const bad = await t.app.inject({ method: 'GET', url: '/api/verify/certificates/ZC-2026-0001' });
    expect(bad.statusCode).toBe(400);
    expect(errorSchema.parse(bad.json()).error.fields?.[0]?.field).toBe('params.number');
  });

  it('a stored row whose facts were changed no longer verifies', async () => {
    const { row } = await issuedCertificate(t);
    const facts = { ...row.facts, contractAmount: { currency: 'CNY', fen: 1, figures: '0.01', capital: '壹分' } };
    await t.services.db.update(transactionCertificates).set({ facts }).where(eq(transactionCertificates.id, row.id));
    const res = await t.app.inject({ method: 'GET', url: `/api/verify/certificates/${row.number}` });
    expect(res.json<{ signature: { valid: boolean; hashMatches: boolean } }>().signature).toMatchObject({
      valid: false,
      hashMatches: false,
    });
    const copy = await check(t, row.number, await pdfOf(t, row.number));
    expect(copy.json<CheckAnswer>()).toMatchObject({ genuine: false, unchanged: true });
    expect(copy.json<CheckAnswer>().reasons.map((r) => r.code)).toContain('REGISTRATION_INVALID');
  });

  describe('checking a copy', () => {
    let number: string;
    let original: Buffer;
    beforeAll(async () => {
      number = (await issuedCertificate(t)).row.number;
      original = await pdfOf(t, number);
    });

    it('the original → genuine and unchanged', async () => {
      const res = await check(t, number, original);
      expect(res.statusCode, res.body).toBe(200);
      const answer = res.json<CheckAnswer>();
      expect(answer).toMatchObject({ genuine: true, unchanged: true, embeddedProof: 'valid', status: 'valid' });
      expect(answer.reasons.map((r) => [r.code, r.ok])).toEqual([
        ['SHA256_MATCHES', true],
        ['PROOF_VALID', true],
      ]);
    });

    it('the same bytes as application/octet-stream → genuine', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/verify/certificates/${number}/check`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: original,
      });
      expect(res.json<CheckAnswer>().genuine).toBe(true);
    });

    it('one byte altered → not unchanged, not genuine, and says the file was tampered with', async () => {
      // A digit of the amount in the page's content would do; any byte will, so change one in the middle.
      const altered = Buffer.from(original);
      const at = Math.floor(altered.length / 2);
      altered[at] = (altered[at] ?? 0) ^ 0x01;
      const answer = (await check(t, number, altered)).json<CheckAnswer>();
      expect(answer).toMatchObject({ genuine: false, unchanged: false });
      const differs = answer.reasons.find((r) => r.code === 'SHA256_DIFFERS');
      expect(differs?.ok).toBe(false);
      expect(differs?.message.zh).toContain('已被篡改');
      expect(differs?.message.en).toContain('altered');
    });

    it('a re-saved copy whose text changed keeps a valid embedded proof but is not genuine', async () => {
      const doc = await PDFDocument.load(original, { updateMetadata: false });
      doc.setTitle('改过的证明书');
      const answer = (await check(t, number, Buffer.from(await doc.save()))).json<CheckAnswer>();
      expect(answer).toMatchObject({ genuine: false, unchanged: false, embeddedProof: 'valid' });
    });

    it('a PDF that is not ours → not genuine (no proof in it); bytes that are not a PDF → not genuine', async () => {
      const stranger = await PDFDocument.create();
      stranger.addPage([595, 842]).drawText('Transaction certificate JYZM', { x: 50, y: 700 });
      const foreign = (await check(t, number, Buffer.from(await stranger.save()))).json<CheckAnswer>();
      expect(foreign).toMatchObject({ genuine: false, unchanged: false, embeddedProof: 'missing' });
      const junk = (await check(t, number, Buffer.from('not a pdf at all'))).json<CheckAnswer>();
      expect(junk).toMatchObject({ genuine: false, unchanged: false, embeddedProof: 'not_pdf' });
      const empty = (await check(t, number, Buffer.alloc(0))).json<CheckAnswer>();
      expect(empty).toMatchObject({ genuine: false, embeddedProof: 'not_pdf' });
    });

    it("another certificate's genuine PDF → not genuine for this number", async () => {
      const other = (await issuedCertificate(t)).row.number;
      const answer = (await check(t, number, await pdfOf(t, other))).json<CheckAnswer>();
      expect(answer).toMatchObject({ genuine: false, unchanged: false, embeddedProof: 'other_certificate' });
    });

    it('an unknown number → 404; a JSON body → 415; more than 30 checks a minute from one address → 429', async () => {
      expect((await check(t, 'JYZM-2026-999999', original)).statusCode).toBe(404);
      const json = await t.app.inject({
        method: 'POST',
        url: `/api/verify/certificates/${number}/check`,
        payload: { pdf: 'JVBERi0=' },
      });
      expect(errorSchema.parse(json.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) statuses.push((await check(t, number, Buffer.from('x'), '10.20.9.9')).statusCode);
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(statuses[30]).toBe(429);
    });
  });

  it('revocation (centre only, with a reason): the status is revoked, the copy is still ours, again → 409', async () => {
    const { row } = await issuedCertificate(t);
    const supplier = await sessionAs(t, 'supplier');
    const refused = await supplier.inject({
      method: 'POST',
      url: `/api/transaction-certificates/${row.number}/revoke`,
      payload: { reason: '投诉处理决定撤销中标结果' },
    });
    expect(refused.statusCode).toBe(403);
    const centre = await sessionAs(t, 'centre');
    const revoke = () =>
      centre.inject({
        method: 'POST',
        url: `/api/transaction-certificates/${row.number}/revoke`,
        payload: { reason: '投诉处理决定撤销中标结果' },
      });
    const res = await revoke();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revocationReason: '投诉处理决定撤销中标结果' });
    const view = await t.app.inject({ method: 'GET', url: `/api/verify/certificates/${row.number}` });
    expect(view.json()).toMatchObject({ status: 'revoked', signature: { valid: true } });
    const copy = (await check(t, row.number, await pdfOf(t, row.number))).json<CheckAnswer>();
    expect(copy).toMatchObject({ genuine: true, unchanged: true, status: 'revoked' });
    expect(copy.reasons.find((r) => r.code === 'REVOKED')?.message.zh).toContain('撤销');
    const again = await revoke();
    expect(again.statusCode).toBe(409);
    expect(errorSchema.parse(again.json()).error.code).toBe('TRANSACTION_CERTIFICATE_REVOKED');
    expect(await eventsOf(t, 'award.certificate_revoked')).toBe(1);
  });

  it('oversight lists the certificates issued, newest first', async () => {
    const { row } = await issuedCertificate(t);
    const supervisor = await sessionAs(t, 'supervisor');
    const res = await supervisor.inject({ method: 'GET', url: '/api/transaction-certificates' });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { number: string; contractAmountFen: number }[] }>().items;
    expect(items.find((i) => i.number === row.number)).toMatchObject({ contractAmountFen: 123_456_789 });
  });
});

describe('transaction certificates with the international suite', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ CRYPTO_SUITE: 'intl' });
  });
  afterAll(() => t.close());

  it('hashes with SHA-256, signs with ECDSA P-256; without PUBLIC_BASE_URL the QR address is the request origin', async () => {
    const { row } = await issuedCertificate(t, { requestOrigin: 'https://portal.example.cn' });
    expect(row).toMatchObject({ suite: 'intl', factsHashAlgorithm: 'SHA-256' });
    expect((row.facts as { verifyUrl: string }).verifyUrl).toBe(
      `https://portal.example.cn/verify/certificates/${row.number}`,
    );
    const view = await t.app.inject({ method: 'GET', url: `/api/verify/certificates/${row.number}` });
    expect(view.json()).toMatchObject({ signature: { valid: true, algorithm: 'ECDSA-P256-SHA256' } });
    const pdf = await pdfOf(t, row.number);
    expect((await check(t, row.number, pdf)).json<CheckAnswer>()).toMatchObject({ genuine: true, unchanged: true });
  });
});
