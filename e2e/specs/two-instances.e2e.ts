import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUscc } from '@zhengcai/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose } from '../support/antd';
import { DESKTOP, closeBrowser, logInAs, openBrowser, screenshot } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';
import { DEMO } from '../support/suite';

/**
 * Several instances behind one address (README "Several instances"): two server processes on one PostgreSQL database,
 * a shared blob directory and the same platform key password. The centre works on instance A; a supplier signs up on
 * instance B. The registration reaches the centre's live feed on A without a reload — the event crosses instances
 * through PostgreSQL LISTEN/NOTIFY — and the approval made on A lets the supplier in on B.
 *
 * PGlite is one process's database (two processes on one data directory would corrupt it), so this spec runs only on
 * PostgreSQL: the embedded pass skips it, and `.ci/run` runs it in the PostgreSQL pass through its tag (ADR 0023).
 */
const NAME = '六盘水市水城区双实例测试科技有限公司';
const USCC = buildUscc('91', '520221', 'MA7K2N3X');
const LOGIN = 'shuangshili';
const PASSWORD = 'Shuangshili2026a';

describe.runIf(process.env.TEST_DATABASE_URL)('two instances on one PostgreSQL', { tags: ['server-database'] }, () => {
  let a: RunningServer;
  let b: RunningServer;
  const shared = mkdtempSync(join(tmpdir(), 'zc-e2e-shared-'));
  const env = { BLOB_DIR: join(shared, 'blobs'), PLATFORM_KEY_PASSWORD: 'two-instances-platform-key-2026' };

  beforeAll(async () => {
    // A migrates and seeds the demo city; B starts on the same database once A is up.
    a = await startServer({ ...env, INSTANCE_ID: 'a' });
    b = await startServer({ ...env, INSTANCE_ID: 'b', SEED_DEMO: 'false' }, { databaseUrl: a.databaseUrl ?? '' });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    rmSync(shared, { recursive: true, force: true });
  });

  it('a registration on B reaches the centre live on A; the approval on A lets the supplier in on B', async () => {
    expect(a.databaseUrl).toBe(b.databaseUrl);
    const centreBrowser = await openBrowser(DESKTOP);
    const applicantBrowser = await openBrowser(DESKTOP);
    try {
      const centre = await centreBrowser.newPage();
      await logInAs(centre, a.base, 'centre', DEMO.password);
      await centre.getByTestId('live-status').filter({ hasText: '实时连接' }).waitFor();

      const applicant = await applicantBrowser.newPage();
      await applicant.goto(`${b.base}/register`);
      await applicant.getByLabel('单位名称').fill(NAME);
      await applicant.getByLabel('统一社会信用代码').fill(USCC);
      await choose(applicant, applicant.getByLabel('所属行业'), '软件和信息技术服务业', { search: '软件' });
      await applicant.getByLabel('从业人员').fill('20');
      await applicant.getByLabel('营业收入').fill('300');
      await applicant.getByTestId('derived-scale').getByText('小型企业').first().waitFor();
      await applicant.getByLabel('我已阅读上述声明函，确认其内容真实').check();
      await applicant.getByLabel('账号名').fill(LOGIN);
      await applicant.getByLabel('联系人姓名').fill('杨帆');
      await applicant.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await applicant.getByLabel('电子邮箱').fill('yangfan@example.cn');
      await applicant.getByLabel('手机号码').fill('13985800001');
      await applicant.getByRole('button', { name: '提交注册' }).click();
      await applicant.getByText('等待交易中心审核').waitFor();

      // Committed on B, shown on A: the centre's feed receives it without a reload.
      await centre.getByTestId('live-event').filter({ hasText: NAME }).first().waitFor();
      await screenshot(centre, 'two-instances-centre-live-feed-on-a');
      await centre.getByTestId('workspace-menu').getByText('注册审核').click();
      const row = centre.getByRole('row').filter({ hasText: NAME });
      await row.getByRole('button', { name: '通过' }).click();
      await centre.getByText('已通过审核').waitFor();

      await logInAs(applicant, b.base, LOGIN, PASSWORD);
      expect(await applicant.getByTestId('profile').textContent()).toContain(NAME);
      await screenshot(applicant, 'two-instances-supplier-on-b');
    } finally {
      await closeBrowser(applicantBrowser);
      await closeBrowser(centreBrowser);
    }
  });
});
