import { beijingDateOf, minimumLegalTimeline, rulesInForce } from '@zhengcai/domain';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, typeDate } from '../support/antd';
import { DESKTOP, PHONE, horizontalOverflow, logInAs, newPage, screenshot } from '../support/browser';
import { DEMO, demoUser, useInProcessSuite } from '../support/suite';

const TITLE = '住院楼病房及办公家具采购项目';
const HOSPITAL = demoUser('purchaser2').organisation;

/** Beijing wall-clock text `YYYY-MM-DD HH:mm` of an instant, as the pickers show it. */
const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The input of an antd control carrying a test id (on the input itself or on its wrapper). */
const inputOf = (page: Page, id: string): Locator =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

/** A one-page PDF (ASCII text) for the upload. */
function pdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

describe('projects: an agency registers, is told which rule it broke, fixes it, uploads and publishes', () => {
  const suite = useInProcessSuite({ demo: true, background: true });

  it('the notice then appears on the public portal for anyone', async () => {
    // The server's clock: the legal minimum dates the page shows are counted from it.
    const now = suite.server.t.clock.now();
    const minimum = minimumLegalTimeline({
      method: 'open-tender',
      category: 'goods',
      publishedAt: now,
      rules: rulesInForce(beijingDateOf(now)),
    });
    if (!minimum.bidDeadline) throw new Error('no minimum deadline');
    // One day short of the minimum bid period (20 days from the documents, OPEN_TENDER_MIN_BID_PERIOD).
    const tooEarly = new Date(new Date(minimum.bidDeadline).getTime() - 86_400_000);

    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, suite.server.base, 'agency', DEMO.password);
    await page.getByTestId('workspace-menu').getByText('采购项目', { exact: true }).click();
    await page.waitForURL(/\/workspace\/projects$/);
    await page.getByTestId('project-new').click();
    await page.waitForURL(/\/workspace\/projects\/new$/);

    await page.getByTestId('project-title').fill(TITLE);
    await choose(page, page.getByTestId('project-purchaser'), HOSPITAL);
    await page.getByTestId('lot-0-title').fill('病房家具');
    // An extra price-sheet column the bidders must fill (read out at the opening).
    await page.getByTestId('lot-0-add-field').click();
    await page.getByTestId('lot-0-field-0-key').fill('warrantyMonths');
    await page.getByTestId('lot-0-field-0-label').fill('质保期（月）');
    await choose(page, page.getByTestId('lot-0-field-0-kind'), '数字');
    await choose(page, page.getByTestId('lot-0-category'), 'A05');
    await inputOf(page, 'lot-0-budget').fill('860000');
    await inputOf(page, 'lot-0-deposit').fill('17200');
    await page.getByTestId('lot-add').click();
    await page.getByTestId('lot-1-title').fill('办公家具');
    await choose(page, page.getByTestId('lot-1-category'), 'A05');
    await inputOf(page, 'lot-1-budget').fill('420000');
    await page.getByTestId('lot-1-sme').click();

    // The legal minimum dates are shown beside the pickers; take them, then move the deadline a day too early.
    expect(await page.getByTestId('legal-minimum').allTextContents()).toContain(
      `法定最早：${beijing(new Date(minimum.bidDeadline))}`,
    );
    await page.getByTestId('use-earliest').click();
    await typeDate(inputOf(page, 'bid-deadline'), beijing(tooEarly));
    await screenshot(page, 'projects-01-new-draft');
    await page.getByTestId('project-save').click();
    await page.waitForURL(/\/workspace\/projects\/[0-9a-f-]{36}$/);
    await page.getByTestId('project-status').filter({ hasText: '草稿' }).waitFor();
    const saved = await page.request.get(`${suite.server.base}/api/projects/${page.url().split('/').pop() ?? ''}`);
    expect(((await saved.json()) as { lots: { priceSheetFields: unknown[] }[] }).lots[0]?.priceSheetFields).toEqual([
      { key: 'warrantyMonths', label: '质保期（月）', kind: 'number', required: true },
    ]);

    // Publishing is refused, and the rule is named on the deadline with the earliest legal date.
    await page.getByTestId('project-publish').click();
    const violations = page.getByTestId('violations');
    await violations.filter({ hasText: 'OPEN_TENDER_MIN_BID_PERIOD' }).waitFor();
    const earliestDate = beijingDateOf(minimum.bidDeadline);
    expect(await violations.textContent()).toContain(earliestDate);
    expect(await violations.textContent()).toContain('DOCUMENTS_REQUIRED');
    const fieldError = page.locator('.ant-form-item-explain-error', { hasText: 'OPEN_TENDER_MIN_BID_PERIOD' });
    await fieldError.first().waitFor();
    await screenshot(page, 'projects-02-rule-named');

    // Fix the timeline, upload the documents, publish.
    await typeDate(inputOf(page, 'bid-deadline'), beijing(new Date(minimum.bidDeadline)));
    await page.getByTestId('project-save').click();
    await page.locator('.ant-message').filter({ hasText: '已保存' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '招标文件.pdf',
      mimeType: 'application/pdf',
      buffer: pdf(),
    });
    await page.getByTestId('document-item').filter({ hasText: '招标文件.pdf' }).waitFor();
    await page.getByTestId('publishable').waitFor();
    await screenshot(page, 'projects-03-ready');
    await page.getByTestId('project-publish').click();
    await page.getByTestId('project-status').filter({ hasText: '已发布' }).waitFor();
    await screenshot(page, 'projects-04-published');
    await page.close();

    // An anonymous visitor finds the notice on the portal.
    await suite.browser.clearCookies();
    const visitor = await newPage(suite.browser, DESKTOP);
    await visitor.goto(`${suite.server.base}/`);
    await visitor.getByTestId('latest-notices').getByText(TITLE, { exact: false }).waitFor();
    await visitor.goto(`${suite.server.base}/notices`);
    await visitor.getByTestId('notice-search').locator('input').fill('办公家具');
    await visitor.getByTestId('notice-search').locator('input').press('Enter');
    const item = visitor.getByTestId('notice-item').filter({ hasText: TITLE });
    await item.waitFor();
    await expect.poll(() => visitor.getByTestId('notice-item').count()).toBe(1);
    await screenshot(visitor, 'projects-05-notices');
    await item.getByRole('link').click();
    await visitor.getByTestId('notice-title').filter({ hasText: '公开招标公告' }).waitFor();
    expect(await visitor.getByTestId('notice-title').textContent()).toContain(HOSPITAL);
    const lots = visitor.getByTestId('notice-lots').locator('tbody tr.ant-table-row');
    await expect.poll(() => lots.count()).toBe(2);
    expect(await lots.nth(0).textContent()).toContain('17,200.00');
    expect(await lots.nth(1).textContent()).toContain('专门面向中小企业');
    expect(await visitor.getByTestId('notice-document').textContent()).toContain('招标文件.pdf');
    const body = await visitor.getByTestId('notice-body').textContent();
    expect(body).toContain('一、项目基本情况');
    expect(body).toContain('预算金额：1,280,000.00元（大写：壹佰贰拾捌万元整）');
    expect(body).toContain('包2专门面向中小企业采购');
    // Lot 1 is not reserved: the notice states the documents' SME deduction (the form's default 10%).
    expect(body).toContain('对小微企业报价给予10%的扣除');
    const obtain = visitor.getByTestId('obtain-documents');
    expect(await obtain.textContent()).toContain('获取采购文件');
    expect(await visitor.locator('a:has([data-testid="obtain-documents"])').getAttribute('href')).toMatch(
      /^\/workspace\/tenders\/[0-9a-f-]{36}$/,
    );
    await screenshot(visitor, 'projects-06-notice');
    await visitor.setViewportSize(PHONE);
    await expect.poll(() => horizontalOverflow(visitor), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(visitor, 'projects-07-notice-phone');
    await visitor.close();
  });
});
