import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, logInAs, newPage, screenshot } from '../support/browser';
import { DEMO, demoUser, useInProcessSuite } from '../support/suite';

const EVERYONE = ['概览', '数字证书', 'API 令牌', '修改密码'];

/** One demo login per role, and the whole navigation its workspace must show (no more, no less). */
const ROLES = [
  {
    login: 'admin',
    role: '平台管理员',
    menu: ['概览', '开标录像', '交易证明书', '注册审核', '账户管理', '存证核验', '数字证书', 'API 令牌', '修改密码'],
  },
  {
    login: 'centre',
    role: '交易中心',
    menu: [
      '概览',
      '开标录像',
      '交易证明书',
      '专家抽取记录',
      '注册审核',
      '存证核验',
      '数字证书',
      'API 令牌',
      '修改密码',
    ],
  },
  { login: 'purchaser1', role: '采购人', menu: ['概览', '采购项目', '开标录像', ...EVERYONE.slice(1)] },
  { login: 'agency', role: '采购代理机构', menu: ['概览', '采购项目', '开标录像', ...EVERYONE.slice(1)] },
  {
    login: 'supplier1',
    role: '供应商',
    menu: ['概览', '我的投标项目', '评审澄清', '联合体签署', '中标/结果通知书', '企业信息与资质', ...EVERYONE.slice(1)],
  },
  {
    login: 'expert01',
    role: '评审专家',
    menu: ['概览', '专家资料', '评审邀请', '我的评审', '数字证书', 'API 令牌', '修改密码'],
  },
  {
    login: 'supervisor',
    role: '监管部门',
    menu: [
      '概览',
      '开标录像',
      '交易证明书',
      '专家抽取记录',
      '禁入名单',
      '存证核验',
      '数字证书',
      'API 令牌',
      '修改密码',
    ],
  },
  { login: 'bank', role: '金融机构', menu: EVERYONE },
] as const;

const menuLabels = async (page: Page): Promise<string[]> =>
  (await page.getByTestId('workspace-menu').getByRole('menuitem').allTextContents()).map((s) => s.trim());

describe('a workspace per role', () => {
  const suite = useInProcessSuite({ demo: true, background: true });

  it('every role of the demo city is covered', () => {
    const roles = new Set(DEMO.users.map((u) => u.role));
    expect([...roles].sort()).toEqual(
      ['admin', 'agency', 'centre', 'expert', 'finance', 'purchaser', 'supervisor', 'supplier'].sort(),
    );
    expect(ROLES.map((r) => demoUser(r.login).role).sort()).toEqual([...roles].sort());
  });

  for (const role of ROLES) {
    it(`${role.login} logs in and sees its own workspace, on a desktop and on a phone`, async () => {
      const user = demoUser(role.login);
      const page = await newPage(suite.browser, DESKTOP);
      await logInAs(page, suite.server.base, role.login, DEMO.password);
      expect(await page.getByTestId('welcome').textContent()).toContain(user.displayName);
      const profile = page.getByTestId('profile');
      expect(await profile.textContent()).toContain(role.role);
      if (user.organisation) expect(await profile.textContent()).toContain(user.organisation);
      expect(await menuLabels(page)).toEqual(role.menu);
      await page.getByTestId('live-status').filter({ hasText: '实时连接' }).waitFor();
      await screenshot(page, `workspace-${role.login}-desktop`);

      // On a phone the navigation moves into a drawer opened by a button; nothing scrolls sideways.
      await page.setViewportSize(PHONE);
      await page.getByTestId('menu-button').click();
      const drawerMenu = page.getByTestId('workspace-menu');
      await drawerMenu.getByText('概览', { exact: true }).waitFor();
      expect(await menuLabels(page)).toEqual(role.menu);
      await page.waitForTimeout(400); // the drawer's slide-in, for the picture
      await screenshot(page, `workspace-${role.login}-phone-menu`);
      // Choosing a page closes the drawer.
      await drawerMenu.getByText('修改密码', { exact: true }).click();
      await page.waitForURL(/\/workspace\/password$/);
      await drawerMenu.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: '修改密码' }).waitFor();
      await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
      await page.goto(`${suite.server.base}/workspace/overview`);
      await page.getByTestId('welcome').waitFor();
      await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
      await screenshot(page, `workspace-${role.login}-phone`);
      await page.close();
    });
  }

  it('a page outside the role stays out of reach: the server refuses it and the menu never offers it', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, suite.server.base, 'supplier1', DEMO.password);
    const status = await page.evaluate(async () => (await fetch('/api/admin/users')).status);
    expect(status).toBe(403);
    expect(await menuLabels(page)).not.toContain('账户管理');
    await page.close();
  });

  it('a visitor who is not logged in is sent from the workspace to the login', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.base}/workspace/overview`);
    await page.waitForURL(/\/login$/);
    await page.close();
  });
});
