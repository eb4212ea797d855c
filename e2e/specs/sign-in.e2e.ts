import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, logInAs, logOut, newPage, screenshot } from '../support/browser';
import { DEMO, demoUser, useSuite } from '../support/suite';

describe('logging in and out, in Chinese and in English', () => {
  const suite = useSuite();

  it('a wrong password gets the server message in Chinese, then in English after the switch', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.base}/login`);
    await page.getByLabel('账号').fill('supplier2');
    await page.getByLabel('密码').fill('not-the-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号或密码错误');
    await screenshot(page, 'login-wrong-password');
    // The message on screen follows the language switch (the server sends both).
    await page.getByTestId('lang-switch').click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Wrong login or password');
    expect(await page.getByText('Login', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'login-english');

    // In English, the workspace is English too.
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('welcome').waitFor();
    expect(await page.getByTestId('welcome').textContent()).toContain(`Hello, ${demoUser('supplier2').displayName}`);
    expect(await page.getByTestId('profile').textContent()).toContain('Supplier');
    await page.getByTestId('workspace-menu').getByText('Overview', { exact: true }).waitFor();
    await page.getByTestId('workspace-menu').getByText('API tokens', { exact: true }).click();
    await page.getByRole('button', { name: 'Issue token' }).waitFor();
    await page.setViewportSize(PHONE);
    await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'workspace-english-phone');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('button', { name: '签发令牌' }).waitFor();
    await page.close();
  });

  it('five wrong passwords lock the account, with the reason shown', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.base}/login`);
    await page.getByLabel('账号').fill('supplier4');
    const attempt = async (password: string): Promise<number> => {
      await page.getByLabel('密码').fill(password);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        page.getByRole('button', { name: '登录' }).click(),
      ]);
      return response.status();
    };
    for (let i = 0; i < 4; i++) expect(await attempt(`wrong-password-${i}`)).toBe(401);
    expect([401, 423]).toContain(await attempt('wrong-password-4'));
    // Locked: even the right password is refused until an administrator unlocks the account (see oversight spec).
    expect(await attempt(DEMO.password)).toBe(423);
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号已锁定');
    await screenshot(page, 'login-locked');
    await page.close();
  });

  it('logging out ends the session and returns to the portal', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, suite.server.base, 'purchaser2', DEMO.password);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);
    await logOut(page, suite.server.base);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    await page.getByTestId('hero-centre').waitFor();
    await page.goto(`${suite.server.base}/workspace/overview`);
    await page.waitForURL(/\/login$/);
    await page.close();
  });

  it('a user changes the password; the old one stops working and the new one works', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, suite.server.base, 'supplier3', DEMO.password);
    await page.getByTestId('workspace-menu').getByText('修改密码').click();
    await page.getByLabel('当前密码').fill('not-my-password-9');
    await page.getByLabel('新密码').fill('NewSecret2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('当前密码不正确').waitFor();
    await page.getByLabel('当前密码').fill(DEMO.password);
    await page.getByLabel('新密码').fill('short1');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await screenshot(page, 'password-too-short');
    await page.getByLabel('新密码').fill('NewSecret2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor();
    await logOut(page, suite.server.base);

    await page.goto(`${suite.server.base}/login`);
    await page.getByLabel('账号').fill('supplier3');
    await page.getByLabel('密码').fill(DEMO.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号或密码错误');
    await logInAs(page, suite.server.base, 'supplier3', 'NewSecret2026');
    await page.close();
  });
});
