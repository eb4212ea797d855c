import { describe, expect, it } from 'vitest';
import { confirmPopup } from '../support/antd';
import { DESKTOP, PHONE, horizontalOverflow, logInAs, newPage, screenshot } from '../support/browser';
import { DEMO, useInProcessSuite } from '../support/suite';

/** The demo agency's first tender (seed/demo-tenders.ts), lot 1 (交互式智能黑板, A0201). */
const PROJECT = '/workspace/projects/5e3d7c10-0001-4000-8000-000000000001';
const EXPERTS = DEMO.users.filter((u) => u.role === 'expert').map((u) => u.login);

interface Invitation {
  id: string;
  status: string;
  seat: number | null;
  steppedIn: boolean;
}

/** What an expert's own invitation list says, through the API as the expert (to know whom the draw chose). */
async function invitationsOf(base: string, login: string): Promise<Invitation[]> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO.password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const list = await fetch(`${base}/api/expert-invitations`, { headers: { cookie } });
  return ((await list.json()) as { items: Invitation[] }).items;
}

async function drawnExperts(base: string): Promise<{ login: string; invitation: Invitation }[]> {
  const found = [];
  for (const login of EXPERTS) {
    const [invitation] = await invitationsOf(base, login);
    if (invitation) found.push({ login, invitation });
  }
  return found;
}

