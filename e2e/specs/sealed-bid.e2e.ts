import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_TENDERS } from '../../apps/server/src/seed/demo-tenders';
import { confirmPopup } from '../support/antd';
import { ARTIFACTS, DESKTOP, PHONE, horizontalOverflow, logInAs, newPage, screenshot } from '../support/browser';
import { seedKey } from '../support/seed-bids';
import { DEMO, useInProcessSuite } from '../support/suite';

/**
 * Issue 3's bid, in one browser: a supplier with its key and certificate (seeded, support/seed-bids.ts) obtains the
 * documents, submits a sealed bid with a multi-megabyte file, replaces it, withdraws and resubmits it, and downloads
 * its receipt. Screenshots of each step are in e2e/artifacts/journey-*.png. Signing up and the centre's approval are
 * registration.e2e's; making the key in the browser and logging in with it are certificates.e2e's (ADR 0023).
 */
const LOGIN = 'supplier5';
const KEY_PASSWORD = 'supplier5-key-2026';

async function bid(page: Page, price: string, files: { attachment: string; key: string }, shot: string) {
  const lot = page.getByTestId('lot-1');
  await lot.getByTestId('price').fill(price);
  await lot.getByTestId('delivery').fill('合同签订后45日历天');
  await lot.locator('input[type=file]').first().setInputFiles(files.attachment);
  await lot.locator('input[type=file]').nth(1).setInputFiles(files.key);
  await lot.getByTestId('key-password').fill(KEY_PASSWORD);
  await lot.getByTestId('submit-bid').click();
  await page.getByTestId('receipt').waitFor({ timeout: 180_000 });
  await screenshot(page, shot);
}

describe('a supplier seals, replaces, withdraws and resubmits a bid, and downloads its receipt', () => {
  const suite = useInProcessSuite({ demo: true });

  it('obtains the documents, bids with a 4 MB file, replaces, withdraws, resubmits; the receipt verifies', async () => {
    const base = suite.server.base;
    const page = await newPage(suite.browser, DESKTOP);
    const { keyFile } = await seedKey(suite.server, LOGIN, KEY_PASSWORD, 'journey');
    await logInAs(page, base, LOGIN, DEMO.password);

    // 1. Obtaining the documents of a published tender, then to the bid page.
    await page.goto(`${base}/workspace/tenders/${DEMO_TENDERS.early.id}`);
    await page.getByTestId('obtain-button').click();
    await page.getByTestId('obtained').waitFor();
    await screenshot(page, 'journey-05-obtained');
    await page.getByTestId('go-bid').click();
    await page.getByTestId('lot-1').waitFor();
    // The price is shown in 大写 as it is typed (thousands separators accepted).
    await page.getByTestId('lot-1').getByTestId('price').fill('1,735,000.12');
    await page.getByText('壹佰柒拾叁万伍仟元壹角贰分').waitFor();

    // 2. A sealed bid with a 4 MB attachment; replaced; withdrawn; resubmitted.
    const attachment = join(ARTIFACTS, 'journey-技术响应文件.bin');
    const bytes = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes.write(`技术响应第${i}段`, i);
    writeFileSync(attachment, bytes);
    const files = { attachment, key: keyFile };
    await bid(page, '1735000', files, 'journey-06-submitted');
    expect(await page.getByTestId('my-bids').getByText('已递交').count()).toBe(1);
    await page.reload();
    await page.getByTestId('lot-1').waitFor();
    await bid(page, '1728800.50', files, 'journey-07-replaced');
    expect(await page.getByTestId('my-bids').getByText('已被替换').count()).toBe(1);
    await page.getByTestId('withdraw').click();
    await confirmPopup(page);
    await page.getByTestId('my-bids').getByText('已撤回').waitFor();
    await screenshot(page, 'journey-08-withdrawn');
    await bid(page, '1726000', files, 'journey-09-resubmitted');

    // 3. The receipt, as JSON (verified by the public endpoint) and as PDF.
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-json').click()]);
    const jsonPath = join(ARTIFACTS, 'journey-receipt.json');
    await json.saveAs(jsonPath);
    const verified = await fetch(`${base}/api/bids/receipts/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: readFileSync(jsonPath, 'utf8'),
    });
    expect(await verified.json()).toEqual({ signatureValid: true, matchesStoredBid: true, state: 'submitted' });
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-pdf').click()]);
    const pdfPath = join(ARTIFACTS, 'journey-receipt.pdf');
    await pdf.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    try {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdfPath, join(ARTIFACTS, 'journey-10-receipt-pdf')]);
    } catch {
      // pdftoppm (poppler-utils) is optional: the PDF itself is kept
    }
    await page.setViewportSize(PHONE);
    await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'journey-11-bid-page-phone');
    await page.close();
  }, 600_000);
});
