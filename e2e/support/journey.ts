import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS, DESKTOP, closeBrowser, logInAs, makeKeyFile, openBrowser, screenshot } from './browser';
import { DEMO, demoUser } from './suite';

/**
 * Issue 5's end-to-end journey (specs/award-journey.e2e.ts): the people, each in their own browser, and what more
 * than one stage needs. Every picture is `e2e/artifacts/journey5-<name>.png`.
 */

/** The password of every key file the journey makes (makeKeyFile). */
export const JOURNEY_KEY_PASSWORD = 'journey5-key-2026';

/** One person: their own browser (a separate profile), one tab, and their key file once they have made one. */
export interface Actor {
  /** The demo login, or `public` for the visitor without an account. */
  login: string;
  displayName: string;
  organisation: string;
  context: BrowserContext;
  page: Page;
  keyFile: string | null;
}

/** Everyone in the journey. `experts` is empty until the draw, then the five members in seat order (专家1…专家5). */
export interface Cast {
  purchaser: Actor;
  agency: Actor;
  suppliers: [Actor, Actor, Actor];
  supervisor: Actor;
  experts: Actor[];
  /** A member of the public, never logged in (the portal, the public hall, the certificate's QR page). */
  visitor: Actor;
}

/** Everyone in the journey lives in Liupanshui: their browsers show times in Beijing time, as the notices do. */
const BROWSER = { timezoneId: 'Asia/Shanghai' };

/** A picture of what the person sees, as `journey5-<name>.png`, once the passing messages (toasts) are gone. */
export async function shot(actor: Actor, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await actor.page
    .waitForFunction(() => !document.querySelector('.ant-message-notice'), null, { timeout: 10_000 })
    .catch(() => undefined);
  await screenshot(actor.page, `journey5-${name}`, options);
}

/** Opens a person's own browser and logs them in (`key`: also makes their key pair and certificate). */
export async function enter(base: string, login: string, options: { key?: boolean } = {}): Promise<Actor> {
  const user = demoUser(login);
  const context = await openBrowser(DESKTOP, BROWSER);
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  const actor: Actor = {
    login,
    displayName: user.displayName,
    organisation: user.organisation,
    context,
    page,
    keyFile: null,
  };
  try {
    await logInAs(page, base, login, DEMO.password);
    if (options.key) await ensureKey(actor, base);
  } catch (error) {
    await closeBrowser(context);
    throw error;
  }
  return actor;
}

/** Opens several people's browsers at once (`enter`); if one fails, the others are closed and the error thrown. */
export async function enterAll(base: string, people: { login: string; key?: boolean }[]): Promise<Actor[]> {
  const settled = await Promise.allSettled(people.map((p) => enter(base, p.login, { key: p.key ?? false })));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const actors = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (failed) {
    for (const actor of actors) await closeBrowser(actor.context).catch(() => undefined);
    throw failed.reason;
  }
  return actors;
}

/** A visitor's browser, not logged in. */
export async function visitor(base: string): Promise<Actor> {
  const context = await openBrowser(DESKTOP, BROWSER);
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  await page.goto(base);
  return { login: 'public', displayName: '公众', organisation: '', context, page, keyFile: null };
}

/**
 * The person's key file (kept in e2e/artifacts/journey5-<login>-*.key): made in their browser under 数字证书 the first
 * time (the key also stays in the browser, which the hall and signing use with JOURNEY_KEY_PASSWORD).
 */
export async function ensureKey(actor: Actor, base: string): Promise<string> {
  if (actor.keyFile) return actor.keyFile;
  if (!actor.page.url().includes('/workspace')) await actor.page.goto(`${base}/workspace`);
  actor.keyFile = await makeKeyFile(actor.page, JOURNEY_KEY_PASSWORD, `journey5-${actor.login}`);
  return actor.keyFile;
}

/** Everyone, in a fixed order (for failure pictures and closing). */
export function everyone(cast: Partial<Cast>): Actor[] {
  return [
    cast.purchaser,
    cast.agency,
    ...(cast.suppliers ?? []),
    cast.supervisor,
    ...(cast.experts ?? []),
    cast.visitor,
  ].filter((a): a is Actor => a !== undefined);
}

/** What each person saw when a stage failed: `journey5-failed-<login>.png`. */
export async function failureShots(cast: Partial<Cast>): Promise<void> {
  for (const actor of everyone(cast)) {
    await screenshot(actor.page, `journey5-failed-${actor.login}`).catch(() => undefined);
  }
}

/** Closes every browser of the cast (and removes their profiles). */
export async function closeCast(cast: Partial<Cast>): Promise<void> {
  for (const actor of everyone(cast)) await closeBrowser(actor.context).catch(() => undefined);
}

