import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, makeUser } from '../../apps/server/test/support/test-app';
import { issuedCertificate } from '../../apps/server/test/support/transaction-certificate';
import {
  ARTIFACTS,
  DESKTOP,
  PHONE,
  closeBrowser,
  horizontalOverflow,
  logInAs,
  newPage,
  openBrowser,
  screenshot,
} from '../support/browser';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server';

/**
 * The public verification of a transaction certificate (交易证明书, ADR 0020) as an anonymous visitor, on a desktop
 * and on a phone: the page the certificate's QR code leads to shows 真实有效, and a copy dropped on it is compared
 * with the registered original — the original is 一致, a copy with one byte changed is 不一致.
 *
 * The award flow that issues certificates does not exist yet and issuing is not a route, so the server runs in
 * this process (support/in-process-server.ts) and the certificate is issued with the server's own use case on a
 * lot built by the server tests' support.
 */
describe('transaction certificate verification (交易证明书核验)', () => {
  let server: InProcessServer;
  let browser: BrowserContext;
  let number: string;
  let winner: string;
  const original = join(ARTIFACTS, 'tcert-original.pdf');
  const altered = join(ARTIFACTS, 'tcert-altered.pdf');

  beforeAll(async () => {
    server = await startInProcessServer();
    const issued = await issuedCertificate(server.t);
    number = issued.row.number;
    winner = (issued.row.facts as { winner: { name: string } }).winner.name;
    browser = await openBrowser();
    // The registered PDF as anyone downloads it, and a copy with one byte of its page content changed.
    const res = await fetch(`${server.base}/api/verify/certificates/${number}/pdf`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(original, bytes);
    const copy = Buffer.from(bytes);
    const at = Math.floor(copy.length / 3);
    copy[at] = (copy[at] ?? 0) ^ 0x20;
    writeFileSync(altered, copy);
    // A picture of the certificate itself, to look at (seal, QR code, Chinese text).
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', original, join(ARTIFACTS, 'tcert-certificate')]);
    }
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    await server?.stop();
  });

  async function open(page: Page) {
    await page.goto(`${server.base}/verify/certificates/${number}`);
    const status = page.getByTestId('tcert-status');
    await status.waitFor();
    return status;
  }

  async function drop(page: Page, file: string) {
    await page.getByTestId('tcert-drop').locator('input[type=file]').setInputFiles(file);
    const result = page.getByTestId('tcert-check-result');
    await result.waitFor();
    return result;
  }

  it('desktop: 真实有效 with the facts and signature; the original is 一致, an altered copy 不一致', async () => {
    const page = await newPage(browser, DESKTOP);
    const status = await open(page);
    await expect.poll(() => status.getAttribute('data-status')).toBe('valid');
    await expect(status.textContent()).resolves.toContain('真实有效');
    await expect(page.getByTestId('tcert-number').textContent()).resolves.toBe(number);
    await expect(page.getByTestId('tcert-winner').textContent()).resolves.toBe(winner);
    await expect(page.getByTestId('tcert-amount').textContent()).resolves.toContain('1,234,567.89');
    await expect(page.getByTestId('tcert-facts').textContent()).resolves.toContain(
      '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分',
    );
    expect(await page.getByTestId('tcert-fingerprint').textContent()).toMatch(/^[0-9a-f]{64}/);
    expect(await page.getByTestId('tcert-download').getAttribute('href')).toBe(
      `/api/verify/certificates/${number}/pdf`,
    );
    await screenshot(page, 'tcert-verify-desktop');

    const same = await drop(page, original);
    expect(await same.getAttribute('data-genuine')).toBe('true');
    await expect(same.textContent()).resolves.toContain('一致：文件未被篡改');
    await screenshot(page, 'tcert-check-original-desktop');

    const changed = await drop(page, altered);
    await expect.poll(() => changed.getAttribute('data-genuine')).toBe('false');
    await expect(changed.textContent()).resolves.toContain('不一致：此文件不是平台签发的原件或已被修改');
    await expect(page.getByTestId('tcert-reason-SHA256_DIFFERS').textContent()).resolves.toContain('已被篡改');
    await screenshot(page, 'tcert-check-altered-desktop');
    await page.close();
  });

  it('phone (390×844): the same, with nothing wider than the screen', async () => {
    const page = await newPage(browser, PHONE);
    const status = await open(page);
    await expect.poll(() => status.getAttribute('data-status')).toBe('valid');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'tcert-verify-phone');
    const same = await drop(page, original);
    expect(await same.getAttribute('data-genuine')).toBe('true');
    const changed = await drop(page, altered);
    await expect.poll(() => changed.getAttribute('data-genuine')).toBe('false');
    expect(await horizontalOverflow(page)).toBe(0);
    await changed.scrollIntoViewIfNeeded();
    await screenshot(page, 'tcert-check-altered-phone', { fullPage: false });
    await page.close();
  });

  it('an unknown number says the platform never issued it', async () => {
    const page = await newPage(browser, DESKTOP);
    await page.goto(`${server.base}/verify/certificates/JYZM-2026-999999`);
    const notFound = page.getByTestId('tcert-not-found');
    await notFound.waitFor();
    await expect(notFound.textContent()).resolves.toContain('未找到此编号的交易证明书');
    await page.close();
  });

  // Last: it revokes the certificate the tests above verify.
  it('centre staff find it under 交易证明书 and revoke it with a reason; the public page then says 已撤销', async () => {
    const centre = await makeUser(server.t, 'centre');
    const page = await newPage(browser, DESKTOP);
    await logInAs(page, server.base, centre.login, TEST_PASSWORD);
    await page.getByTestId('workspace-menu').getByText('交易证明书').click();
    await page.getByTestId('tcert-list').getByText(number).waitFor();
    await page.getByTestId(`tcert-revoke-${number}`).click();
    await page.locator('.ant-modal textarea').fill('投诉处理决定撤销中标结果');
    await screenshot(page, 'tcert-revoke-dialog', { fullPage: false });
    await page.locator('.ant-modal').getByRole('button', { name: '撤销' }).click();
    await page.getByTestId('tcert-list').getByText('已撤销').waitFor();
    await browser.clearCookies();

    const visitor = await newPage(browser, PHONE);
    const status = await open(visitor);
    await expect.poll(() => status.getAttribute('data-status')).toBe('revoked');
    await expect(status.textContent()).resolves.toContain('投诉处理决定撤销中标结果');
    await screenshot(visitor, 'tcert-revoked-phone', { fullPage: false });
    await page.close();
    await visitor.close();
  });
});
