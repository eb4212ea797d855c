import { expect } from 'vitest';
import { confirmPopup } from './antd';
import { shot, type Actor } from './journey';

/**
 * Issue 5's journey from the signed report to the certificate (specs/award-journey.e2e.ts): the purchaser confirms
 * the winner on its award page, the host publishes the result notice with the letters and the certificate, the
 * public reads the notice, and every bidder finds its letter.
 */

/** The purchaser opens 定标 from the project page and confirms the first-ranked bid; returns the winner's name. */
export async function purchaserConfirms(purchaser: Actor, base: string, projectPage: string): Promise<string> {
  const page = purchaser.page;
  await page.goto(`${base}${projectPage}`);
  await page.getByTestId('award-link-1').click();
  await page.getByTestId('award-ranking').waitFor();
  await page.getByTestId('award-confirm-by').waitFor();
  await shot(purchaser, '19-award-purchaser');
  await page.getByTestId('award-confirm').click();
  await confirmPopup(page);
  await expect.poll(() => page.getByTestId('award-state').textContent()).toBe('待发布结果公告');
  return (await page.getByTestId('award-winner').textContent()) ?? '';
}

/** The host previews and publishes the result notice; returns the notice's address on the portal. */
export async function hostPublishes(agency: Actor, base: string, projectPage: string): Promise<string> {
  const page = agency.page;
  await page.goto(`${base}${projectPage}`);
  await page.getByTestId('award-link-1').click();
  await page.getByTestId('award-notice-preview').waitFor();
  await shot(agency, '20-result-notice-preview');
  await page.getByTestId('award-publish').click();
  await confirmPopup(page);
  await page.getByTestId('award-certificate-link').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('award-state').textContent()).toBe('结果已公告');
  const href = (await page.getByTestId('award-notice-link').getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/notices\/[0-9a-f-]{36}$/);
  return href;
}

/**
 * A bidder's 结果通知 under 中标/结果通知: the winner's 中标通知书 with the certificate's number (returned), the
 * others' 结果通知书 (null).
 */
export async function bidderReadsLetter(bidder: Actor, base: string, winner: boolean): Promise<string | null> {
  const page = bidder.page;
  await page.goto(`${base}/workspace/award-letters`);
  const letter = page.getByTestId('award-letter').first();
  await letter.waitFor();
  expect(await letter.getByTestId('award-letter-kind').textContent()).toBe(
    winner ? '中标（成交）通知书' : '结果通知书',
  );
  await shot(bidder, `22-letter-${bidder.login}`);
  if (!winner) return null;
  const href = (await letter.getByTestId('award-letter-certificate').getAttribute('href')) ?? '';
  const number = decodeURIComponent(href.replace(/^\/verify\/certificates\//, ''));
  expect(number).not.toBe('');
  return number;
}
