import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium fonts-noto-cjk); `.ci/run` installs it. Missing → the suite fails. */
const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface BrowserOptions {
  /**
   * Chromium's fake camera and microphone (a test pattern and a beep) and automatic consent to getUserMedia and
   * getDisplayMedia: for recording tests. Off by default.
   */
  fakeMedia?: boolean;
  /** The browser's time zone (IANA, e.g. `Asia/Shanghai`); the machine's when absent. */
  timezoneId?: string;
}

/**
 * A fresh browser profile (a person's own browser), launched as ENGINEERING.md's "known traps" prescribes:
 * `npx playwright install` cannot work here, so it is Debian's Chromium on a new temporary profile directory.
 */
export async function openBrowser(viewport = DESKTOP, options: BrowserOptions = {}): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  const profile = mkdtempSync(join(tmpdir(), 'zc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport,
    locale: 'zh-CN',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.fakeMedia
        ? [
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            '--autoplay-policy=no-user-gesture-required',
          ]
        : []),
    ],
  });
  profiles.set(context, profile);
  return context;
}

const profiles = new WeakMap<BrowserContext, string>();

/** Closes a browser from openBrowser() and removes its temporary profile. */
export async function closeBrowser(context: BrowserContext): Promise<void> {
  await context.close();
  const profile = profiles.get(context);
  // Chromium may still be flushing its cache as it exits: a leftover temp dir is not worth failing a test for.
  if (!profile) return;
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    // left in the temp dir; the OS cleans it
  }
}

/** A new tab of the given size. */
export async function newPage(browser: BrowserContext, viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  return page;
}

/** Keeps a picture in e2e/artifacts/; `fullPage: false` for dialogs (a fixed mask covers only the viewport). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // A picture of what a person sees once the page has settled: no spinner, and every finite animation (antd's fades
  // and slides) finished. Endless ones (a live indicator's pulse) never finish and are not waited for.
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-spin-blur'));
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

/** How far the page scrolls sideways (0 when nothing is wider than the screen). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Logs in through the login form, as a person does, and waits for the workspace. */
export async function logInAs(page: Page, base: string, login: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel(/账号|Login/).fill(login);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Log in/ }).click();
  await page.waitForURL(/\/workspace\//);
  await page.getByTestId('welcome').waitFor();
}

/** Logs out through the user menu, as a person does, and waits for the portal. */
export async function logOut(page: Page, base: string): Promise<void> {
  await page.getByTestId('user-menu').hover();
  await page.getByRole('menuitem', { name: /退出登录|Log out/ }).click();
  await page.waitForURL(`${base}/`);
}

/**
 * Makes the logged-in user's key pair and certificate in the browser (数字证书 → wizard) and keeps the downloaded key
 * file in e2e/artifacts/ as `<prefix>-<name>`; `shot` takes a picture of the wizard's result first.
 */
export async function makeKeyFile(page: Page, password: string, prefix: string, shot?: string): Promise<string> {
  await page.getByTestId('workspace-menu').getByText('数字证书').click();
  await page.getByTestId('cert-create').click();
  await page.getByTestId('cert-password').fill(password);
  await page.getByTestId('cert-password-confirm').fill(password);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cert-start').click()]);
  mkdirSync(ARTIFACTS, { recursive: true });
  const keyFile = join(ARTIFACTS, `${prefix}-${download.suggestedFilename()}`);
  await download.saveAs(keyFile);
  await page.getByTestId('cert-done-result').waitFor();
  if (shot) await screenshot(page, shot, { fullPage: false });
  await page.getByTestId('cert-done').click();
  return keyFile;
}
