import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, logInAs, openBrowser, screenshot } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

/** The demo city's password (apps/server/src/seed/demo-city-data.ts; listed in the README). */
const PASSWORD = 'Zhengcai2026';

/** Each role's demo login, what its workspace greets it with, and menu entries only it (and peers) has. */
const ROLES = [
  { login: 'admin', name: '平台管理员', menu: ['概览', '注册审核', '账户管理', '存证核验', 'API 令牌'] },
  { login: 'centre', name: '交易中心 罗敏', menu: ['概览', '注册审核', '存证核验'] },
  { login: 'purchaser1', name: '教育局 采购员 陈亮', menu: ['概览', 'API 令牌'] },
  { login: 'agency', name: '代理机构 项目经理 龙飞', menu: ['概览'] },
  { login: 'supplier1', name: '投标专员 杨明', menu: ['概览'] },
  { login: 'expert01', name: '王建国', menu: ['概览', '专家资料'] },
  { login: 'supervisor', name: '财政局 监管员 张华', menu: ['概览', '存证核验'] },
  { login: 'bank', name: '贵州银行 客户经理 石磊', menu: ['概览', 'API 令牌'] },
] as const;
const NOT_FOR = {
  账户管理: ['centre', 'purchaser1', 'agency', 'supplier1', 'expert01', 'supervisor', 'bank'],
} as const;

describe('the web shell in Chromium', () => {
  let server: RunningServer;
  let browser: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser(DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const newPage = async (viewport = DESKTOP): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewportSize(viewport);
    return page;
  };

  it('the portal home shows real figures from the database, on a desktop and on a phone', async () => {
    const stats = (await (await fetch(`${server.base}/api/portal/stats`)).json()) as {
      suppliers: number;
      experts: number;
      ledger: { size: number; headHash: string };
    };
    const page = await newPage();
    await page.goto(server.base);
    await page.getByText('全程网办').waitFor();
    await expect.poll(() => page.getByTestId('stat-suppliers').textContent()).toContain(String(stats.suppliers));
    expect(await page.getByTestId('stat-experts').textContent()).toContain(String(stats.experts));
    expect(await page.getByTestId('ledger-head').textContent()).toBe(stats.ledger.headHash);
    await screenshot(page, 'portal-desktop');
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId('stat-suppliers').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-phone');
    await page.close();
  });

  for (const role of ROLES) {
    it(`${role.login} logs in and sees its own workspace`, async () => {
      const page = await newPage();
      await logInAs(page, server.base, role.login, PASSWORD);
      await page.getByTestId('welcome').waitFor();
      expect(await page.getByTestId('welcome').textContent()).toContain(role.name);
      const menu = page.getByTestId('workspace-menu');
      for (const entry of role.menu) await menu.getByText(entry, { exact: true }).waitFor();
      for (const [entry, hiddenFrom] of Object.entries(NOT_FOR)) {
        if ((hiddenFrom as readonly string[]).includes(role.login)) {
          expect(await menu.getByText(entry, { exact: true }).count()).toBe(0);
        }
      }
      await screenshot(page, `workspace-${role.login}-desktop`);
      // The same workspace on a phone: the menu moves into a drawer, nothing overflows sideways.
      await page.setViewportSize(PHONE);
      await page.getByTestId('menu-button').click();
      await page.getByTestId('workspace-menu').getByText('概览', { exact: true }).waitFor();
      await page.waitForTimeout(400); // let the drawer finish sliding in before the picture
      await screenshot(page, `workspace-${role.login}-phone-menu`);
      await page.keyboard.press('Escape');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `workspace-${role.login}-phone`);
      await page.close();
      await browser.clearCookies();
    });
  }

  it('a wrong password gets the Chinese message, and English switches the whole page', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/login`);
    await page.getByLabel('账号').fill('supplier2');
    await page.getByLabel('密码').fill('not-the-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toContain('账号或密码错误');
    await screenshot(page, 'login-wrong-password');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.getByLabel('Password').fill('not-the-password-2');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Wrong login or password');
    await screenshot(page, 'login-english');
    await page.getByTestId('lang-switch').click();
    await page.close();
  });

  it('a supplier signs up, the centre approves it live, and the supplier logs in', async () => {
    const centre = await newPage();
    await logInAs(centre, server.base, 'centre', PASSWORD);
    await centre.getByTestId('welcome').waitFor();

    const applicant = await (await openBrowser(DESKTOP)).newPage();
    await applicant.goto(`${server.base}/register`);
    await applicant.getByLabel('单位名称').fill('六盘水市钟山区云启科技有限公司');
    await applicant.getByLabel('统一社会信用代码').fill('91440300708461136X');
    await applicant.getByLabel('企业规模').click();
    await applicant.getByTitle('小型企业').click();
    await applicant.getByLabel('账号名').fill('yunqi');
    await applicant.getByLabel('联系人姓名').fill('吴晓');
    await applicant.getByLabel('密码', { exact: true }).fill('Yunqi2026abc');
    await applicant.getByLabel('电子邮箱').fill('wuxiao@example.cn');
    await applicant.getByLabel('手机号码').fill('13985812345');
    await applicant.getByRole('button', { name: '提交注册' }).click();
    // The server says exactly which character is wrong.
    await applicant.getByText('第 18 位应为“T”').waitFor();
    await screenshot(applicant, 'register-wrong-code');
    await applicant.getByLabel('统一社会信用代码').fill('91440300708461136T');
    await applicant.getByRole('button', { name: '提交注册' }).click();
    await applicant.getByText('注册已提交').waitFor();
    await screenshot(applicant, 'register-done');

    // The centre's live feed shows the registration without a reload.
    await centre.getByTestId('live-event').filter({ hasText: '六盘水市钟山区云启科技有限公司' }).first().waitFor();
    await screenshot(centre, 'centre-live-feed');
    await centre.getByTestId('workspace-menu').getByText('注册审核').click();
    const row = centre.getByRole('row').filter({ hasText: '六盘水市钟山区云启科技有限公司' });
    await row.waitFor();
    await screenshot(centre, 'centre-registrations');
    await row.getByRole('button', { name: /通\s*过/ }).click();
    await centre.getByText('已通过审核').waitFor();

    await logInAs(applicant, server.base, 'yunqi', 'Yunqi2026abc');
    await applicant.getByTestId('welcome').waitFor();
    expect(await applicant.getByTestId('welcome').textContent()).toContain('吴晓');
    await screenshot(applicant, 'new-supplier-workspace');
    await applicant.context().close();
    await centre.close();
    await browser.clearCookies();
  });

  it('the supervisor verifies the ledger, and logging out returns to the portal', async () => {
    const page = await newPage();
    await logInAs(page, server.base, 'supervisor', PASSWORD);
    await page.getByTestId('workspace-menu').getByText('存证核验').click();
    await page.getByTestId('ledger-result').waitFor();
    expect(await page.getByTestId('ledger-result').textContent()).toContain('存证链完整');
    await screenshot(page, 'supervisor-ledger');
    await page.getByTestId('user-menu').hover();
    await page.getByText('退出登录').click();
    await page.waitForURL(`${server.base}/`);
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    await page.close();
  });
});
