import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, logInAs, newPage, screenshot } from '../support/browser';
import { choose } from '../support/antd';
import { DEMO, useInProcessSuite } from '../support/suite';

const loginWith = (base: string, login: string, password: string) =>
  fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });

describe('administration, oversight and API tokens', () => {
  const suite = useInProcessSuite({ demo: true, background: true });

  it('the administrator sees a locked account, unlocks it, and its owner logs in again', async () => {
    for (let i = 0; i < 5; i++) await loginWith(suite.server.base, 'supplier5', `wrong-password-${i}`);
    expect((await loginWith(suite.server.base, 'supplier5', DEMO.password)).status).toBe(423);

    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, suite.server.base, 'admin', DEMO.password);
    await page.getByTestId('workspace-menu').getByText('账户管理').click();
    await page.getByPlaceholder('按账号、姓名或单位查找').fill('supplier5');
    const row = page.getByRole('row').filter({ hasText: 'supplier5' });
    await row.getByText('锁定至').waitFor();
    await screenshot(page, 'admin-accounts');
    await row.getByRole('button', { name: '解锁' }).click();
    await page.getByText('supplier5：已解锁').waitFor();
    await row.getByText('正常').waitFor();
    expect((await loginWith(suite.server.base, 'supplier5', DEMO.password)).status).toBe(200);

    // The accounts table stays usable on a phone (it scrolls inside its card, the page does not).
    await page.setViewportSize(PHONE);
    await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-accounts-phone');
    await page.close();
  });

  it('the administrator creates an organisation and a user in it, who can then log in', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, suite.server.base, 'admin', DEMO.password);
    await page.getByTestId('workspace-menu').getByText('账户管理').click();
    await page.getByRole('button', { name: '新建单位' }).click();
    let dialog = page.getByRole('dialog');
    await choose(page, dialog.getByLabel('单位类型'), '采购人', { exact: true });
    await dialog.getByLabel('单位名称').fill('六盘水市卫生健康局');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已创建').first().waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '新建账户' }).click();
    dialog = page.getByRole('dialog', { name: '新建账户' });
    await choose(page, dialog.getByLabel('角色'), '采购人', { exact: true });
    // The list holds every active organisation (a virtual list renders only what is in view): search it.
    await choose(page, dialog.getByLabel('单位'), '六盘水市卫生健康局（采购人）', { search: '卫生健康局' });
    await dialog.getByLabel('账号').fill('weijian');
    await dialog.getByLabel('姓名').fill('卫健局 采购员 李娜');
    await dialog.getByLabel('初始密码').fill('Weijian2026a');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await screenshot(page, 'admin-new-user', { fullPage: false });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The demo city has more accounts than one page shows (16 experts sort before purchasers): find it by search.
    await page.getByTestId('account-search').locator('input').fill('weijian');
    await page.getByRole('row').filter({ hasText: 'weijian' }).waitFor();
    expect((await loginWith(suite.server.base, 'weijian', 'Weijian2026a')).status).toBe(200);
    await page.close();
  });

  it('the supervisor verifies the ledger: a clear green result', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, suite.server.base, 'supervisor', DEMO.password);
    await page.getByTestId('workspace-menu').getByText('存证核验').click();
    const result = page.getByTestId('ledger-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain('存证链完整');
    await page.getByText('核验通过').waitFor();
    await screenshot(page, 'supervisor-ledger');
    await page.setViewportSize(PHONE);
    await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'supervisor-ledger-phone');
    await page.close();
  });

  it('the bank issues an API token, shown once, which works until it is revoked', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, suite.server.base, 'bank', DEMO.password);
    await page.getByTestId('workspace-menu').getByText('API 令牌').click();
    await page.getByPlaceholder('名称').fill('保函系统对接');
    await page.getByPlaceholder('有效天数').fill('30');
    await page.getByRole('button', { name: '签发令牌' }).click();
    const secret = (await page.getByTestId('fresh-token').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    const row = page.getByRole('row').filter({ hasText: '保函系统对接' });
    await row.waitFor();
    await screenshot(page, 'bank-token-issued');

    const asMachine = () => fetch(`${suite.server.base}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await asMachine()).status).toBe(200);
    await row.getByRole('button', { name: '吊销' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '吊销' }).click();
    await row.getByText('已吊销').waitFor();
    expect((await asMachine()).status).toBe(401);
    await page.close();
  });
});