describe('the expert draw (C11): request, draw, confirm, decline, verify', () => {
  const suite = useInProcessSuite({ demo: true, background: true });

  it('the agency draws lot 1; one expert confirms, one declines and a reserve steps in; the supervisor verifies', async () => {
    const { base } = suite.server;

    // The agency requests the draw: the form carries the defaults; the commitment is published first.
    const agency = await newPage(suite.browser, DESKTOP);
    await logInAs(agency, base, 'agency', DEMO.password);
    await agency.goto(`${base}${PROJECT}`);
    const card = agency.getByTestId('expert-draw-card');
    await card.waitFor();
    const lot = card.getByTestId('lot-draw-1');
    await lot.getByTestId('draw-request').waitFor();
    expect(await lot.getByTestId('draw-members').inputValue()).toBe('5');
    expect(await lot.getByTestId('draw-reserves').inputValue()).toBe('2');
    await card.scrollIntoViewIfNeeded();
    await screenshot(agency, 'expert-draw-request-form', { fullPage: false });
    await lot.getByTestId('draw-request').click();
    await lot.getByTestId('draw-summary-committed').waitFor();
    const commitment = (await lot.getByTestId('draw-commitment').textContent()) ?? '';
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(agency, 'expert-draw-committed', { fullPage: false });

    // 抽取: five seats, 专家1…专家5, awaiting answers; no names for the host.
    await lot.getByTestId('draw-run').click();
    await confirmPopup(agency);
    await lot.getByTestId('draw-summary-drawn').waitFor();
    const table = lot.getByTestId('seat-table');
    await expect.poll(() => table.getByTestId('seat-status-invited').count()).toBe(5);
    for (let n = 1; n <= 5; n++) await table.getByText(`专家${n}`, { exact: true }).waitFor();
    expect(await table.getByTestId('seat-expert').count()).toBe(0);
    const hostText = (await card.textContent()) ?? '';
    for (const name of DEMO.users.filter((u) => u.role === 'expert').map((u) => u.displayName)) {
      expect(hostText).not.toContain(name);
    }
    await table.scrollIntoViewIfNeeded();
    await screenshot(agency, 'expert-draw-drawn-host', { fullPage: false });
    await agency.close();

    const drawn = await drawnExperts(base);
    expect(drawn).toHaveLength(5);
    const [first, second] = drawn;
    if (!first || !second) throw new Error('not enough experts drawn');

    // The first drawn expert confirms in their workspace.
    await suite.browser.clearCookies();
    const expert = await newPage(suite.browser, DESKTOP);
    await logInAs(expert, base, first.login, DEMO.password);
    await expert.getByTestId('workspace-menu').getByText('评审邀请').click();
    const invitation = expert.getByTestId('invitation');
    await invitation.getByText('ZC-2026-LPS-0001').waitFor();
    await screenshot(expert, 'expert-draw-invitation');
    await invitation.getByTestId('invitation-confirm').click();
    await confirmPopup(expert);
    await invitation.getByTestId('seat-status-confirmed').waitFor();
    await screenshot(expert, 'expert-draw-invitation-confirmed');
    await expert.close();

    // The second declines, with a reason, on a phone.
    await suite.browser.clearCookies();
    const phone = await newPage(suite.browser, PHONE);
    await logInAs(phone, base, second.login, DEMO.password);
    await phone.goto(`${base}/workspace/invitations`);
    const offered = phone.getByTestId('invitation');
    await offered.getByTestId('invitation-decline').click();
    await phone.getByTestId('decline-reason').fill('评审当日已有其他项目评审任务');
    await screenshot(phone, 'expert-draw-decline-phone', { fullPage: false });
    await phone.getByTestId('decline-submit').click();
    await offered.getByTestId('seat-status-declined').waitFor();
    await expect.poll(() => horizontalOverflow(phone), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(phone, 'expert-draw-declined-phone');
    await phone.close();

    // The first reserve was called into the same seat and sees the invitation.
    const afterDecline = await drawnExperts(base);
    const reserve = afterDecline.find((d) => d.invitation.steppedIn);
    expect(reserve?.invitation).toMatchObject({ status: 'invited', seat: second.invitation.seat });

    // The host sees the seat declined and re-offered, still without names.
    await suite.browser.clearCookies();
    const host = await newPage(suite.browser, DESKTOP);
    await logInAs(host, base, 'agency', DEMO.password);
    await host.goto(`${base}${PROJECT}`);
    const reloaded = host.getByTestId('lot-draw-1').getByTestId('seat-table');
    await reloaded.getByTestId('seat-status-declined').waitFor();
    await reloaded.getByText('递补').waitFor();
    await reloaded.getByTestId('seat-status-confirmed').waitFor();
    await reloaded.scrollIntoViewIfNeeded();
    await screenshot(host, 'expert-draw-host-after-decline', { fullPage: false });
    await host.setViewportSize(PHONE);
    await reloaded.scrollIntoViewIfNeeded();
    await screenshot(host, 'expert-draw-host-phone', { fullPage: false });
    await host.close();

    // The supervisor opens the record and re-runs the draw in the browser: 一致.
    await suite.browser.clearCookies();
    const supervisor = await newPage(suite.browser, DESKTOP);
    await logInAs(supervisor, base, 'supervisor', DEMO.password);
    await supervisor.getByTestId('workspace-menu').getByText('专家抽取记录').click();
    await supervisor.getByTestId('draw-records').getByText('ZC-2026-LPS-0001').waitFor();
    await screenshot(supervisor, 'expert-draw-records');
    await supervisor.getByTestId('draw-open-1').click();
    await supervisor.waitForURL(/\/workspace\/expert-draws\/[0-9a-f-]{36}$/);
    expect(await supervisor.getByTestId('draw-commitment').first().textContent()).toBe(commitment);
    await supervisor.getByTestId('verify-seed').waitFor();
    expect(await supervisor.getByTestId('verify-server').getAttribute('data-ok')).toBe('true');
    await supervisor.getByTestId('verify-rerun').click();
    const verdict = supervisor.getByTestId('verify-browser');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await verdict.textContent()).toContain('一致');
    // Oversight sees who sits where, the reason of the decline, and why the others were not eligible.
    await supervisor.getByText('评审当日已有其他项目评审任务').waitFor();
    await supervisor.getByText('任职于采购人').first().waitFor();
    await screenshot(supervisor, 'expert-draw-verified');
    await supervisor.setViewportSize(PHONE);
    await expect.poll(() => horizontalOverflow(supervisor), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(supervisor, 'expert-draw-verified-phone');
    await supervisor.close();
  });
});
