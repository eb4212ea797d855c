import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from '../../apps/server/src/seed/demo-city-data';
import { closeBrowser, openBrowser, type BrowserOptions } from './browser';
import { startInProcessServer, type InProcessOptions, type InProcessServer } from './in-process-server';
import { startServer, type RunningServer } from './server';

/** The demo city the server seeds (apps/server/src/seed): one source for logins, names and the password. */
export const DEMO = { password: DEMO_PASSWORD, users: DEMO_USERS, organisations: DEMO_ORGANISATIONS };

export function demoUser(login: string): { login: string; displayName: string; role: string; organisation: string } {
  const user = DEMO_USERS.find((u) => u.login === login);
  if (!user) throw new Error(`no demo user ${login}`);
  const organisation = DEMO_ORGANISATIONS.find((o) => o.key === user.organisation);
  return { ...user, organisation: organisation?.name ?? '' };
}

export interface Suite<S extends { base: string } = RunningServer> {
  server: S;
  browser: BrowserContext;
}

/**
 * One spec file = one fresh server (its own database; `options.env` is added to its environment; `options.browser`
 * e.g. turns on fake media devices) and one browser. The server is the real process (`npm start`'s main.ts with the
 * demo city, support/server.ts).
 * Each test starts logged out: cookies are cleared after every test, so no test depends on another's session.
 */
export function useSuite(options: { env?: Record<string, string>; browser?: BrowserOptions } = {}): Suite {
  return suiteOf(() => startServer(options.env ?? {}), options.browser);
}

/**
 * The same, with the server in this process (support/in-process-server.ts): for specs that seed the state they
 * start from through the server's own use cases, or move its clock.
 */
export function useInProcessSuite(
  options: InProcessOptions & { browser?: BrowserOptions } = {},
): Suite<InProcessServer> {
  return suiteOf(() => startInProcessServer(options), options.browser);
}

function suiteOf<S extends { base: string; stop(): Promise<void> }>(
  start: () => Promise<S>,
  browserOptions: BrowserOptions = {},
): Suite<S> {
  const suite: Partial<Suite<S>> = {};
  beforeAll(async () => {
    suite.server = await start();
    suite.browser = await openBrowser(undefined, browserOptions);
  });
  afterEach(async () => {
    if (!suite.browser || !suite.server) return;
    await suite.browser.clearCookies();
    // Each test starts in Chinese, whatever language the last one left in localStorage.
    const page = await suite.browser.newPage();
    await page.goto(suite.server.base);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
  afterAll(async () => {
    if (suite.browser) await closeBrowser(suite.browser);
    await suite.server?.stop();
  });
  return {
    get server() {
      if (!suite.server) throw new Error('the server is not running');
      return suite.server;
    },
    get browser() {
      if (!suite.browser) throw new Error('the browser is not open');
      return suite.browser;
    },
  };
}
