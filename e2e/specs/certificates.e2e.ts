import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  DESKTOP,
  PHONE,
  horizontalOverflow,
  logInAs,
  logOut,
  newPage,
  screenshot,
} from '../support/browser';
import { DEMO, demoUser, useInProcessSuite } from '../support/suite';

const KEY_PASSWORD = 'my-key-file-2026';

async function openCertificateTab(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByRole('tab', { name: '证书登录' }).click();
  await page.getByTestId('cert-login-password').waitFor();
}

async function certificateLogin(
  page: Page,
  opts: { file?: string; stored?: boolean; password: string },
): Promise<void> {
  if (opts.file) {
    await page.getByText('上传密钥文件', { exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(opts.file);
  } else {
    await page.getByText('本浏览器保存的密钥', { exact: true }).click();
  }
  await page.getByTestId('cert-login-password').fill(opts.password);
  await page.getByTestId('cert-login-submit').click();
}

describe('certificates: a key made in the browser, login by certificate, revocation', () => {
  const suite = useInProcessSuite({ demo: true, background: true });

  it('a supplier creates its key and certificate, downloads the key file and logs in with it; revoked, it cannot', async () => {
    const base = suite.server.base;
    const supplier = demoUser('supplier1');
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, base, supplier.login, DEMO.password);
    await page.getByTestId('workspace-menu').getByText('数字证书').click();
    await page.getByTestId('cert-create').waitFor();
    await screenshot(page, 'certificates-empty');

    // The wizard: password and confirmation (a mismatch is caught in the browser), then keys, certificate, key file.
    await page.getByTestId('cert-create').click();
    await page.getByTestId('cert-password').fill(KEY_PASSWORD);
    await page.getByTestId('cert-password-confirm').fill('something-else');
    await page.getByTestId('cert-start').click();
    await page.getByText('两次输入的密码不一致').waitFor();
    await screenshot(page, 'certificates-wizard-mismatch', { fullPage: false });
    await page.getByTestId('cert-password-confirm').fill(KEY_PASSWORD);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cert-start').click()]);
    expect(download.suggestedFilename()).toBe(`${supplier.login}-zhengcai.key.json`);
    mkdirSync(ARTIFACTS, { recursive: true });
    const keyFile = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(keyFile);
    const saved = JSON.parse(readFileSync(keyFile, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ format: 'zhengcai-keyfile', suite: 'gm', subject: { login: supplier.login } });
    expect(readFileSync(keyFile, 'utf8')).not.toMatch(/privateKey/);
    await page.getByTestId('cert-done-result').waitFor();
    await screenshot(page, 'certificates-issued', { fullPage: false });
    await page.getByTestId('cert-done').click();
    await expect
      .poll(() => page.getByTestId('cert-mine').getByTestId('cert-status').first().textContent())
      .toBe('有效');
    await page.getByTestId('cert-mine').getByText('当前使用').waitFor();
    await page.getByTestId('cert-stored').getByText(`账号 ${supplier.login}`).waitFor();
    await screenshot(page, 'certificates-mine');
    await page.setViewportSize(PHONE);
    await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'certificates-mine-phone');
    await page.setViewportSize(DESKTOP);
    await logOut(page, base);

    // Certificate login with the downloaded file: a wrong password is caught in the browser.
    await openCertificateTab(page, base);
    await certificateLogin(page, { file: keyFile, password: 'not-the-password' });
    await expect.poll(() => page.getByTestId('cert-login-error').textContent()).toContain('密钥文件密码错误');
    await screenshot(page, 'certificate-login-wrong-password');
    await page.getByTestId('cert-login-password').fill(KEY_PASSWORD);
    await page.getByTestId('cert-login-submit').click();
    await page.waitForURL(/\/workspace\//);
    await page.getByTestId('welcome').waitFor();
    expect(await page.getByTestId('welcome').textContent()).toContain(supplier.displayName);
    await screenshot(page, 'certificate-login-done');
    await logOut(page, base);

    // The key kept in this browser works too (on a phone-sized screen).
    await page.setViewportSize(PHONE);
    await openCertificateTab(page, base);
    await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'certificate-login-phone');
    await certificateLogin(page, { stored: true, password: KEY_PASSWORD });
    await page.getByTestId('welcome').waitFor();
    await page.setViewportSize(DESKTOP);

    // The holder revokes the bundle (key lost): it is refused from then on.
    await page.goto(`${base}/workspace/certificates`);
    await page.getByTestId('cert-mine').getByTestId('cert-revoke').click();
    await page.getByRole('dialog').getByText('吊销后，该证书在任何地方都不能再使用').waitFor();
    await screenshot(page, 'certificates-revoke-dialog', { fullPage: false });
    await page.getByRole('dialog').getByRole('button', { name: '吊销' }).click();
    await expect
      .poll(() => page.getByTestId('cert-mine').getByTestId('cert-status').first().textContent())
      .toBe('已吊销');
    await screenshot(page, 'certificates-revoked');
    await logOut(page, base);

    await openCertificateTab(page, base);
    await certificateLogin(page, { file: keyFile, password: KEY_PASSWORD });
    await expect.poll(() => page.getByTestId('cert-login-error').textContent()).toContain('吊销');
    await screenshot(page, 'certificate-login-revoked');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    await page.close();
  });

  it('the centre sees every certificate and can revoke any', async () => {
    const base = suite.server.base;
    // supplier2 makes a key (keeping nothing in the browser).
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, base, 'supplier2', DEMO.password);
    await page.goto(`${base}/workspace/certificates`);
    await page.getByTestId('cert-create').click();
    await page.getByTestId('cert-password').fill(KEY_PASSWORD);
    await page.getByTestId('cert-password-confirm').fill(KEY_PASSWORD);
    await page.getByTestId('cert-keep').uncheck();
    await Promise.all([page.waitForEvent('download'), page.getByTestId('cert-start').click()]);
    await page.getByTestId('cert-done').click();
    await logOut(page, base);

    await logInAs(page, base, 'centre', DEMO.password);
    await page.goto(`${base}/workspace/certificates`);
    const row = page.getByTestId('cert-all').locator('tr', { hasText: 'supplier2' });
    await row.getByTestId('cert-revoke').click();
    await page.getByRole('dialog').getByText('吊销原因').waitFor();
    await page.getByRole('dialog').locator('textarea').fill('供应商报告密钥文件遗失');
    await screenshot(page, 'certificates-centre-revoke', { fullPage: false });
    await page.getByRole('dialog').getByRole('button', { name: '吊销' }).click();
    await expect.poll(() => row.getByTestId('cert-status').textContent()).toBe('已吊销');
    await screenshot(page, 'certificates-centre-list');
    await page.close();
  });
});
