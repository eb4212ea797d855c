import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_TENDERS } from '../../apps/server/src/seed/demo-tenders';
import { obtainAndBid } from '../support/bidding';
import {
  ARTIFACTS,
  DESKTOP,
  PHONE,
  closeBrowser,
  horizontalOverflow,
  logInAs,
  makeKeyFile,
  openBrowser,
  screenshot,
} from '../support/browser';
import { DEMO, demoUser, useSuite } from '../support/suite';

/**
 * Issue 4's remote opening (不见面开标, ADR 0016) in eight browsers: four suppliers make keys and certificates, obtain
 * the documents of the demo opening tender and seal bids before its deadline; the hall opens at the deadline (the
 * server's clock runs CLOCK_ACCELERATION times faster, so minutes pass in seconds); the agency hosts, the supervisor
 * watches, a member of the public follows without logging in. Three suppliers sign in and decrypt in their own
 * browsers (one on a phone, with its key file); the public sees each read-out arrive without reloading; the fourth
 * never decrypts and its bid becomes invalid when the window ends; one supplier objects and the host answers on the
 * record; host and supervisor sign the record; it is published and its PDF downloads. Screenshots:
 * e2e/artifacts/hall-*.png.
 */
const ACCELERATION = 20;
/** Server minutes from the first start to the deadline: 6 minutes of real time for seven browsers to get ready. */
const OPENING_IN_MINUTES = 120;
/** The decryption window in server minutes: 2 minutes of real time for three decryptions. */
const WINDOW_MINUTES = 40;
const KEY_PASSWORD = 'hall-key-2026';
const BIDS = [
  { login: 'supplier1', price: '536800', capital: '伍拾叁万陆仟捌佰元整', delivery: '合同签订后30日历天' },
  { login: 'supplier2', price: '548000.5', capital: '伍拾肆万捌仟元伍角', delivery: '合同签订后25日历天' },
  { login: 'supplier3', price: '529900', capital: '伍拾贰万玖仟玖佰元整', delivery: '合同签订后40日历天' },
  { login: 'supplier4', price: '551000', capital: '伍拾伍万壹仟元整', delivery: '合同签订后20日历天' },
] as const;

interface Person {
  login: string;
  browser: BrowserContext;
  page: Page;
  keyFile: string;
}

async function person(base: string, login: string): Promise<Person> {
  const browser = await openBrowser(DESKTOP);
  const page = await browser.newPage();
  await page.setViewportSize(DESKTOP);
  await logInAs(page, base, login, DEMO.password);
  const keyFile = await makeKeyFile(page, KEY_PASSWORD, `hall-${login}`);
  return { login, browser, page, keyFile };
}

async function confirmPopup(page: Page): Promise<void> {
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
}

/** Waits until the action's answer is shown and returns its text (success or a clear error). */
async function actionResult(page: Page): Promise<string> {
  const result = page.getByTestId('hall-action-result');
  await result.waitFor({ timeout: 60_000 });
  return (await result.textContent()) ?? '';
}

