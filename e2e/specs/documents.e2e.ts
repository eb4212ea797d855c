import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_TENDERS } from '../../apps/server/src/seed/demo-tenders';
import { DESKTOP, PHONE, horizontalOverflow, logInAs, logOut, newPage, screenshot } from '../support/browser';
import { choose, typeDate } from '../support/antd';
import { DEMO, demoUser, useInProcessSuite } from '../support/suite';

const near = DEMO_TENDERS.nearDeadline;
const QUESTION = '第三章采购需求第5条的配送时限是否可以调整为48小时？';
const CLARIFICATION = '修改：第三章采购需求第5条配送时限改为接到订单后48小时内送达。';

/**
 * Documents and questions (C8) as people do them: a supplier obtains the documents of the demo tender nine days from
 * its deadline, downloads them and asks; the agency answers with a clarification that may affect bid preparation,
 * so the deadline moves (87号令 第二十七条); the supplier sees the new deadline and a notification. A barred
 * supplier is refused with the reason.
 */
describe('documents, questions and clarifications', () => {
  const suite = useInProcessSuite({ demo: true, background: true });

  it('a supplier obtains and downloads the documents and asks; the agency clarifies; the deadline moves', async () => {
    const base = suite.server.base;
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, base, 'supplier1', DEMO.password);
    await page.getByTestId('workspace-menu').getByText('我的投标项目').click();
    await page.getByText('还没有获取任何项目的采购文件').waitFor();

    await page.goto(`${base}/workspace/tenders/${near.id}`);
    await page.getByText(near.code).waitFor();
    const before = (await page.getByTestId('deadline').textContent()) ?? '';
    await screenshot(page, 'documents-1-tender-before-obtaining');

    await page.getByTestId('obtain-button').click();
    await page.getByTestId('obtained').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('documents').getByText('下载').click(),
    ]);
    expect(download.suggestedFilename()).toBe('招标文件.txt');
    expect(readFileSync(await download.path(), 'utf8')).toContain(near.code);

    await page.getByPlaceholder(/就采购文件提出问题/).fill(QUESTION);
    await page.getByTestId('ask-button').click();
    await page.getByTestId('my-questions').getByText(QUESTION).waitFor();
    await screenshot(page, 'documents-2-obtained-and-asked');
    await logOut(page, base);

    // The agency sees who asked, and publishes a clarification that may affect bid preparation.
    await logInAs(page, base, 'agency', DEMO.password);
    await page.goto(`${base}/workspace/projects/${near.id}/questions`);
    const questionRow = page.getByTestId('desk-questions').getByRole('row').filter({ hasText: QUESTION });
    await questionRow.getByText(demoUser('supplier1').organisation).waitFor();
    await page.getByTestId('obtainings').getByText(demoUser('supplier1').organisation).waitFor();
    await page.getByLabel('澄清或修改内容').fill(CLARIFICATION);
    await page.getByTestId('affects').click();
    await choose(page, page.getByLabel('答复的提问'), QUESTION, { multiple: true });
    await page.keyboard.press('Escape');
    await screenshot(page, 'documents-3-agency-clarifies');
    await page.getByTestId('publish-clarification').click();
    await page.getByText(/已通知 1 家获取采购文件的供应商；截止时间已顺延至/).waitFor();
    await page.getByTestId('deadline-move').first().waitFor();
    await screenshot(page, 'documents-4-agency-published');
    await logOut(page, base);

    // The supplier has a notification, and the tender shows the moved deadline with the rule.
    await logInAs(page, base, 'supplier1', DEMO.password);
    await page.getByTestId('notification-bell').locator('..').getByText('1').waitFor();
    await page.getByTestId('notification-bell').click();
    await page
      .getByTestId('notifications')
      .getByText(/澄清公告/)
      .waitFor();
    await screenshot(page, 'documents-5-notification');
    await page.getByRole('button', { name: '查看详情' }).first().click();
    await page.waitForURL(new RegExp(`/workspace/tenders/${near.id}$`));
    await page
      .getByTestId('deadline-move')
      .getByText(/第二十七条/)
      .waitFor();
    await page.getByTestId('clarifications').getByText(CLARIFICATION).waitFor();
    await page.getByTestId('my-questions').getByText('已答复').waitFor();
    const after = (await page.getByTestId('deadline').textContent()) ?? '';
    expect(after).not.toBe(before);
    await screenshot(page, 'documents-6-deadline-moved');

    await page.setViewportSize(PHONE);
    await expect.poll(() => horizontalOverflow(page), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(page, 'documents-7-tender-phone');
    await page.close();
  });

  it('the supervisor bars a supplier, which is then refused the documents with the reason', async () => {
    const base = suite.server.base;
    const uscc = DEMO.organisations.find((o) => o.key === 's6')?.uscc ?? '';
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, base, 'supervisor', DEMO.password);
    await page.getByTestId('workspace-menu').getByText('禁入名单').click();
    const form = page.getByTestId('bar-form');
    await form.getByLabel('统一社会信用代码').fill(uscc);
    await form.getByLabel('事由').fill('提供虚假材料谋取中标');
    await form.getByLabel('处罚决定书文号').fill('六财采处〔2026〕3号');
    // The start date is typed into the picker, as a person may (today, in the browser's own calendar), and seen to
    // land before submitting.
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
    await typeDate(form.getByLabel('起始'), today);
    await form.getByRole('button', { name: '记录禁入决定' }).click();
    await page.getByTestId('barred-list').getByText('六财采处〔2026〕3号').waitFor();
    await page.getByTestId('barred-list').getByText('生效中').waitFor();
    await screenshot(page, 'documents-8-barred-list');
    await logOut(page, base);

    await logInAs(page, base, 'supplier6', DEMO.password);
    await page.goto(`${base}/workspace/tenders/${DEMO_TENDERS.early.id}`);
    const refusal = page.getByTestId('obtain-refusal');
    await refusal.getByText(/提供虚假材料谋取中标/).waitFor();
    expect(await refusal.textContent()).toContain('六财采处〔2026〕3号');
    expect(await page.getByTestId('obtain-button').count()).toBe(0);
    await screenshot(page, 'documents-9-barred-refused');
    await page.close();
  });
});
