import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects } from '../../apps/server/src/db/schema';
import { DEMO_TENDERS } from '../../apps/server/src/seed/demo-tenders';
import { confirmPopup } from '../support/antd';
import { obtainAndBid } from '../support/bidding';
import { ARTIFACTS } from '../support/browser';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server';
import {
  JOURNEY_KEY_PASSWORD,
  closeCast,
  drawnExperts,
  enterAll,
  failureShots,
  hallResult,
  shot,
  verifyCertificateAsPublic,
  visitor,
  type Cast,
} from '../support/journey';
import { bidderReadsLetter, hostPublishes, purchaserConfirms } from '../support/journey-award';
import { hostQualifies, leaderReports, memberComplies, memberScores, memberSigns } from '../support/journey-evaluation';
import { demoUser } from '../support/suite';

/**
 * Issue 5's journey, from the tender notice to the certificate, every person in their own browser: a purchaser
 * (教育局), the agency that hosts, three suppliers, the five experts the draw chooses, the supervisor and a visitor
 * without an account. The demo's opening tender (ZC-2026-LPS-0003, one lot 执法记录仪, A0201, comprehensive scoring
 * 价格 30 / 技术 60 / 售后服务 10) goes through notice → documents → sealed bids → opening at the deadline → record
 * → expert draw after the deadline → confirmations → the supervisor's check → qualification by the host →
 * leader vote and compliance by the members → scores → the leader's result and report → five signatures → the
 * purchaser's confirmation → the result notice → letters → the certificate, genuine and altered. Pictures:
 * e2e/artifacts/journey5-*.png.
 *
 * This is the one spec that clicks through every stage; every other spec seeds the stage it starts from (ADR 0023).
 * The server runs in this process with the demo city (support/in-process-server.ts) on a clock the journey can jump
 * forward: when the three bids are in, it moves the clock to the bid deadline and the hall opens (the opening job),
 * so no stage waits for the wall clock.
 */
const TENDER = DEMO_TENDERS.opening;
const PROJECT_PAGE = `/workspace/projects/${TENDER.id}`;
/** Three bids under the lot's 600,000.00 budget: a medium, a small and a micro enterprise (SME policy applies). */
const BIDS = [
  { login: 'supplier1', price: '536800', capital: '伍拾叁万陆仟捌佰元整', delivery: '合同签订后30日历天' },
  { login: 'supplier2', price: '548000.5', capital: '伍拾肆万捌仟元伍角', delivery: '合同签订后25日历天' },
  { login: 'supplier3', price: '529900', capital: '伍拾贰万玖仟玖佰元整', delivery: '合同签订后40日历天' },
] as const;

