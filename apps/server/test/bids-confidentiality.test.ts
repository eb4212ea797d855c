import { readFileSync, readdirSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toChineseCapital, formatFen } from '@zhengcai/domain';
import { canonicalBytes, toBase64Url, toHex, unwrapContentKey } from '@zhengcai/seal';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  complete,
  issueTestCertificates,
  priceSheetFor,
  publishedProject,
  sealForSubmission,
  startBid,
  tus,
} from './support/bids';
import { createTestApp, logIn, makeUser, type TestApp } from './support/test-app';

/**
 * PRODUCT.md C9, the heart of issue 3: nobody — an administrator with full database, disk and log access included —
 * can read a price before the opening. We submit (and replace) sealed bids through the real routes with every log
 * line captured at the most verbose level, then act as that administrator: dump every row of every table, every file
 * under the data directory (blob store, upload staging, embedded database), and every log line, and search them for
 * the price in every form (fen digits, yuan with and without grouping, 大写, the price-sheet JSON), the attachment's
 * plaintext, the plaintext package, and the content keys (raw, hex, base64).
 */
describe('confidentiality of sealed bids before the opening', () => {
  let t: TestApp;
  let dataDir: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'zc-bids-conf-'));
    t = await createTestApp(
      { DATA_DIR: dataDir, LOG_LEVEL: 'trace' },
      { logStream: { write: (line: string) => void logLines.push(line) } },
    );
  });
  afterAll(async () => {
    await t.close();
  });

  function filesUnder(dir: string): string[] {
    const out: string[] = [];
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) out.push(...filesUnder(path));
      else out.push(path);
    }
    return out;
  }

  async function dumpDatabase(): Promise<string> {
    const result = await t.services.db.execute(
      sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    const parts: string[] = [];
    for (const { table_name } of z.object({ rows: z.array(z.object({ table_name: z.string() })) }).parse(result).rows) {
      const rows = await t.services.db.execute(sql.raw(`select row_to_json(x)::text as j from "${table_name}" x`));
      const parsed = z.object({ rows: z.array(z.object({ j: z.string() })) }).parse(rows);
      parts.push(`## ${table_name}\n${parsed.rows.map((r) => r.j).join('\n')}`);
    }
    return parts.join('\n');
  }

  it('no price, no plaintext and no content key in the database, on disk or in the logs', async () => {
    const user = await makeUser(t, 'supplier');
    const session = await logIn(t.app, user.login);
    const { keys } = await issueTestCertificates(t, { userId: user.id, organisationId: user.organisationId });
    const { project, lot } = await publishedProject(t);

    const prices = [98_765_432_10, 87_654_321_09];
    const secretText = '机密技术方案：核心报价策略 CONFIDENTIAL-MARKER-7f3a';
    const contentKeys: Uint8Array[] = [];
    const ciphertexts: Uint8Array[] = [];
    const sheets = [];
    for (const priceFen of prices) {
      const start = await startBid(session, project.id, lot.id);
      const sheet = priceSheetFor(lot.id, priceFen);
      sheets.push(sheet);
      const sealed = await sealForSubmission(start, keys, sheet, [
        { name: '报价明细.txt', bytes: new TextEncoder().encode(`${secretText}\n总价 ${formatFen(priceFen)} 元`) },
      ]);
      await tus.upload(session, start.submissionId, sealed.ciphertext, 4096);
      const res = await complete(session, start.submissionId, sealed.envelope);
      expect(res.statusCode, res.body).toBe(200);
      // The bidder (only) can recover the content key: we do it here to know what to search for.
      ciphertexts.push(sealed.ciphertext);
      contentKeys.push(await unwrapContentKey(sealed.envelope, keys.encryption.privateKey));
    }

    const database = await dumpDatabase();
    const files = filesUnder(dataDir).map((path) => ({ path, bytes: readFileSync(path) }));
    const logs = logLines.join('');
    expect(database).toContain('bid_submissions');
    expect(files.length).toBeGreaterThan(1);
    expect(logs).toContain('/api/bids/submissions');

    const needles: Array<{ what: string; text: string }> = [];
    for (const [i, priceFen] of prices.entries()) {
      needles.push(
        { what: 'price in fen', text: String(priceFen) },
        { what: 'price in yuan', text: formatFen(priceFen, { grouping: false }) },
        { what: 'price in yuan, grouped', text: formatFen(priceFen) },
        { what: 'price in 大写', text: toChineseCapital(priceFen) },
        { what: 'price sheet JSON', text: new TextDecoder().decode(canonicalBytes(sheets[i])) },
        { what: 'price field', text: `"priceFen":${priceFen}` },
      );
    }
    needles.push({ what: 'attachment plaintext', text: 'CONFIDENTIAL-MARKER-7f3a' });
    needles.push({ what: 'attachment plaintext (zh)', text: '核心报价策略' });
    needles.push({ what: 'plaintext bid package', text: 'zhengcai-bid-package' });
    for (const key of contentKeys) {
      needles.push(
        { what: 'content key hex', text: toHex(key) },
        { what: 'content key base64url', text: toBase64Url(key) },
      );
      needles.push({ what: 'content key base64', text: Buffer.from(key).toString('base64') });
    }

    const found: string[] = [];
    for (const needle of needles) {
      if (database.includes(needle.text)) found.push(`${needle.what} in the database`);
      if (logs.includes(needle.text)) found.push(`${needle.what} in the logs`);
      const bytes = Buffer.from(needle.text, 'utf8');
      for (const f of files) if (f.bytes.includes(bytes)) found.push(`${needle.what} in ${f.path}`);
    }
    for (const key of contentKeys) {
      for (const f of files) if (f.bytes.includes(Buffer.from(key))) found.push(`raw content key in ${f.path}`);
    }
    expect(found).toEqual([]);

    // The searches can find things: the bidder's organisation id is in the database, the ciphertexts are on disk.
    expect(database).toContain(user.organisationId ?? 'missing');
    for (const c of ciphertexts) {
      expect(files.some((f) => f.path.includes('blobs') && f.bytes.includes(Buffer.from(c.subarray(100, 164))))).toBe(
        true,
      );
    }
  });
});
