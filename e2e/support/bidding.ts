import type { Page } from 'playwright-core';
import { screenshot } from './browser';

/**
 * A supplier, logged in with its key made (makeKeyFile), obtains a tender's documents and seals a bid on lot 1 in
 * its browser, as supplier-journey does: price, delivery period, an attachment when given, key file and password;
 * waits for the receipt.
 */
export async function obtainAndBid(
  page: Page,
  base: string,
  tenderId: string,
  bid: { price: string; delivery: string; attachment?: string; keyFile: string; keyPassword: string; shot?: string },
): Promise<void> {
  await page.goto(`${base}/workspace/tenders/${tenderId}`);
  const obtain = page.getByTestId('obtain-button');
  const refusal = page.getByTestId('obtain-refusal');
  await obtain.or(page.getByTestId('obtained')).or(refusal).first().waitFor();
  if (await refusal.isVisible()) throw new Error(`cannot obtain the documents: ${await refusal.textContent()}`);
  if (await obtain.isVisible()) {
    await obtain.click();
    await page.getByTestId('obtained').waitFor();
  }
  await page.getByTestId('go-bid').click();
  await page.waitForURL(`${base}/workspace/tenders/${tenderId}/bid`);
  const lot = page.getByTestId('lot-1');
  await lot.waitFor();
  await lot.getByTestId('price').fill(bid.price);
  await lot.getByTestId('delivery').fill(bid.delivery);
  // The first file input takes the bid's attachments, the second the key file.
  if (bid.attachment) await lot.locator('input[type=file]').first().setInputFiles(bid.attachment);
  await lot.locator('input[type=file]').nth(1).setInputFiles(bid.keyFile);
  await lot.getByTestId('key-password').fill(bid.keyPassword);
  await lot.getByTestId('submit-bid').click();
  await page.getByTestId('receipt').waitFor({ timeout: 180_000 });
  if (bid.shot) await screenshot(page, bid.shot);
}
