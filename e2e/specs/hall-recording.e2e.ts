import { describe, expect, it } from 'vitest';
import { choose } from '../support/antd';
import { DESKTOP, PHONE, horizontalOverflow, logInAs, newPage, screenshot } from '../support/browser';
import { DEMO, useInProcessSuite } from '../support/suite';

/** The demo city's published tender (seed/demo-city.ts): the demo agency hosts its opening. */
const TENDER = 'ZC-2026-000001';

describe('recording the opening (issue 4 point 8)', () => {
  // Chromium's fake camera and microphone stand in for the host's devices.
  const suite = useInProcessSuite({ demo: true, background: true, browser: { fakeMedia: true } });

  it('the agency records a few seconds of a lot’s opening; the supervisor plays it back', async () => {
    const host = await newPage(suite.browser, DESKTOP);
    await logInAs(host, suite.server.base, 'agency', DEMO.password);
    await host.getByTestId('workspace-menu').getByText('开标录像').click();
    await choose(host, host.getByTestId('recordings-project'), TENDER);
    await host.getByRole('link', { name: /^第 1 包/ }).click();
    await host.waitForURL(/\/workspace\/recordings\/[0-9a-f-]{36}$/);
    const lotUrl = host.url();

    const recorder = host.getByTestId('hall-recorder');
    await recorder.waitFor();
    await host.getByTestId('recorder-start').click();
    await expect.poll(() => recorder.getAttribute('data-phase'), { timeout: 15_000 }).toBe('recording');
    // Two 5 s timeslices uploaded while recording, then the rest at stop.
    await expect
      .poll(async () => Number(await host.getByTestId('recorder-uploaded').getAttribute('data-uploaded')), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(2);
    await screenshot(host, 'recording-host-recording', { fullPage: false });
    await host.getByTestId('recorder-stop').click();
    await expect.poll(() => recorder.getAttribute('data-phase'), { timeout: 30_000 }).toBe('stopped');
    await expect(recorder.getByTestId('recorder-problem').count()).resolves.toBe(0);
    const uploaded = Number(await host.getByTestId('recorder-uploaded').getAttribute('data-uploaded'));
    expect(uploaded).toBeGreaterThanOrEqual(3);
    await screenshot(host, 'recording-host-stopped', { fullPage: false });

    // The host has no playback: the server tells it "not found".
    const hostList = await host.evaluate(
      async (lotId) => (await fetch(`/api/recordings?lotId=${lotId}`)).status,
      lotUrl.split('/').at(-1) ?? '',
    );
    expect(hostList).toBe(404);
    await host.close();
    await suite.browser.clearCookies();

    const supervisor = await newPage(suite.browser, DESKTOP);
    await logInAs(supervisor, suite.server.base, 'supervisor', DEMO.password);
    await supervisor.goto(lotUrl);
    const playback = supervisor.getByTestId('recording-playback');
    await playback.waitFor();
    const row = playback.getByRole('row').filter({ hasText: '代理机构 项目经理 龙飞' });
    await row.getByText('已结束').waitFor();
    await row.getByTestId('recording-play').click();
    const video = supervisor.getByTestId('recording-video');
    await video.waitFor();
    // The browser parsed the concatenated chunks: metadata (HAVE_METADATA or more), a video track of the fake
    // camera's size, and it plays.
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);
    // It plays: the position moves past one second of the recording.
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      await v.play();
    });
    await supervisor.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="recording-video"]');
      return v !== null && (v.currentTime > 1 || v.error !== null || v.ended);
    });
    const media = await video.evaluate((v: HTMLVideoElement) => ({
      width: v.videoWidth,
      height: v.videoHeight,
      time: v.currentTime,
      duration: v.duration,
      error: v.error?.code ?? null,
    }));
    expect(media.error).toBeNull();
    expect(media.width).toBeGreaterThan(0);
    expect(media.height).toBeGreaterThan(0);
    expect(media.time).toBeGreaterThan(1);
    expect(media.duration).toBeGreaterThan(0);
    // Each chunk's hash, as in the evidence log.
    await expect.poll(() => playback.getByText(/^[0-9a-f]{24}…$/).count()).toBe(uploaded);
    await video.evaluate((v: HTMLVideoElement) => v.pause());
    await screenshot(supervisor, 'recording-supervisor-playback');

    await supervisor.setViewportSize(PHONE);
    await expect.poll(() => horizontalOverflow(supervisor), { timeout: 5000 }).toBeLessThanOrEqual(0);
    await screenshot(supervisor, 'recording-supervisor-playback-phone');
    await supervisor.close();
  });
});