describe('issue 5: from the tender notice to the certificate, everyone in their own browser', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startInProcessServer({ demo: true, background: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('notice → sealed bids → opening → draw → evaluation → report → confirmation → result notice → certificate', async () => {
    const base = server.base;
    const cast: Partial<Cast> = { experts: [] };
    try {
      // ── Stage 0: everyone opens their own browser; those who sign make a key and certificate there. ──
      const anyone = await visitor(base);
      cast.visitor = anyone;
      const [purchaser, agency, s1, s2, s3, supervisor] = await enterAll(base, [
        { login: 'purchaser1' },
        { login: 'agency', key: true },
        { login: 'supplier1', key: true },
        { login: 'supplier2', key: true },
        { login: 'supplier3', key: true },
        { login: 'supervisor', key: true },
      ]);
      if (!purchaser || !agency || !s1 || !s2 || !s3 || !supervisor) throw new Error('someone is missing');
      Object.assign(cast, { purchaser, agency, suppliers: [s1, s2, s3], supervisor });
      const suppliers = [s1, s2, s3];

      // ── Stage 1: supplier1 finds the tender notice on the public portal and reads it. ──
      await s1.page.goto(`${base}/notices`);
      await s1.page.getByTestId('notice-search').locator('input').fill('执法记录仪');
      await s1.page.getByTestId('notice-search').locator('input').press('Enter');
      const item = s1.page.getByTestId('notice-item').filter({ hasText: '执法记录仪采购项目' });
      await expect.poll(() => s1.page.getByTestId('notice-item').count()).toBe(1);
      await item.getByRole('link').first().click();
      await s1.page.getByTestId('notice-title').waitFor();
      expect(await s1.page.getByTestId('notice-title').textContent()).toContain('公开招标公告');
      expect(await s1.page.getByTestId('notice-body').textContent()).toContain(TENDER.code);
      expect(await s1.page.getByTestId('notice-lots').textContent()).toContain('执法记录仪');
      await s1.page.getByTestId('notice-document').getByText('招标文件.txt').waitFor();
      await shot(s1, '01-notice');

      // ── Stage 2: from the notice to the documents: supplier1 obtains them (the others do as they bid). ──
      await s1.page.getByTestId('obtain-documents').click();
      await s1.page.waitForURL(`${base}/workspace/tenders/${TENDER.id}`);
      await s1.page.getByTestId('obtain-button').click();
      await s1.page.getByTestId('obtained').waitFor();
      await shot(s1, '02-documents-obtained');

      // ── Stage 3: three sealed bids, each in the supplier's browser with its own key and a technical response. ──
      const responses = suppliers.map((s) => {
        const path = join(ARTIFACTS, `journey5-技术响应文件-${s.login}.txt`);
        writeFileSync(path, `${s.login} 技术响应文件：执法记录仪 1080P，续航 12 小时。\n`.repeat(50));
        return path;
      });
      for (const [i, s] of suppliers.entries()) {
        const bid = BIDS[i];
        if (!bid || !s.keyFile) throw new Error('no bid or key');
        await obtainAndBid(s.page, base, TENDER.id, {
          price: bid.price,
          delivery: bid.delivery,
          attachment: responses[i],
          keyFile: s.keyFile,
          keyPassword: JOURNEY_KEY_PASSWORD,
        });
        await shot(s, `03-bid-sealed-${s.login}`);
      }
      const hallHref = (await s1.page.getByTestId('hall-link-1').getAttribute('href')) ?? '';
      expect(hallHref).toMatch(/^\/openings\/[0-9a-f-]{36}$/);

      // ── Stage 4: the hall opens by itself at the deadline (the opening job, when the clock gets there). ──
      // The purchaser follows the opening from its own office (read-only, as anyone may), waiting for the deadline.
      await purchaser.page.goto(`${base}${hallHref}`);
      await purchaser.page.getByTestId('hall-not-open').waitFor();
      const [tender] = await server.t.services.db
        .select({ bidDeadline: projects.bidDeadline })
        .from(projects)
        .where(eq(projects.id, TENDER.id));
      if (!tender?.bidDeadline) throw new Error('the tender has no deadline');
      await server.moveClockTo(tender.bidDeadline);
      await purchaser.page.getByTestId('hall-state').waitFor();
      expect(await purchaser.page.getByTestId('hall-role').textContent()).toBe('公众（只读）');
      expect(await purchaser.page.getByTestId('progress-row').count()).toBe(3);
      // Each bidder and the supervisor sign in with their certificates.
      for (const person of [...suppliers, supervisor]) {
        await person.page.goto(`${base}${hallHref}`);
        await person.page.getByTestId('hall-sign-in').waitFor();
        await person.page.getByTestId('hall-key-password').fill(JOURNEY_KEY_PASSWORD);
        await person.page.getByTestId('hall-sign-in').click();
        expect(await hallResult(person.page)).toContain('已签到');
      }
      await purchaser.page.getByTestId('hall-attendance').getByText(demoUser('supervisor').organisation).waitFor();
      await shot(purchaser, '04-hall-open');

      // ── Stage 5: the host starts decryption; the three decrypt in their browsers; the host closes the window. ──
      await agency.page.goto(`${base}${PROJECT_PAGE}`);
      await agency.page.getByTestId('hall-link-1').click();
      await agency.page.getByTestId('hall-start').click();
      await confirmPopup(agency.page);
      await agency.page.getByTestId('hall-state').getByText('解密中').waitFor();
      for (const [i, s] of suppliers.entries()) {
        await s.page.getByTestId('hall-decrypt').click();
        expect(await hallResult(s.page)).toContain('解密成功');
        const rows = purchaser.page.getByTestId('hall-read-out').getByTestId('read-out-row');
        await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(i + 1);
        await purchaser.page
          .getByTestId('hall-read-out')
          .getByText(BIDS[i]?.capital ?? '?')
          .waitFor();
      }
      await shot(s3, '05-decrypted-supplier3');
      await agency.page.getByTestId('hall-close').click();
      await confirmPopup(agency.page);
      await purchaser.page.getByTestId('hall-state').getByText('唱标').waitFor();
      await purchaser.page.getByTestId('hall-outcome').waitFor();
      await shot(purchaser, '06-read-out');

      // ── Stage 6: the bidders confirm their read-out; host and supervisor sign the record. ──
      for (const s of suppliers) {
        await s.page.getByTestId('hall-confirm').click();
        expect(await hallResult(s.page)).toContain('已确认');
      }
      await agency.page.getByTestId('hall-key-password').fill(JOURNEY_KEY_PASSWORD);
      await agency.page.getByTestId('hall-sign-record').click();
      expect(await hallResult(agency.page)).toContain('开标记录已签署');
      await shot(agency, '07-record-signed-host');
      await supervisor.page.getByTestId('hall-sign-record').waitFor();
      await supervisor.page.getByTestId('hall-key-password').fill(JOURNEY_KEY_PASSWORD);
      await supervisor.page.getByTestId('hall-sign-record').click();
      expect(await hallResult(supervisor.page)).toContain('开标记录已签署');

      // ── Stage 7: the record is published; anyone sees it with both signatures and its PDF. ──
      await anyone.page.goto(`${base}${hallHref}`);
      await anyone.page.getByTestId('hall-state').getByText('开标记录已公布').waitFor();
      await anyone.page.getByTestId('hall-record-pdf').waitFor();
      expect(await anyone.page.getByTestId('hall-signatures').locator('.ant-list-item').count()).toBe(2);
      await purchaser.page.getByTestId('hall-state').getByText('开标记录已公布').waitFor();
      await shot(anyone, '08-record-published');
      // ── Stage 8: after the deadline, the agency requests the draw (commitment first) and runs it. ──
      await agency.page.goto(`${base}${PROJECT_PAGE}`);
      const card = agency.page.getByTestId('expert-draw-card');
      const lot = card.getByTestId('lot-draw-1');
      await lot.getByTestId('draw-request').waitFor();
      expect(await lot.getByTestId('draw-members').inputValue()).toBe('5');
      await lot.getByTestId('draw-request').click();
      await lot.getByTestId('draw-summary-committed').waitFor();
      const commitment = (await lot.getByTestId('draw-commitment').textContent()) ?? '';
      expect(commitment).toMatch(/^[0-9a-f]{64}$/);
      await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(agency, '09-draw-committed', { fullPage: false });
      await lot.getByTestId('draw-run').click();
      await confirmPopup(agency.page);
      await lot.getByTestId('draw-summary-drawn').waitFor();
      const seats = lot.getByTestId('seat-table');
      await expect.poll(() => seats.getByTestId('seat-status-invited').count()).toBe(5);
      await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(agency, '10-draw-drawn', { fullPage: false });

      // Whom it chose (the host sees 专家1…专家5 only): none works for the purchaser, the agency's conflict, or a
      // bidder — expert03 works for supplier1, which the draw after the deadline knows.
      const drawn = await drawnExperts(base, TENDER.code);
      expect(drawn.map((d) => d.seat)).toEqual([1, 2, 3, 4, 5]);
      expect(drawn.map((d) => d.login)).not.toContain('expert03');
      expect(drawn.map((d) => d.login)).not.toContain('expert04');
      expect(drawn.map((d) => d.login)).not.toContain('expert10');
      // ── Stage 9: the five experts, each in their own browser, make their keys and confirm under 评审邀请. ──
      const experts = await enterAll(
        base,
        drawn.map((d) => ({ login: d.login, key: true })),
      );
      cast.experts = experts;
      for (const expert of experts) {
        await expert.page.getByTestId('workspace-menu').getByText('评审邀请').click();
        const invitation = expert.page.getByTestId('invitation').filter({ hasText: TENDER.code });
        await invitation.getByTestId('invitation-confirm').click();
        await confirmPopup(expert.page);
        await invitation.getByTestId('seat-status-confirmed').waitFor();
        await shot(expert, `11-confirmed-${expert.login}`);
      }
      await agency.page.reload();
      await lot.getByTestId('committee-status').getByText('已组建').waitFor();
      await expect.poll(() => lot.getByTestId('seat-status-confirmed').count()).toBe(5);
      await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(agency, '12-committee-complete', { fullPage: false });
      // ── Stage 10: the supervisor re-runs the draw in the browser: 一致, with why the others were not eligible. ──
      await supervisor.page.goto(`${base}/workspace`);
      await supervisor.page.getByTestId('workspace-menu').getByText('专家抽取记录').click();
      await supervisor.page.getByTestId('draw-records').getByText(TENDER.code).waitFor();
      await supervisor.page.getByTestId('draw-records').getByTestId('draw-open-1').click();
      await supervisor.page.waitForURL(/\/workspace\/expert-draws\/[0-9a-f-]{36}$/);
      expect(await supervisor.page.getByTestId('draw-commitment').first().textContent()).toBe(commitment);
      await supervisor.page.getByTestId('verify-rerun').click();
      const verdict = supervisor.page.getByTestId('verify-browser');
      await verdict.waitFor();
      expect(await verdict.getAttribute('data-ok')).toBe('true');
      expect(await verdict.textContent()).toContain('一致');
      await supervisor.page.getByText('任职于投标人').first().waitFor();
      await supervisor.page.getByText('任职于采购人').first().waitFor();
      await shot(supervisor, '13-draw-verified');

      // ── Stage 11: the host starts the evaluation and passes the three bidders' qualification. ──
      await hostQualifies(agency, base, PROJECT_PAGE, BIDS.length);

      // ── Stage 12: each member, in their own browser: leader vote (seat 1 is elected by the first three), the
      // compliance review of the three bids, submitted. ──
      for (const expert of experts) await memberComplies(expert, base, TENDER.code);
      const leader = experts[0];
      if (!leader) throw new Error('no leader');
      await leader.page.reload();
      await leader.page.getByTestId('leader-elected').waitFor();
      await leader.page.getByTestId('compliance-all').waitFor();
      await shot(leader, '15-compliance-all');
      // The members read the bids as the opening decrypted them: the leader's copy of supplier1's technical
      // response is byte for byte what supplier1 sealed.
      const [download] = await Promise.all([
        leader.page.waitForEvent('download'),
        leader.page
          .getByTestId('compliance-table')
          .getByTestId('bid-file')
          .getByText('journey5-技术响应文件-supplier1')
          .click(),
      ]);
      const copy = join(ARTIFACTS, 'journey5-downloaded-by-leader.txt');
      await download.saveAs(copy);
      expect(readFileSync(copy).equals(readFileSync(responses[0] ?? ''))).toBe(true);

      // ── Stage 13: each member scores the two scored criteria (技术, 售后服务) of each bid and submits; the price
      // score is the platform's. ──
      for (const [i, expert] of experts.entries()) await memberScores(expert, base, TENDER.code, i + 1);

      // ── Stage 14: the leader computes the result (each number with its working) and fixes the report. ──
      await leaderReports(leader);
      const lotId = hallHref.replace(/^\/openings\//, '');
      await shot(leader, '18-report-fixed');

      // ── Stage 15: every member signs the report with their certificate; the last signature reports it. ──
      for (const expert of experts) await memberSigns(expert, base, lotId);
      await leader.page.reload();
      await expect.poll(() => leader.page.getByTestId('eval-state').getAttribute('data-state')).toBe('reported');
      expect(await leader.page.getByTestId('eval-signed').count()).toBe(5);
      const report = await leader.page.request.get(`${base}/api/lots/${lotId}/evaluation/report.pdf`);
      expect(report.status()).toBe(200);
      expect((await report.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await shot(leader, '18-report-signed');

      // ── Stage 16: the purchaser confirms the first-ranked bid within the period. ──
      const winnerName = await purchaserConfirms(purchaser, base, PROJECT_PAGE);
      const winner = suppliers.find((s) => s.organisation === winnerName);
      if (!winner) throw new Error(`the winner ${winnerName} is none of the three bidders`);

      // ── Stage 17: the host publishes the result notice; letters and the certificate go out with it. ──
      const noticeHref = await hostPublishes(agency, base, PROJECT_PAGE);

      // ── Stage 18: anyone reads the result notice: the winner, the amount and the committee, now named. ──
      await anyone.page.goto(`${base}${noticeHref}`);
      await anyone.page.getByTestId('notice-title').waitFor();
      const notice = (await anyone.page.getByTestId('notice-body').textContent()) ?? '';
      expect(notice).toContain(winnerName);
      expect(notice).toContain('评审专家名单');
      for (const expert of experts) expect(notice).toContain(expert.displayName);
      await shot(anyone, '21-result-notice');

      // ── Stage 19: each bidder finds its letter; the winner's carries the transaction certificate. ──
      let number: string | null = null;
      for (const s of suppliers) number = (await bidderReadsLetter(s, base, s === winner)) ?? number;
      if (!number) throw new Error('the winner has no certificate');

      // ── Stage 20: anyone follows the certificate's QR code: genuine; an altered copy is not. ──
      await verifyCertificateAsPublic(anyone, base, number);
    } catch (error) {
      await failureShots(cast);
      writeFileSync(join(ARTIFACTS, 'journey5-failed-server.log'), server.output());
      throw error;
    } finally {
      await closeCast(cast);
    }
  }, 1_800_000);
});