describe('the remote opening hall', () => {
  const suite = useSuite({
    env: {
      CLOCK_ACCELERATION: String(ACCELERATION),
      DEMO_OPENING_IN_MINUTES: String(OPENING_IN_MINUTES),
      DEMO_OPENING_WINDOW_MINUTES: String(WINDOW_MINUTES),
      // Sessions must outlast the accelerated clock's hours.
      SESSION_IDLE_MINUTES: '100000',
      SESSION_MAX_MINUTES: '100000',
      JOB_POLL_MS: '250',
    },
  });

  it('opens, decrypts in the bidders’ browsers, reads out live, objects, signs and publishes', async () => {
    const base = suite.server.base;
    const people: Person[] = [];
    try {
      // 1. Everyone makes a key and a certificate in their own browser; the suppliers seal their bids.
      const [s1, s2, s3, s4, host, supervisor] = await Promise.all([
        person(base, 'supplier1'),
        person(base, 'supplier2'),
        person(base, 'supplier3'),
        person(base, 'supplier4'),
        person(base, 'agency'),
        person(base, 'supervisor'),
      ]);
      const suppliers = [s1, s2, s3, s4];
      people.push(s1, s2, s3, s4, host, supervisor);
      for (const [i, s] of suppliers.entries()) {
        const bid = BIDS[i];
        if (!bid) throw new Error('no bid');
        await obtainAndBid(s.page, base, DEMO_TENDERS.opening.id, {
          price: bid.price,
          delivery: bid.delivery,
          keyFile: s.keyFile,
          keyPassword: KEY_PASSWORD,
          shot: i === 0 ? 'hall-01-bid-sealed' : undefined,
        });
      }

      // The public (no login) opens the hall from the supplier's link; before the deadline it says so.
      const hallHref = await s1.page.getByTestId('hall-link-1').getAttribute('href');
      expect(hallHref).toMatch(/^\/openings\/[0-9a-f-]{36}$/);
      const publicBrowser = await openBrowser(DESKTOP);
      const viewer = await publicBrowser.newPage();
      people.push({ login: 'public', browser: publicBrowser, page: viewer, keyFile: '' });
      await viewer.goto(`${base}${hallHref ?? ''}`);
      await viewer.getByTestId('hall-not-open').or(viewer.getByTestId('hall')).first().waitFor();
      if (await viewer.getByTestId('hall-not-open').isVisible()) await screenshot(viewer, 'hall-02-before-deadline');

      // 2. At the deadline the hall opens by itself (a job on the server's clock), live on the viewer's page.
      await viewer.getByTestId('hall-state').waitFor({ timeout: 420_000 });
      await viewer.getByTestId('hall-public').waitFor();
      expect(await viewer.getByTestId('hall-role').textContent()).toBe('公众（只读）');
      expect(await viewer.getByTestId('progress-row').count()).toBe(4);

      // Every bidder and the supervisor sign in with their certificates (supplier3 on a phone, with its key file).
      for (const s of [s1, s2, s4, supervisor]) {
        await s.page.goto(`${base}${hallHref ?? ''}`);
        await s.page.getByTestId('hall-sign-in').waitFor();
        await s.page.getByTestId('hall-key-password').fill(KEY_PASSWORD);
        await s.page.getByTestId('hall-sign-in').click();
        expect(await actionResult(s.page)).toContain('已签到');
      }
      // supplier3 goes to the hall on its phone.
      await s3.page.setViewportSize(PHONE);
      await s3.page.getByTestId('hall-link-1').click();
      await s3.page.getByTestId('hall-sign-in').waitFor();
      await s3.page.getByText('密钥文件', { exact: true }).click();
      await s3.page.locator('input[type=file]').setInputFiles(s3.keyFile);
      await s3.page.getByTestId('hall-key-password').fill(KEY_PASSWORD);
      await s3.page.getByTestId('hall-sign-in').click();
      expect(await actionResult(s3.page)).toContain('已签到');
      await expect.poll(() => horizontalOverflow(s3.page), { timeout: 5000 }).toBeLessThanOrEqual(0);
      await screenshot(s3.page, 'hall-03-phone-signed-in');
      await viewer.getByTestId('hall-attendance').getByText(demoUser('supervisor').organisation).waitFor();

      // 3. The host enters from the project page and starts decryption; the window counts down for everyone.
      await host.page.goto(`${base}/workspace/projects/${DEMO_TENDERS.opening.id}`);
      await host.page.getByTestId('hall-link-1').click();
      await host.page.getByTestId('hall-start').click();
      await confirmPopup(host.page);
      await host.page.getByTestId('hall-state').getByText('解密中').waitFor();
      await viewer.getByTestId('hall-state').getByText('解密中').waitFor();
      await expect
        .poll(async () => (await viewer.getByTestId('hall-countdown').textContent()) ?? '')
        .toMatch(/\d\d:\d\d/);
      await screenshot(host.page, 'hall-04-host-decrypting');

      // 4. Three bidders decrypt in their browsers; the public sees each read-out arrive without reloading.
      for (const [i, s] of [s1, s2, s3].entries()) {
        const bid = BIDS[i];
        if (!bid) throw new Error('no bid');
        await s.page.getByTestId('hall-decrypt').waitFor();
        await s.page.getByTestId('hall-decrypt').click();
        expect(await actionResult(s.page)).toContain('解密成功');
        const rows = viewer.getByTestId('hall-read-out').getByTestId('read-out-row');
        await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(i + 1);
        await viewer.getByTestId('hall-read-out').getByText(bid.capital).waitFor();
        await screenshot(viewer, `hall-0${5 + i}-public-read-out-${i + 1}`);
      }
      await screenshot(s3.page, 'hall-08-phone-decrypted');

      // 5. supplier4 never decrypts: at the window's end its bid is invalid, with the reason; 3 valid bids remain.
      await viewer.getByTestId('hall-state').getByText('唱标').waitFor({ timeout: 180_000 });
      await viewer.getByTestId('invalid-reason').getByText('未在解密时限内解密').waitFor();
      await viewer.getByTestId('hall-outcome').waitFor();
      await screenshot(viewer, 'hall-09-public-window-closed');

      // 6. Confirmations; supplier2 objects and the host answers on the record.
      for (const s of [s1, s3]) {
        await s.page.getByTestId('hall-confirm').click();
        expect(await actionResult(s.page)).toContain('已确认');
      }
      await s2.page.getByTestId('hall-objection-text').fill('我方报价为548,000.50元，请核对唱标金额的角分。');
      await s2.page.getByTestId('hall-object').click();
      expect(await actionResult(s2.page)).toContain('异议已提交');
      await host.page.getByTestId('hall-objections').waitFor();
      await host.page.getByTestId('hall-answer-text').fill('经核对，唱标金额为伍拾肆万捌仟元伍角，与投标报价一致。');
      await host.page.getByTestId('hall-answer').click();
      await viewer.getByTestId('objection-answer').waitFor();
      await screenshot(host.page, 'hall-10-host-answered');

      // 7. The host signs the record, then the supervisor; the record is published and its PDF downloads.
      await host.page.getByTestId('hall-key-password').fill(KEY_PASSWORD);
      await host.page.getByTestId('hall-sign-record').click();
      expect(await actionResult(host.page)).toContain('开标记录已签署');
      await supervisor.page.getByTestId('hall-sign-record').waitFor();
      await supervisor.page.getByTestId('hall-key-password').fill(KEY_PASSWORD);
      await supervisor.page.getByTestId('hall-sign-record').click();
      expect(await actionResult(supervisor.page)).toContain('开标记录已签署');
      await viewer.getByTestId('hall-state').getByText('开标记录已公布').waitFor();
      await viewer.getByTestId('hall-record-pdf').waitFor();
      expect(await viewer.getByTestId('hall-signatures').locator('.ant-list-item').count()).toBe(2);
      await screenshot(viewer, 'hall-11-public-published');
      const [pdf] = await Promise.all([viewer.waitForEvent('download'), viewer.getByTestId('hall-record-pdf').click()]);
      const pdfPath = join(ARTIFACTS, 'hall-record.pdf');
      await pdf.saveAs(pdfPath);
      expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
      try {
        execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdfPath, join(ARTIFACTS, 'hall-12-record-pdf')]);
      } catch {
        // pdftoppm (poppler-utils) is optional: the PDF itself is kept
      }

      // 8. The published hall on a phone: nothing wider than the screen.
      await viewer.setViewportSize(PHONE);
      await expect.poll(() => horizontalOverflow(viewer), { timeout: 5000 }).toBeLessThanOrEqual(0);
      await screenshot(viewer, 'hall-13-public-phone');
    } catch (error) {
      // What each person saw when it failed.
      for (const p of people) await screenshot(p.page, `hall-failed-${p.login}`).catch(() => undefined);
      throw error;
    } finally {
      for (const p of people) await closeBrowser(p.browser);
    }
  }, 1_200_000);
});
