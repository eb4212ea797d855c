import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKeyFile, generateUserKeys, issueCertificate, randomSerial, serializeKeyFile } from '@zhengcai/seal';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../apps/server/src/db/client';
import { migrateDatabase } from '../../apps/server/src/db/migrate';
import {
  certificates,
  documentObtainings,
  lots,
  organisations,
  projects,
  users,
} from '../../apps/server/src/db/schema';
import { systemClock } from '../../apps/server/src/platform/clock';
import { platformKeyPassword } from '../../apps/server/src/platform/keys/key-password';
import { PlatformKeys } from '../../apps/server/src/platform/keys/platform-keys';
import { ARTIFACTS, closeBrowser, logInAs, newPage, openBrowser, screenshot } from '../support/browser';
import { DEMO, demoUser } from '../support/suite';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * C9 in the browser: a supplier with a certificate submits a sealed bid with a multi-megabyte file on a published
 * project, replaces it, withdraws and resubmits it, and downloads its receipt (JSON and PDF). The server runs twice
 * on one data directory: first to seed the demo city, then — after this test added a published project and the
 * supplier's certificate (as enrolment will) — for the browser.
 */
const serverDir = fileURLToPath(new URL('../../apps/server/', import.meta.url));
const webDist = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
const KEY_PASSWORD = 'key-file-Passw0rd';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function boot(dataDir: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    WEB_DIST: webDist,
    SEED_DEMO: 'true',
    SCRYPT_LOG_N: '12',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_PER_MINUTE: '1000',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, stop };
}

/** A published project with one lot, and the supplier's certificates; returns the project id and key file path. */
async function prepare(dataDir: string, supplierLogin: string, purchaserLogin: string) {
  const database = await openDatabase({ kind: 'pglite', dataDir: `${dataDir}/pglite` });
  try {
    await migrateDatabase(database);
    const db = database.db;
    const [supplier] = await db.select().from(users).where(eq(users.login, supplierLogin));
    const [purchaser] = await db.select().from(users).where(eq(users.login, purchaserLogin));
    if (!supplier?.organisationId || !purchaser?.organisationId) throw new Error('demo users missing');
    const [org] = await db.select().from(organisations).where(eq(organisations.id, supplier.organisationId));
    const now = new Date();
    const [project] = await db
      .insert(projects)
      .values({
        code: 'ZC-2026-E2E001',
        title: '六盘水市政务云平台运维服务采购项目',
        method: 'open-tender',
        category: 'services',
        purchaserOrganisationId: purchaser.organisationId,
        createdByUserId: purchaser.id,
        status: 'published',
        publishedAt: now,
        bidDeadline: new Date(now.getTime() + 20 * 24 * 3600 * 1000),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!project) throw new Error('no project');
    await db.insert(lots).values({
      projectId: project.id,
      number: 1,
      title: '政务云平台运维服务',
      categoryCode: 'C16070000',
      budgetFen: 380_000_000,
      evaluationMethod: 'comprehensive-scoring',
      criteria: [],
      priceSheetFields: [{ key: 'warranty', label: '质保期', kind: 'text', required: true }],
    });
    // The supplier obtained the documents (C8) — bidding requires it; documents.e2e.ts drives that step in the UI.
    await db.insert(documentObtainings).values({
      projectId: project.id,
      organisationId: supplier.organisationId,
      obtainedByUserId: supplier.id,
      obtainedAt: now,
    });
    const keysOfPlatform = new PlatformKeys(db, systemClock, 'gm', () => platformKeyPassword(null, dataDir));
    const set = await keysOfPlatform.get();
    const keys = await generateUserKeys('gm');
    const subject = {
      userId: supplier.id,
      name: supplier.displayName,
      role: 'supplier',
      organisationId: org?.id ?? null,
    };
    const validity = {
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + 365 * 86400_000),
    };
    const bundleId = crypto.randomUUID();
    for (const usage of ['signing', 'encryption'] as const) {
      const publicKey = keys[usage].publicKey;
      const cert = await issueCertificate({ ca: set.ca, subject, publicKey, usage, validity, serial: randomSerial() });
      await db.insert(certificates).values({
        bundleId,
        userId: supplier.id,
        organisationId: supplier.organisationId,
        suite: 'gm',
        usage,
        serial: cert.serial,
        subject: `CN=${supplier.displayName}`,
        publicKey,
        fingerprint: cert.fingerprint,
        certificatePem: cert.pem,
        notBefore: validity.notBefore,
        notAfter: validity.notAfter,
        issuedAt: now,
      });
    }
    const keyFile = await createKeyFile(keys, KEY_PASSWORD, {
      subject: { userId: supplier.id, login: supplier.login, organisationId: org?.id ?? null },
    });
    const keyPath = join(dataDir, 'my-key.zckey.json');
    writeFileSync(keyPath, serializeKeyFile(keyFile));
    return { projectId: project.id, keyPath };
  } finally {
    await database.close();
  }
}

