import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildUscc } from '@zhengcai/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_TENDERS } from '../../apps/server/src/seed/demo-tenders';
import {
  ARTIFACTS,
  DESKTOP,
  PHONE,
  closeBrowser,
  horizontalOverflow,
  logInAs,
  logOut,
  makeKeyFile,
  newPage,
  openBrowser,
  screenshot,
} from '../support/browser';
import { DEMO, useSuite } from '../support/suite';

/**
 * Issue 3's whole path in one browser: a supplier registers, is approved, creates its key, logs in by certificate,
 * obtains the documents, submits a sealed bid with a multi-megabyte file, replaces it, withdraws and resubmits it,
 * and downloads its receipt. Screenshots of each step are in e2e/artifacts/journey-*.png. It runs on both database
 * modes, like every spec (the server comes from support/server.ts).
 */
const NAME = '六盘水市钟山区凉都智算科技有限公司';
const USCC = buildUscc('91', '520201', 'MA7JRN5Q');
const LOGIN = 'zhisuan';
const PASSWORD = 'Zhisuan2026abc';
const KEY_PASSWORD = 'zhisuan-key-2026';

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

describe('a supplier from registration to a sealed, receipted bid', () => {
  const suite = useSuite();

  it('registers, is approved, makes its key, logs in by certificate, obtains the documents and bids', async () => {
    const base = suite.server.base;
    const page = await newPage(suite.browser, DESKTOP);

    // 1. Registration with the classification figures and the SME declaration.
    await page.goto(`${base}/register`);
    await page.getByLabel('单位名称').fill(NAME);
    await page.getByLabel('统一社会信用代码').fill(USCC);
    await page.getByLabel('所属行业').fill('软件');
    await page.getByTitle('软件和信息技术服务业').click();
    await page.getByLabel('从业人员').fill('35');
    await page.getByLabel('营业收入').fill('420');
    await page.getByTestId('derived-scale').getByText('小型企业').first().waitFor();
    await page.getByLabel('我已阅读上述声明函，确认其内容真实').check();
    await page.getByLabel('账号名').fill(LOGIN);
    await page.getByLabel('联系人姓名').fill('韦宁');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('电子邮箱').fill('weining@example.cn');
    await page.getByLabel('手机号码').fill('13985867890');
    await screenshot(page, 'journey-01-register');
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByText('等待交易中心审核').waitFor();

    // 2. The centre approves (its own browser).
    const centreBrowser = await openBrowser(DESKTOP);
    try {
      const centre = await centreBrowser.newPage();
      await logInAs(centre, base, 'centre', DEMO.password);
      await centre.getByTestId('workspace-menu').getByText('注册审核').click();
      const row = centre.getByRole('row').filter({ hasText: NAME });
      await row.waitFor();
      await screenshot(centre, 'journey-02-centre-review');
      await row.getByRole('button', { name: '通过' }).click();
      await centre.getByText('已通过审核').waitFor();
    } finally {
      await closeBrowser(centreBrowser);
    }

    // 3. The supplier makes its key in the browser and gets its certificate; the key file is downloaded.
    await logInAs(page, base, LOGIN, PASSWORD);
    const keyFile = await makeKeyFile(page, KEY_PASSWORD, 'journey', 'journey-03-certificate');

    // 4. Login by certificate with the downloaded key file.
    await logOut(page, base);
    await page.goto(`${base}/login`);
    await page.getByRole('tab', { name: '证书登录' }).click();
    await page.getByText('上传密钥文件', { exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(keyFile);
    await page.getByTestId('cert-login-password').fill(KEY_PASSWORD);
    await screenshot(page, 'journey-04-certificate-login', { fullPage: false });
    await page.getByTestId('cert-login-submit').click();
    await page.getByTestId('welcome').waitFor();

    // 5. Obtaining the documents of a published tender, then to the bid page.
    await page.goto(`${base}/workspace/tenders/${DEMO_TENDERS.early.id}`);
    await page.getByTestId('obtain-button').click();
    await page.getByTestId('obtained').waitFor();
    await screenshot(page, 'journey-05-obtained');
    await page.getByTestId('go-bid').click();
    await page.getByTestId('lot-1').waitFor();
    // The price is shown in 大写 as it is typed (thousands separators accepted).
    await page.getByTestId('lot-1').getByTestId('price').fill('1,735,000.12');
    await page.getByText('壹佰柒拾叁万伍仟元壹角贰分').waitFor();

    // 6. A sealed bid with a 4 MB attachment; replaced; withdrawn; resubmitted.
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
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('my-bids').getByText('已撤回').waitFor();
    await screenshot(page, 'journey-08-withdrawn');
    await bid(page, '1726000', files, 'journey-09-resubmitted');

    // 7. The receipt, as JSON (verified by the public endpoint) and as PDF.
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
  }, 900_000);
});
