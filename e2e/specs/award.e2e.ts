import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../apps/server/src/db/schema';
import { reportedEvaluation, type ReportedEvaluation } from '../../apps/server/test/support/reported-evaluation';
import { TEST_PASSWORD } from '../../apps/server/test/support/test-app';
import { confirmPopup } from '../support/antd';
import { DESKTOP, closeBrowser, logInAs, logOut, newPage, openBrowser, screenshot } from '../support/browser';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server';

/**
 * The award (C13, C14) as the people do it in their browsers: the purchaser confirms the first-ranked bid within
 * the period, the agency previews and publishes the result notice (letters and certificate go out together), the
 * second-ranked bidder reads its 结果通知书 and challenges, the agency answers, the purchaser suspends the award and
 * the certificate's public verification page shows it.
 *
 * The evaluation that precedes the award is seeded (its `reported` state as the evaluation module leaves it), so the
 * server runs in this process (support/in-process-server.ts).
 */
describe('award: confirmation, result notice, letters, challenge (定标与质疑)', () => {
  let server: InProcessServer;
  let browser: BrowserContext;
  let f: ReportedEvaluation;
  let page: Page;
  const login = async (userId: string) => {
    const [u] = await server.t.services.db.select({ login: users.login }).from(users).where(eq(users.id, userId));
    if (!u) throw new Error('no user');
    await logInAs(page, server.base, u.login, TEST_PASSWORD);
  };
  const awardUrl = () => `${server.base}/workspace/lots/${f.lotId}/award`;

  beforeAll(async () => {
    server = await startInProcessServer();
    f = await reportedEvaluation(server.t);
    browser = await openBrowser();
    page = await newPage(browser, DESKTOP);
  });
  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    await server?.stop();
  });

  it('the purchaser sees the ranking and the deadline and confirms the first-ranked bid', async () => {
    await login(f.purchaserUserId);
    await page.goto(awardUrl());
    await page.getByTestId('award-ranking').waitFor();
    await screenshot(page, 'award-purchaser-reported');
    await page.getByTestId('award-confirm').click();
    await confirmPopup(page);
    await expect.poll(() => page.getByTestId('award-state').textContent()).toBe('待发布结果公告');
    await page.getByTestId('award-winner').waitFor();
    await logOut(page, server.base);
  });

  it('the agency previews the result notice and publishes it with the letters and the certificate', async () => {
    await login(f.hostUserId);
    await page.goto(awardUrl());
    await page.getByTestId('award-notice-preview').waitFor();
    await screenshot(page, 'award-host-preview');
    await page.getByTestId('award-publish').click();
    await confirmPopup(page);
    await page.getByTestId('award-certificate-link').waitFor();
    expect(await page.getByTestId('award-state').textContent()).toBe('结果已公告');
    await page.getByTestId('award-notice-link').click();
    await page.waitForURL(/\/notices\//);
    await page.getByText('评审专家名单').first().waitFor();
    await screenshot(page, 'award-result-notice');
    await logOut(page, server.base);
  });

  it('the second-ranked bidder reads its letter and challenges; the agency answers', async () => {
    const second = f.outcome.ranking[1];
    const bidder = f.bidders.find((b) => b.organisationId === second?.organisationId);
    if (!bidder) throw new Error('no bidder');
    await login(bidder.userId);
    await page.goto(`${server.base}/workspace/award-letters`);
    await page.getByTestId('award-letter').first().waitFor();
    expect(await page.getByTestId('award-letter-kind').first().textContent()).toBe('结果通知书');
    await screenshot(page, 'award-bidder-letters');
    await page.getByTestId('award-letter-challenge').click();
    await page.getByTestId('challenge-grounds').fill('中标供应商的业绩证明材料与实际不符，请核实。');
    await page.getByTestId('challenge-file').click();
    await page.getByTestId('challenge').first().waitFor();
    await screenshot(page, 'award-bidder-challenge');
    await logOut(page, server.base);

    await login(f.purchaserUserId);
    await page.goto(awardUrl());
    await page.getByTestId('award-suspend-reason').fill('质疑处理期间暂停');
    await page.getByTestId('award-suspend').click();
    await page.getByTestId('award-suspension').waitFor();
    await logOut(page, server.base);

    await login(f.hostUserId);
    await page.goto(awardUrl());
    await page.getByTestId('challenge-answer-text').fill('经核实，中标供应商的业绩证明材料真实有效，质疑不成立。');
    await page.getByTestId('challenge-answer-submit').click();
    await page.getByTestId('challenge-answer').waitFor();
    await screenshot(page, 'award-host-answered');
    const number = await page.getByTestId('award-certificate-link').textContent();
    await logOut(page, server.base);

    await page.goto(`${server.base}/verify/certificates/${(number ?? '').replace(/^.* /, '')}`);
    await page.getByTestId('tcert-suspension').waitFor();
    await screenshot(page, 'award-certificate-suspended');
  });
});