/** Waits for the hall's answer to the person's last act and returns its text (success or a clear error). */
export async function hallResult(page: Page): Promise<string> {
  const result = page.getByTestId('hall-action-result');
  await result.waitFor({ timeout: 60_000 });
  return (await result.textContent()) ?? '';
}

interface InvitationItem {
  id: string;
  status: string;
  seat: number | null;
  steppedIn: boolean;
  project: { code: string };
}

/** A demo user's session for reading the API as them (cookie header). */
async function apiSession(base: string, login: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO.password }),
  });
  if (!res.ok) throw new Error(`cannot log ${login} in: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Whom the draw called for a project: every demo expert's own invitation list, read through the API as that expert
 * (the host never sees names), as seat order. Reserves on standby are not listed (they are not told).
 */
export async function drawnExperts(
  base: string,
  projectCode: string,
): Promise<{ login: string; seat: number; status: string; steppedIn: boolean }[]> {
  const found = [];
  for (const login of DEMO.users.filter((u) => u.role === 'expert').map((u) => u.login)) {
    const cookie = await apiSession(base, login);
    const res = await fetch(`${base}/api/expert-invitations`, { headers: { cookie } });
    const { items } = (await res.json()) as { items: InvitationItem[] };
    for (const item of items.filter((i) => i.project.code === projectCode)) {
      found.push({ login, seat: item.seat ?? 0, status: item.status, steppedIn: item.steppedIn });
    }
  }
  return found.sort((a, b) => a.seat - b.seat);
}

/** Decodes the QR code on page 1 of a PDF as a phone's camera would read it off the page (poppler + jsQR). */
export function qrOfPdf(pdf: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'zc-qr-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', '150', '-singlefile', pdf, join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header?.[1] || !header[2]) throw new Error('not a binary PGM');
    const [width, height] = [Number(header[1]), Number(header[2])];
    const grey = pgm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba.fill(grey[i] ?? 255, i * 4, i * 4 + 3);
      rgba[i * 4 + 3] = 255;
    }
    return jsQR(rgba, width, height)?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The last stage, for an issued certificate: a member of the public (no account) downloads the certificate PDF,
 * follows its QR code to the verification page, which says 真实有效; dropped on the page, the PDF is 一致 (genuine)
 * and a copy with one byte changed is 不一致 (not genuine). Pictures `journey5-<prefix>-*.png` (page, original,
 * altered) and `journey5-<prefix>-certificate.png` (the PDF's page); returns the QR code's address.
 */
export async function verifyCertificateAsPublic(
  visitor: Actor,
  base: string,
  number: string,
  prefix = 'certificate',
): Promise<string> {
  if (visitor.login !== 'public') throw new Error('the certificate is verified by someone without an account');
  const page = visitor.page;
  // The PDF as anyone downloads it from the verification page, and a copy with one byte of its content changed.
  const res = await fetch(`${base}/api/verify/certificates/${encodeURIComponent(number)}/pdf`);
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  mkdirSync(ARTIFACTS, { recursive: true });
  const original = join(ARTIFACTS, `journey5-${prefix}-original.pdf`);
  const altered = join(ARTIFACTS, `journey5-${prefix}-altered.pdf`);
  writeFileSync(original, bytes);
  const copy = Buffer.from(bytes);
  const at = Math.floor(copy.length / 3);
  copy[at] = (copy[at] ?? 0) ^ 0x20;
  writeFileSync(altered, copy);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', original, join(ARTIFACTS, `journey5-${prefix}`)]);

  // The QR code leads to the public page of this certificate on this platform.
  const qr = qrOfPdf(original);
  expect(qr).toBe(`${base}/verify/certificates/${encodeURIComponent(number)}`);
  await page.goto(qr ?? '');
  const status = page.getByTestId('tcert-status');
  await status.waitFor();
  await expect.poll(() => status.getAttribute('data-status')).toBe('valid');
  expect(await status.textContent()).toContain('真实有效');
  expect(await page.getByTestId('tcert-number').textContent()).toBe(number);
  await shot(visitor, `${prefix}-qr-page`);

  const drop = async (file: string) => {
    await page.getByTestId('tcert-drop').locator('input[type=file]').setInputFiles(file);
    const result = page.getByTestId('tcert-check-result');
    await result.waitFor();
    return result;
  };
  const same = await drop(original);
  await expect.poll(() => same.getAttribute('data-genuine')).toBe('true');
  expect(await same.textContent()).toContain('一致：文件未被篡改');
  await shot(visitor, `${prefix}-original-genuine`);
  const changed = await drop(altered);
  await expect.poll(() => changed.getAttribute('data-genuine')).toBe('false');
  expect(await changed.textContent()).toContain('不一致：此文件不是平台签发的原件或已被修改');
  await shot(visitor, `${prefix}-altered-not-genuine`);
  return qr ?? '';
}
