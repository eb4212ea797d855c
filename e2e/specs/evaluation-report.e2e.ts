import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, users } from '../../apps/server/src/db/schema';
import { scoredEvaluation, type ScoredEvaluation } from '../../apps/server/test/support/scored-evaluation';
import { TEST_PASSWORD } from '../../apps/server/test/support/test-app';
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
import { choose } from '../support/antd';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server';

/**
 * The evaluation's result panel (C12, ADR 0021) as the committee leader sees it — compute, the ranking with each
 * number's working, a price correction put to a bidder — and the bidder's 评审澄清 page, where the correction is
 * confirmed; oversight sees the panel without actions. The evaluation up to scoring (built by the other evaluation
 * pages) is written by the server tests' support, so the server runs in this process.
 */
describe('evaluation result and bidder questions (评审结果、评审澄清)', () => {
  let server: InProcessServer;
  let browser: BrowserContext;
  let f: ScoredEvaluation;
  const loginOf = async (id: string) => {
    const [u] = await server.t.services.db.select({ login: users.login }).from(users).where(eq(users.id, id));
    return u?.login ?? '';
  };
  const panel = () => `${server.base}/workspace/evaluation-results/${f.lotId}`;

  beforeAll(async () => {
    server = await startInProcessServer();
    f = await scoredEvaluation(server.t, {
      pricesFen: [60_000_000, 125_000_000, 132_000_000, 140_000_000],
      scales: ['small', 'large', 'medium', 'micro'],
    });
    browser = await openBrowser();
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    await server?.stop();
  });

  async function as(userId: string, viewport = DESKTOP): Promise<Page> {
    const page = await newPage(browser, viewport);
    await browser.clearCookies();
    await logInAs(page, server.base, await loginOf(userId), TEST_PASSWORD);
    return page;
  }

  it('the leader computes; the ranking shows the working of every number', async () => {
    const page = await as(f.leaderUserId);
    await page.goto(panel());
    await page.getByTestId('eval-compute').click();
    await page.getByTestId('eval-ranking').waitFor();
    await expect.poll(() => page.getByTestId('eval-state').getAttribute('data-state')).toBe('computed');
    await expect.poll(() => page.getByTestId('eval-ranking').locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    await page.getByTestId('eval-abnormal').waitFor();
    // Expand the first ranked bid: benchmark, ratio, deduction and its reason, rounding.
    await page.getByTestId('eval-rank-1').locator('.ant-table-row-expand-icon').click();
    const working = page.getByTestId('eval-working').first();
    await working.waitFor();
    await expect.poll(() => working.textContent()).toContain('评标基准价');
    await screenshot(page, 'evaluation-result-leader');

    // A price correction from the bid's detailed price sheet.
    await page.getByTestId('eval-open-correction').click();
    const [org] = await server.t.services.db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, f.bidders[1]?.organisationId ?? ''));
    await choose(page, page.getByTestId('eval-query-bid'), org?.name ?? '');
    await page.getByTestId('eval-query-lines').fill('教学计算机 | 6,234.56 | 100\n安装调试 | 12,345.00 | 1');
    await screenshot(page, 'evaluation-correction-dialog', { fullPage: false });
    await page.getByTestId('eval-query-submit').click();
    await page.getByTestId('eval-query').first().waitFor();
    await expect.poll(() => page.getByTestId('eval-query-state').first().textContent()).toBe('待答复');
    await page.close();
  });

  it('the bidder confirms the correction on its 评审澄清 page, on a phone', async () => {
    const bidder = f.bidders[1];
    if (!bidder) throw new Error('no bidder');
    const page = await as(bidder.userId, PHONE);
    await page.goto(`${server.base}/workspace/evaluation-queries`);
    await page.getByTestId('my-eval-query').waitFor();
    await expect.poll(() => page.getByTestId('my-eval-corrected').textContent()).toContain('635,801.00');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'evaluation-queries-bidder');
    await page.getByTestId('my-eval-confirm').click();
    await expect.poll(() => page.getByTestId('my-eval-query-state').textContent()).toBe('投标人确认');
    await page.close();
  });

  it('the leader recomputes and fixes the report for signing; the PDF is in Chinese', async () => {
    const page = await as(f.leaderUserId);
    await page.goto(panel());
    await page.getByTestId('eval-compute').click();
    await page.getByText('评审结果已计算').waitFor();
    await page.getByTestId('eval-fix-report').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('eval-report-hash').waitFor();
    await expect.poll(() => page.getByTestId('eval-state').getAttribute('data-state')).toBe('signing');
    expect(await page.getByTestId('eval-unsigned').count()).toBe(5);
    await page.getByTestId('eval-sign-form').waitFor();
    await screenshot(page, 'evaluation-report-signing');
    // The PDF link, with the leader's session.
    const res = await page.request.get(`${server.base}/api/lots/${f.lotId}/evaluation/report.pdf`);
    expect(res.status()).toBe(200);
    const pdf = await res.body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftoppm')) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, 'evaluation-report.pdf');
      writeFileSync(file, pdf);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, join(ARTIFACTS, 'evaluation-report')]);
    }
    await page.close();
  });

  it('oversight sees the panel read-only', async () => {
    const page = await as(f.supervisorUserId);
    await page.goto(panel());
    await page.getByTestId('eval-ranking').waitFor();
    expect(await page.getByTestId('eval-compute').count()).toBe(0);
    expect(await page.getByTestId('eval-open-correction').count()).toBe(0);
    await expect.poll(() => page.getByTestId('eval-query-state').first().textContent()).toBe('投标人确认');
    expect(await page.getByTestId('eval-sign-form').count()).toBe(0);
    await screenshot(page, 'evaluation-result-oversight');
    await page.close();
  });
});
