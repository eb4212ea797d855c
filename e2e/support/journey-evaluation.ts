import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { choose, confirmPopup } from './antd';
import { JOURNEY_KEY_PASSWORD, shot, type Actor } from './journey';

/**
 * Issue 5's journey from a confirmed committee to the signed report (specs/award-journey.e2e.ts): the host's
 * qualification review, every member's vote, compliance review and score sheet, the leader's computation and
 * report, every member's signature — each person clicking in their own browser.
 */

/** Marks every bid of a review table 通过 and saves each row, waiting until the row says 已保存. */
async function passEveryBid(page: Page, table: Locator): Promise<number> {
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  const rows = table.locator('tbody tr.ant-table-row');
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    // Ant Design's radio input is visually hidden; its button label is what a user clicks.
    await row.locator('.ant-radio-button-wrapper', { hasText: /^通过$/ }).click();
    await row.getByTestId('review-save').click();
    await row.getByText('已保存').waitFor();
  }
  return count;
}

/** The host (agency) starts the lot's evaluation on the project page and passes every bidder's qualification. */
export async function hostQualifies(agency: Actor, base: string, projectPage: string, bids: number): Promise<void> {
  const page = agency.page;
  await page.goto(`${base}${projectPage}`);
  const card = page.getByTestId('evaluation-card');
  await card.getByTestId('evaluation-start').click();
  await confirmPopup(page);
  const table = card.getByTestId('qualification-table');
  expect(await passEveryBid(page, table)).toBe(bids);
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(agency, '14-qualification', { fullPage: false });
  await card.getByTestId('qualification-finish').click();
  await confirmPopup(page);
  await card.getByTestId('qualification-finish').waitFor({ state: 'detached' });
}

/** The member opens the lot from 我的评审 (the workspace menu) and returns the lot's id. */
export async function openMyEvaluation(expert: Actor, base: string, projectCode: string): Promise<string> {
  const page = expert.page;
  await page.goto(`${base}/workspace`);
  await page.getByTestId('workspace-menu').getByText('我的评审').click();
  await page.getByTestId('my-evaluation').filter({ hasText: projectCode }).getByTestId('my-evaluation-open').click();
  await page.waitForURL(/\/workspace\/evaluations\/[0-9a-f-]{36}$/);
  await page.getByTestId('evaluation-page').waitFor();
  return page.url().replace(/^.*\//, '');
}

/**
 * A member's compliance stage: votes for the first seat as leader while no one is elected yet, passes every
 * qualified bid and submits the review.
 */
export async function memberComplies(expert: Actor, base: string, projectCode: string): Promise<void> {
  const page = expert.page;
  await openMyEvaluation(expert, base, projectCode);
  const leaderCard = page.getByTestId('leader-card');
  await leaderCard.getByTestId('leader-candidate').or(leaderCard.getByTestId('leader-elected')).first().waitFor();
  if (await leaderCard.getByTestId('leader-candidate').isVisible()) {
    // The first member on the list (seat 1) is the one the journey elects.
    await choose(page, leaderCard.getByTestId('leader-candidate'), /.+/);
    await leaderCard.getByTestId('leader-vote').click();
    await leaderCard.getByTestId('my-vote').or(leaderCard.getByTestId('leader-elected')).first().waitFor();
  }
  await passEveryBid(page, page.getByTestId('compliance-table'));
  await page.getByTestId('compliance-submit').click();
  await confirmPopup(page);
  await page.getByTestId('compliance-submit').waitFor({ state: 'detached' });
}

/**
 * A member's score sheet: every cell filled within its criterion's range (never at an extreme, so no reason is
 * needed), each row a tenth of the maximum below the one above and each seat a little apart, then submitted.
 */
export async function memberScores(expert: Actor, base: string, projectCode: string, seat: number): Promise<void> {
  const page = expert.page;
  await openMyEvaluation(expert, base, projectCode);
  const grid = page.getByTestId('scoring-grid');
  await grid.locator('tbody tr.ant-table-row').first().waitFor();
  const rows = grid.locator('tbody tr.ant-table-row');
  for (let r = 0; r < (await rows.count()); r++) {
    const inputs = rows.nth(r).getByTestId('score-input');
    for (let c = 0; c < (await inputs.count()); c++) {
      const input = inputs.nth(c);
      const max = Number(await input.getAttribute('aria-valuemax'));
      // 85% … 60% of the maximum by row, a little different per member: two decimals at most.
      const score = Math.round(max * (0.85 - 0.1 * r - 0.01 * seat) * 2) / 2;
      await input.fill(String(score));
    }
  }
  if (seat === 1) await shot(expert, '16-scoring');
  await page.getByTestId('scores-submit').click();
  await confirmPopup(page);
  await page.getByTestId('scores-submit').waitFor({ state: 'detached' });
}

/** The leader goes from the evaluation page to the result panel, computes, and fixes the report for signing. */
export async function leaderReports(leader: Actor): Promise<void> {
  const page = leader.page;
  await page.getByTestId('evaluation-results-link').click();
  await page.waitForURL(/\/workspace\/evaluation-results\/[0-9a-f-]{36}$/);
  await page.getByTestId('eval-compute').click();
  await expect.poll(() => page.getByTestId('eval-state').getAttribute('data-state')).toBe('computed');
  await page.getByTestId('eval-rank-1').locator('.ant-table-row-expand-icon').click();
  await expect.poll(() => page.getByTestId('eval-working').first().textContent()).toContain('评标基准价');
  await shot(leader, '17-result-computed');
  await page.getByTestId('eval-fix-report').click();
  await confirmPopup(page);
  await expect.poll(() => page.getByTestId('eval-state').getAttribute('data-state')).toBe('signing');
  await page.getByTestId('eval-report-hash').waitFor();
}

/** A member signs the fixed report with the key kept in their browser. */
export async function memberSigns(expert: Actor, base: string, lotId: string): Promise<void> {
  const page = expert.page;
  await page.goto(`${base}/workspace/evaluation-results/${lotId}`);
  const form = page.getByTestId('eval-sign-form');
  await form.getByTestId('hall-key-password').fill(JOURNEY_KEY_PASSWORD);
  await form.getByTestId('eval-sign').click();
  await form.waitFor({ state: 'detached', timeout: 60_000 });
}