describe('sealed bid in the browser', () => {
  let dataDir: string;
  let server: { base: string; stop: () => Promise<void> };
  let browser: BrowserContext;
  let projectId: string;
  let keyPath: string;
  const supplier = demoUser('supplier1');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'zc-e2e-bids-'));
    const first = await boot(dataDir);
    await first.stop();
    ({ projectId, keyPath } = await prepare(dataDir, 'supplier1', 'purchaser1'));
    server = await boot(dataDir);
    browser = await openBrowser();
  }, 240_000);
  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function fillAndSubmit(page: Page, price: string, bigFile: string, shot: string) {
    const lot = page.getByTestId('lot-1');
    await lot.getByTestId('price').fill(price);
    await lot.getByTestId('delivery').fill('合同签订后30日历天');
    await lot.getByTestId('field-warranty').fill('三年');
    await lot.locator('input[type=file]').first().setInputFiles(bigFile);
    await lot.locator('input[type=file]').nth(1).setInputFiles(keyPath);
    await lot.getByTestId('key-password').fill(KEY_PASSWORD);
    await screenshot(page, `${shot}-filled`);
    await lot.getByTestId('submit-bid').click();
    await page.getByTestId('receipt').waitFor({ timeout: 120_000 });
    await screenshot(page, `${shot}-receipt`);
  }

  it('submits, replaces, withdraws, resubmits and downloads the receipt', async () => {
    const big = join(dataDir, '技术方案.bin');
    const bytes = Buffer.alloc(6 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes.write(`第${i}段技术方案内容`, i);
    writeFileSync(big, bytes);

    const page = await newPage(browser);
    await logInAs(page, server.base, supplier.login, DEMO.password);
    await page.goto(`${server.base}/workspace/tenders/${projectId}/bid`);
    await page.getByTestId('lot-1').waitFor();
    await page.getByTestId('lot-1').getByTestId('price').fill('3,456,789.12');
    expect(await page.getByText('叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分').count()).toBe(1);
    await screenshot(page, 'bids-01-page');

    await fillAndSubmit(page, '3456789.12', big, 'bids-02-first');
    expect(await page.getByTestId('my-bids').getByText('已递交').count()).toBe(1);

    await page.reload();
    await page.getByTestId('lot-1').waitFor();
    await fillAndSubmit(page, '3400000', big, 'bids-03-replace');
    expect(await page.getByTestId('my-bids').getByText('已被替换').count()).toBe(1);

    await page.getByTestId('withdraw').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('my-bids').getByText('已撤回').waitFor();
    await screenshot(page, 'bids-04-withdrawn');

    await fillAndSubmit(page, '3399999.99', big, 'bids-05-resubmit');
    const json = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-json').click()]);
    const jsonPath = join(ARTIFACTS, 'bids-receipt.json');
    await json[0].saveAs(jsonPath);
    const receipt = JSON.parse(readFileSync(jsonPath, 'utf8')) as { receipt: { project: { code: string } } };
    expect(receipt.receipt.project.code).toBe('ZC-2026-E2E001');
    const pdf = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-pdf').click()]);
    const pdfPath = join(ARTIFACTS, 'bids-receipt.pdf');
    await pdf[0].saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    try {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdfPath, join(ARTIFACTS, 'bids-06-receipt-pdf')]);
    } catch {
      // pdftoppm is optional: the PDF itself is kept
    }
    expect(existsSync(pdfPath)).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'bids-07-phone');
  }, 600_000);
});
