import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_TENDERS } from '../../apps/server/src/seed/demo-tenders';
import { ARTIFACTS, DESKTOP, closeBrowser, logInAs, openBrowser, screenshot } from '../support/browser';
import { seedKey } from '../support/seed-bids';
import { DEMO, demoUser, useInProcessSuite } from '../support/suite';

/**
 * A consortium bid (联合体投标, ADR 0014) in two browsers: supplier1 (the lead) and supplier2 (a member) each have a
 * key and certificate (seeded, support/seed-bids.ts: making them in the browser is certificates.e2e's); the lead seals a bid on the demo tender's second lot (which accepts consortia) naming the
 * member with a 40% share; the member reviews the request and co-signs it with its own key; the bid is then
 * submitted and its receipt lists both parties. Screenshots: e2e/artifacts/consortium-*.png.
 */
const KEY_PASSWORD = 'consortium-key-2026';

function usccOf(login: string): string {
  const user = DEMO.users.find((u) => u.login === login);
  const org = DEMO.organisations.find((o) => o.key === user?.organisation);
  if (!org?.uscc) throw new Error(`no credit code for ${login}`);
  return org.uscc;
}

describe('a consortium bid signed by its lead and its member', () => {
  const suite = useInProcessSuite({ demo: true });

  it('the lead seals a consortium bid, the member co-signs, the receipt lists both', async () => {
    const base = suite.server.base;
    const lead = await suite.browser.newPage();
    await lead.setViewportSize(DESKTOP);
    const memberBrowser = await openBrowser(DESKTOP);
    try {
      const member = await memberBrowser.newPage();
      const leadKey = (await seedKey(suite.server, 'supplier1', KEY_PASSWORD, 'consortium')).keyFile;
      const memberKey = (await seedKey(suite.server, 'supplier2', KEY_PASSWORD, 'consortium')).keyFile;
      await logInAs(lead, base, 'supplier1', DEMO.password);
      await logInAs(member, base, 'supplier2', DEMO.password);

      // The lead obtains the documents and opens the bid page: lot 2 accepts consortia, lot 1 does not.
      await lead.goto(`${base}/workspace/tenders/${DEMO_TENDERS.early.id}`);
      await lead.getByTestId('obtain-button').click();
      await lead.getByTestId('obtained').waitFor();
      await lead.getByTestId('go-bid').click();
      const lot = lead.getByTestId('lot-2');
      await lot.waitFor();
      await lead.getByTestId('lot-1').getByTestId('consortium-not-accepted').waitFor();
      await lot.getByText('联合体投标', { exact: true }).click();
      await lot.getByTestId('consortium-members').waitFor();

      // A share total that is not 100% is refused in the browser with the domain's message.
      await lot.getByTestId('lead-share').fill('60');
      await lot.getByTestId('member-uscc').fill(usccOf('supplier2'));
      await lot.getByTestId('member-share').fill('30');
      await lot.getByTestId('share-sum').getByText('合计：90%').waitFor();
      await lot.getByTestId('member-share').fill('40');
      await lot.getByTestId('share-sum').getByText('合计：100%').waitFor();
      await lot.getByTestId('price').fill('880000');
      await lot.getByTestId('delivery').fill('合同签订后60日历天');
      const agreement = join(ARTIFACTS, 'consortium-联合体协议.txt');
      writeFileSync(agreement, '联合体协议：牵头人负责设备供货（60%），成员负责安装调试与培训（40%）。');
      await lot.locator('input[type=file]').first().setInputFiles(agreement);
      await lot.locator('input[type=file]').nth(1).setInputFiles(leadKey);
      await lot.getByTestId('key-password').fill(KEY_PASSWORD);
      await screenshot(lead, 'consortium-01-lead-form');
      await lot.getByTestId('submit-bid').click();
      await lead.getByText('已密封，等待成员签署').waitFor({ timeout: 120_000 });
      const myBids = lead.getByTestId('my-bids');
      await myBids.getByText('等待成员签署').waitFor();
      await myBids.getByText('待签署').waitFor();
      await screenshot(lead, 'consortium-02-lead-awaiting');

      // The member sees the request in its workspace (no price anywhere), and co-signs with its own key.
      await member.getByTestId('workspace-menu').getByText('联合体签署').click();
      const request = member.locator('[data-testid^="request-"]').filter({ hasText: DEMO_TENDERS.early.code }).first();
      await request.waitFor();
      expect(await request.textContent()).not.toContain('880000');
      await request.getByText(demoUser('supplier1').organisation).first().waitFor();
      await request.getByText('40%').waitFor();
      await request.locator('input[type=file]').setInputFiles(memberKey);
      await request.getByTestId('request-key-password').fill(KEY_PASSWORD);
      await screenshot(member, 'consortium-03-member-request');
      await request.getByTestId('request-sign').click();
      await member.getByText('全部成员已签署，投标已递交').waitFor({ timeout: 60_000 });
      await request.getByTestId('request-receipt').waitFor();
      await screenshot(member, 'consortium-04-member-signed');

      // The lead's page now shows the bid submitted, both parties signed; the receipt lists them.
      await lead.reload();
      await lead.getByTestId('my-bids').getByText('已递交').waitFor();
      expect(await lead.getByTestId('my-bids').getByText('已签署').count()).toBe(2);
      await screenshot(lead, 'consortium-05-lead-submitted');

      const [pdf] = await Promise.all([
        member.waitForEvent('download'),
        request.getByTestId('request-receipt').click(),
      ]);
      const pdfPath = join(ARTIFACTS, 'consortium-receipt.pdf');
      await pdf.saveAs(pdfPath);
      expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
      try {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '80',
          '-singlefile',
          pdfPath,
          join(ARTIFACTS, 'consortium-06-receipt'),
        ]);
      } catch {
        // pdftoppm (poppler-utils) is optional: the PDF itself is kept
      }
      await member.close();
    } finally {
      await closeBrowser(memberBrowser);
    }
    await lead.close();
  }, 900_000);
});
