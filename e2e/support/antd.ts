import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The antd controls a spec works through, in one place, each waiting on what the page shows rather than on time.
 */

/**
 * Waits until an antd popup (a select's dropdown, a popover) has finished its entry animation: rc-motion marks it with
 * `…-appear` / `…-enter` classes while it moves. A click on an option or a button during the animation can be lost —
 * seen under load with two cores and a dozen browsers: the option "clicked", nothing selected, the dropdown still
 * open.
 */
async function settled(popup: Locator): Promise<void> {
  await popup.waitFor();
  await expect
    .poll(async () => (await popup.getAttribute('class')) ?? '', { timeout: 15_000 })
    .not.toMatch(/-(appear|enter)\b/);
}

/**
 * Opens the select `select` (its wrapper or its combobox input) and picks the (first) option with `text` from ITS
 * dropdown: the list the combobox controls (`aria-controls`), never whichever dropdown happens to be open (a closing
 * one, or another select's, is still in the page while antd animates it out). `search` is typed first for long or
 * virtualised lists that only render what matches. Waits until the dropdown has closed (single selects) so the next
 * step does not click through it.
 */
export async function choose(
  page: Page,
  select: Locator,
  text: string | RegExp,
  options: { search?: string; exact?: boolean; multiple?: boolean } = {},
): Promise<void> {
  const combobox =
    (await select.getAttribute('role')) === 'combobox' ? select : select.locator('[role=combobox]').first();
  await combobox.click();
  if (options.search !== undefined) await combobox.fill(options.search);
  const listId = await combobox.getAttribute('aria-controls');
  if (!listId) throw new Error(`the select for ${String(text)} did not open a list`);
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) });
  await settled(dropdown);
  const option = dropdown
    .locator('.ant-select-item-option')
    .filter({ hasText: options.exact && typeof text === 'string' ? new RegExp(`^${escapeRegExp(text)}$`) : text })
    .first();
  await option.click();
  if (options.multiple) return;
  await dropdown.waitFor({ state: 'hidden' });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Types `text` into a date (or date-time) picker's input, as a person may, and leaves the field with Tab, which
 * commits a valid value; waits until the input shows it. Not Enter: in a form, Enter in a field whose panel has
 * already closed submits the whole form (the browser's implicit submission), with whatever else is still empty.
 */
export async function typeDate(input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press('Tab');
  await expect.poll(() => input.inputValue(), { timeout: 15_000 }).toBe(text);
}

/**
 * Clicks OK on the open Popconfirm and waits for it to close (every Popconfirm here acts and closes at once).
 *
 * Why the click may be repeated: antd animates a Popconfirm in, and a click that lands during the animation can be
 * lost — seen under load (two CPU cores, twelve browsers): the popover stays open and nothing is sent. The click is
 * therefore repeated, at most three times, while the popover is still open and its OK button is not busy. It is safe:
 * a click that is not lost either closes the popover or makes OK busy (an action that waits for the server), so the
 * action is sent exactly once. If this ever shows up in real use, the fix belongs in the UI, not here.
 */
export async function confirmPopup(page: Page): Promise<void> {
  const popover = page.locator('.ant-popconfirm:visible, .ant-popover:visible').last();
  const ok = popover.getByRole('button', { name: /确\s*定|OK/ });
  await settled(popover);
  for (let attempt = 1; ; attempt++) {
    await ok.click();
    const closed = await popover.waitFor({ state: 'hidden', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (closed) return;
    // OK is busy: the click landed and the action is waiting for the server's answer, after which the popover closes.
    if (await ok.evaluate((el) => el.classList.contains('ant-btn-loading'))) {
      await popover.waitFor({ state: 'hidden', timeout: 60_000 });
      return;
    }
    if (attempt === 3) throw new Error('the Popconfirm stayed open after three clicks on OK');
  }
}
