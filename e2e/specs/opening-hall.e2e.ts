import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects } from '../../apps/server/src/db/schema';
import { DEMO_TENDERS } from '../../apps/server/src/seed/demo-tenders';
import { confirmPopup } from '../support/antd';
import {
  ARTIFACTS,
  DESKTOP,
  PHONE,
  closeBrowser,
  horizontalOverflow,
  logInAs,
  openBrowser,
  screenshot,
} from '../support/browser';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server';
import { seedKey, seedSealedBids } from '../support/seed-bids';
import { DEMO, demoUser } from '../support/suite';

/**
 * Issue 4's remote opening (不见面开标, ADR 0016) in seven browsers. It starts where the hall does: four suppliers
 * have sealed bids on the demo opening tender before its deadline (seeded through the bid routes with keys the
 * platform CA certified, support/seed-bids.ts; the award journey clicks those stages). The public follows the hall
 * without logging in; at the deadline it opens by itself (the opening job, run when the spec moves the server's
 * clock); the agency hosts, the supervisor watches. Three suppliers sign in and decrypt in their own browsers with
 * their key files (one on a phone); the public sees each read-out arrive without reloading; the fourth never
 * decrypts and its bid becomes invalid when the window ends; one supplier objects and the host answers on the record;
 * host and supervisor sign the record; it is published and its PDF downloads. Screenshots: e2e/artifacts/hall-*.png.
 *
 * Tagged `server-database` (ADR 0023): the read-outs reach the other browsers as live updates (PostgreSQL
 * LISTEN/NOTIFY on the server database), the opening and the window's end are jobs claimed with SKIP LOCKED, and
 * the bidders act in the hall at the same time.
 */
const KEY_PASSWORD = 'hall-key-2026';
const BIDS = [
  { login: 'supplier1', price: 53_680_000, capital: '伍拾叁万陆仟捌佰元整', delivery: '合同签订后30日历天' },
  { login: 'supplier2', price: 54_800_050, capital: '伍拾肆万捌仟元伍角', delivery: '合同签订后25日历天' },
  { login: 'supplier3', price: 52_990_000, capital: '伍拾贰万玖仟玖佰元整', delivery: '合同签订后40日历天' },
  { login: 'supplier4', price: 55_100_000, capital: '伍拾伍万壹仟元整', delivery: '合同签订后20日历天' },
] as const;

interface Person {
  login: string;
  browser: BrowserContext;
  page: Page;
  keyFile: string;
}

/** A person's own browser, logged in (the key file is the one seeded for them). */
async function person(base: string, login: string, keyFile: string): Promise<Person> {
  const browser = await openBrowser(DESKTOP);
  const page = await browser.newPage();
  await page.setViewportSize(DESKTOP);
  await logInAs(page, base, login, DEMO.password);
  return { login, browser, page, keyFile };
}

/** Signs in to the hall with the person's key file and its password. */
async function signIn(p: Person, hallUrl: string): Promise<void> {
  await p.page.goto(hallUrl);
  await p.page.getByTestId('hall-sign-in').waitFor();
  await chooseKeyFile(p);
  await p.page.getByTestId('hall-sign-in').click();
  expect(await actionResult(p.page)).toContain('已签到');
}

/** Picks "密钥文件" in the hall's key chooser and loads the person's key file, with its password. */
async function chooseKeyFile(p: Person): Promise<void> {
  await p.page.getByText('密钥文件', { exact: true }).click();
  await p.page.locator('input[type=file]').setInputFiles(p.keyFile);
  await p.page.getByTestId('hall-key-password').fill(KEY_PASSWORD);
}

/** Waits until the action's answer is shown and returns its text (success or a clear error). */
async function actionResult(page: Page): Promise<string> {
  const result = page.getByTestId('hall-action-result');
  await result.waitFor({ timeout: 60_000 });
  return (await result.textContent()) ?? '';
}

