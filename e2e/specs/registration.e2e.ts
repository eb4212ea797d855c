import { buildUscc } from '@zhengcai/domain';
import { describe, expect, it } from 'vitest';
import { choose } from '../support/antd';
import { DESKTOP, closeBrowser, logInAs, newPage, openBrowser, screenshot } from '../support/browser';
import { DEMO, useInProcessSuite } from '../support/suite';

const NAME = '六盘水市钟山区云启科技有限公司';
const USCC = '91440300708461136T'; // a real-format code; the same with a wrong check character ends in X

describe('supplier sign-up and the centre review', () => {
  const suite = useInProcessSuite({ demo: true, background: true });

  it('a supplier signs up, waits, is approved live by the centre, and logs in', async () => {
    const centre = await newPage(suite.browser, DESKTOP);
    await logInAs(centre, suite.server.base, 'centre', DEMO.password);
    await centre.getByTestId('live-status').filter({ hasText: '实时连接' }).waitFor();

    // The applicant uses a browser of their own.
    const applicantBrowser = await openBrowser(DESKTOP);
    try {
      const applicant = await applicantBrowser.newPage();
      await applicant.goto(`${suite.server.base}/register`);
      await applicant.getByLabel('单位名称').fill(NAME);
      await applicant.getByLabel('统一社会信用代码').fill(`${USCC.slice(0, 17)}X`);
      // The industry list is long (16 items, virtualised): search it.
      await choose(applicant, applicant.getByLabel('所属行业'), '软件和信息技术服务业', { search: '软件' });
      await applicant.getByLabel('从业人员').fill('50');
      await applicant.getByLabel('营业收入').fill('600');
      // The scale is derived as the figures are typed, with the thresholds that decided it.
      await applicant.getByTestId('derived-scale').getByText('小型企业').first().waitFor();
      expect(await applicant.getByTestId('declaration-text').textContent()).toContain(
        '从业人员50人，营业收入为600万元',
      );
      await applicant.getByLabel('我已阅读上述声明函，确认其内容真实').check();
      await screenshot(applicant, 'register-profile-declaration');
      await applicant.getByLabel('账号名').fill('yunqi');
      await applicant.getByLabel('联系人姓名').fill('吴晓');
      await applicant.getByLabel('密码', { exact: true }).fill('Yunqi2026abc');
      await applicant.getByLabel('电子邮箱').fill('wuxiao@example.cn');
      await applicant.getByLabel('手机号码').fill('13985812345');
      await applicant.getByRole('button', { name: '提交注册' }).click();
      // The server's field error appears next to the field, and says exactly which character is wrong.
      const usccItem = applicant.locator('.ant-form-item').filter({ has: applicant.getByLabel('统一社会信用代码') });
      await usccItem.getByText('第 18 位应为“T”').waitFor();
      await screenshot(applicant, 'register-wrong-code');
      await applicant.getByLabel('统一社会信用代码').fill(USCC);
      await applicant.getByRole('button', { name: '提交注册' }).click();
      await applicant.getByText('注册已提交').waitFor();
      await applicant.getByText('等待交易中心审核').waitFor();
      await screenshot(applicant, 'register-done');

      // Until the centre approves, the login says why it cannot go in.
      await applicant.goto(`${suite.server.base}/login`);
      await applicant.getByLabel('账号').fill('yunqi');
      await applicant.getByLabel('密码').fill('Yunqi2026abc');
      await applicant.getByRole('button', { name: '登录' }).click();
      await expect.poll(() => applicant.getByTestId('login-error').textContent()).toContain('尚待交易中心审核');

      // The centre's live feed shows the registration without a reload; the centre approves it.
      await centre.getByTestId('live-event').filter({ hasText: NAME }).first().waitFor();
      await screenshot(centre, 'centre-live-feed');
      await centre.getByTestId('workspace-menu').getByText('注册审核').click();
      const row = centre.getByRole('row').filter({ hasText: NAME });
      await row.waitFor();
      expect(await row.textContent()).toContain(USCC);
      expect(await row.textContent()).toContain('小型企业');
      await screenshot(centre, 'centre-registrations');
      await row.getByRole('button', { name: '通过' }).click();
      await centre.getByText('已通过审核').waitFor();
      await row.waitFor({ state: 'detached' });

      await logInAs(applicant, suite.server.base, 'yunqi', 'Yunqi2026abc');
      expect(await applicant.getByTestId('welcome').textContent()).toContain('吴晓');
      expect(await applicant.getByTestId('profile').textContent()).toContain(NAME);
      expect(await applicant.getByTestId('profile').textContent()).toContain('供应商');
      await screenshot(applicant, 'new-supplier-workspace');
    } finally {
      await closeBrowser(applicantBrowser);
    }
    await centre.close();
  });

  it('the administrator rejects a registration with a reason, and it leaves the queue', async () => {
    const name = '六盘水市水城区测试退回有限公司';
    const response = await fetch(`${suite.server.base}/api/registrations/suppliers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organisation: { name, uscc: buildUscc('91', '520221', 'MA6H7K2P') },
        profile: { industry: 'other', employees: 5 },
        declaration: { declaredScale: 'micro', confirmed: true },
        user: {
          login: 'tuihui',
          displayName: '赵六',
          password: 'Tuihui2026abc',
          email: 'zhao@example.cn',
          phone: '13985800000',
        },
      }),
    });
    expect(response.status).toBe(201);
    const page = await newPage(suite.browser, DESKTOP);
    await logInAs(page, suite.server.base, 'admin', DEMO.password);
    await page.getByTestId('workspace-menu').getByText('注册审核').click();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: '退回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByPlaceholder('退回原因').fill('营业执照扫描件不清晰，请重新提交');
    await dialog.getByRole('button', { name: '退回' }).click();
    await page.getByText(`${name}：已退回`).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.close();
  });
});
