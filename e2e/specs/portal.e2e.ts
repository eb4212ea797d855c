import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, newPage, screenshot } from '../support/browser';
import { useSuite } from '../support/suite';

interface Stats {
  suppliers: number;
  purchasers: number;
  agencies: number;
  experts: number;
  organisations: number;
  users: number;
  ledger: { size: number; headHash: string };
}

describe('the public portal', () => {
  const suite = useSuite();

  it('shows the centre and real figures from the database, on a desktop and on a phone', async () => {
    const stats = (await (await fetch(`${suite.server.base}/api/portal/stats`)).json()) as Stats;
    expect(stats.suppliers).toBeGreaterThan(0);
    const page = await newPage(suite.browser, DESKTOP);
    await page.goto(suite.server.base);
    expect(await page.getByTestId('hero-centre').textContent()).toBe('六盘水市公共资源交易中心');
    await expect.poll(() => page.getByTestId('stat-suppliers').textContent()).toContain(String(stats.suppliers));
    for (const key of ['purchasers', 'agencies', 'experts', 'organisations', 'users'] as const) {
      expect(await page.getByTestId(`stat-${key}`).textContent()).toContain(String(stats[key]));
    }
    expect(await page.getByTestId('stat-ledger').textContent()).toContain(String(stats.ledger.size));
    // The head is shown short (16 hex digits); the full hash is its title and what the copy button copies.
    const shown = (await page.getByTestId('ledger-head').textContent())?.replace('…', '') ?? '';
    expect(shown).toHaveLength(16);
    expect(stats.ledger.headHash.startsWith(shown)).toBe(true);
    expect(await page.getByTestId('ledger-head').getAttribute('title')).toBe(stats.ledger.headHash);
    await screenshot(page, 'portal-desktop');

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId('stat-suppliers').waitFor();
    await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-phone');

    // The hero leads to supplier sign-up and to the login.
    await page.getByRole('link', { name: '供应商注册' }).click();
    await page.waitForURL(/\/register$/);
    await page.getByRole('button', { name: '提交注册' }).waitFor();
    await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'register-phone');
    await page.goto(suite.server.base);
    await page.locator('.zc-hero').getByRole('link', { name: '登录' }).click();
    await page.waitForURL(/\/login$/);
    await page.close();
  });

  it('switches to English, and the choice survives a reload', async () => {
    const page = await newPage(suite.browser, PHONE);
    await page.goto(suite.server.base);
    await page.getByTestId('hero-centre').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByTestId('lang-switch').click();
    await expect
      .poll(() => page.getByTestId('hero-centre').textContent())
      .toBe('Liupanshui Public Resource Trading Centre');
    expect(await page.getByTestId('lang-switch').textContent()).toContain('中文');
    await page.reload();
    await expect
      .poll(() => page.getByTestId('hero-centre').textContent())
      .toBe('Liupanshui Public Resource Trading Centre');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('stat-suppliers').waitFor();
    await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-english-phone');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('hero-centre').textContent()).toBe('六盘水市公共资源交易中心');
    await page.close();
  });
});