describe('the remote opening hall', { tags: ['server-database'] }, () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startInProcessServer({ demo: true, background: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('opens, decrypts in the bidders’ browsers, reads out live, objects, signs and publishes', async () => {
    const base = server.base;
    const people: Person[] = [];
    try {
      // 1. Before the deadline: four sealed bids; the host and the supervisor have their certificates.
      const [project] = await server.t.services.db
        .select({ bidDeadline: projects.bidDeadline })
        .from(projects)
        .where(eq(projects.id, DEMO_TENDERS.opening.id));
      if (!project?.bidDeadline) throw new Error('the demo opening tender has no deadline');
      const sealed = await seedSealedBids(
        server,
        DEMO_TENDERS.opening.id,
        BIDS.map((b) => ({ login: b.login, priceFen: b.price, delivery: b.delivery })),
        KEY_PASSWORD,
        'hall',
      );
      const hostKey = await seedKey(server, 'agency', KEY_PASSWORD, 'hall');
      const supervisorKey = await seedKey(server, 'supervisor', KEY_PASSWORD, 'hall');
      const keyOf = (login: string) => sealed.find((b) => b.login === login)?.keyFile ?? '';
      const [s1, s2, s3, s4, host, supervisor] = await Promise.all([
        person(base, 'supplier1', keyOf('supplier1')),
        person(base, 'supplier2', keyOf('supplier2')),
        person(base, 'supplier3', keyOf('supplier3')),
        person(base, 'supplier4', keyOf('supplier4')),
        person(base, 'agency', hostKey.keyFile),
        person(base, 'supervisor', supervisorKey.keyFile),
      ]);
      people.push(s1, s2, s3, s4, host, supervisor);
      // supplier1 sees its sealed bid and the link to the hall on the tender page.
      await s1.page.goto(`${base}/workspace/tenders/${DEMO_TENDERS.opening.id}/bid`);
      await s1.page.getByTestId('my-bids').getByText('已递交').waitFor();
      await screenshot(s1.page, 'hall-01-bid-sealed');

      // The public (no login) opens the hall from the supplier's link; before the deadline it says so.
      const hallHref = await s1.page.getByTestId('hall-link-1').getAttribute('href');
      expect(hallHref).toMatch(/^\/openings\/[0-9a-f-]{36}$/);
      const publicBrowser = await openBrowser(DESKTOP);
      const viewer = await publicBrowser.newPage();
      people.push({ login: 'public', browser: publicBrowser, page: viewer, keyFile: '' });
      await viewer.goto(`${base}${hallHref ?? ''}`);
      await viewer.getByTestId('hall-not-open').or(viewer.getByTestId('hall')).first().waitFor();
      if (await viewer.getByTestId('hall-not-open').isVisible()) await screenshot(viewer, 'hall-02-before-deadline');

      // 2. At the deadline the hall opens by itself (the opening job on the server's clock), live on the viewer's page.
      await server.moveClockTo(project.bidDeadline);
      await viewer.getByTestId('hall-state').waitFor();
      await viewer.getByTestId('hall-public').waitFor();
      expect(await viewer.getByTestId('hall-role').textContent()).toBe('公众（只读）');
      expect(await viewer.getByTestId('progress-row').count()).toBe(4);

      // Every bidder and the supervisor sign in with their certificates' key files (supplier3 on a phone).
      for (const s of [s1, s2, s4, supervisor]) await signIn(s, `${base}${hallHref ?? ''}`);
      // supplier3 goes to the hall on its phone, from its bid page.
      await s3.page.setViewportSize(PHONE);
      await s3.page.goto(`${base}/workspace/tenders/${DEMO_TENDERS.opening.id}/bid`);
      await s3.page.getByTestId('hall-link-1').click();
      await s3.page.getByTestId('hall-sign-in').waitFor();
      await chooseKeyFile(s3);
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

      // 5. supplier4 never decrypts: at the window's end (the closing job, when the spec moves the clock there) its
      // bid is invalid, with the reason; 3 valid bids remain.
      const hall = (await (await fetch(`${base}/api${hallHref ?? ''}`)).json()) as { decryptionEndsAt: string | null };
      if (!hall.decryptionEndsAt) throw new Error('the decryption window has no end');
      await server.moveClockTo(new Date(hall.decryptionEndsAt));
      await viewer.getByTestId('hall-state').getByText('唱标').waitFor();
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
      await host.page.getByTestId('hall-sign-record').waitFor();
      await chooseKeyFile(host);
      await host.page.getByTestId('hall-sign-record').click();
      expect(await actionResult(host.page)).toContain('开标记录已签署');
      await supervisor.page.getByTestId('hall-sign-record').waitFor();
      await chooseKeyFile(supervisor);
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
      writeFileSync(join(ARTIFACTS, 'hall-failed-server.log'), server.output());
      throw error;
    } finally {
      for (const p of people) await closeBrowser(p.browser);
    }
  }, 600_000);
});
