/**
 * The participant's page in a real browser (Debian's Chromium through playwright-core): XSS
 * planted in the scenario renders as characters (DOM and screenshot), the page is usable with
 * the keyboard alone and names its controls, a vote cast from it lands in the journal, and a page
 * that lost its connection while the drill went on catches up with nothing missing or doubled.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DrillEvent } from '../../src/engine/machine.js';
import { participantView } from '../../src/view/participant.js';
import { inChromium, launchChromium, skipBrowserTests } from '../helpers/chromium.js';
import { viewMiniInput, viewMiniSteps } from '../helpers/view-drills.js';
import { nextTurn, serveSession, type Served } from '../helpers/served.js';

const skip = skipBrowserTests();
let browser: Browser;
beforeAll(async () => {
  if (!skip) browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const shots = mkdtempSync(join(tmpdir(), 'drill-shots-'));
const send = (s: Served, events: readonly DrillEvent[]) => events.forEach((e) => s.session.send(e));
const feedTexts = (page: Page) => page.locator('#feed > li').allInnerTexts();

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

describe.skipIf(skip)(inChromium('the participant’s page in Chromium'), () => {
  it('shows XSS planted in the scenario as characters: no script runs, no element is made from it', async () => {
    const s = await serveSession(viewMiniInput());
    try {
      const { page, errors } = await open(`${s.base}/role/ops`);
      for (const step of viewMiniSteps()) {
        send(s, step);
        await nextTurn();
      }
      await page.locator('#feed').getByText('The debrief is over').waitFor();
      await page.locator('#report').getByText('practice post-mortem').waitFor();
      expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.locator('img, a[href]:not([href="#feed-h"]), iframe, object, embed').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(1); // page.js itself
      expect(await page.locator('h1').textContent()).toBe("View <script>window.__xss = 'title'</script> mini");
      const feed = (await feedTexts(page)).join('\n');
      expect(feed).toContain('<img src=x onerror="window.__xss = \'inject\'">');
      expect(feed).toContain(`<a href="javascript:window.__xss = 'link'">open the runbook</a>`);
      expect(feed).toContain('Monitor <script>window.__xss = \'from\'</script>');
      expect(feed).toContain('Errors up ␛[31mRED␛[0m ␛]52;c;ZXZpbA==␇');
      expect(await page.locator('#briefing').textContent()).toContain('<img src=x onerror="window.__xss = \'briefing\'">');
      expect(await page.locator('#questions').textContent()).toContain("<script>window.__xss = 'question'</script>");
      expect(errors).toEqual([]);
      const png = join(shots, 'xss.png');
      await page.screenshot({ path: png, fullPage: true });
      expect(statSync(png).size).toBeGreaterThan(10_000);
    } finally {
      await s.close();
    }
  });

  it('can be used with the keyboard alone, with named controls: a vote cast from it lands in the journal', async () => {
    const s = await serveSession(viewMiniInput());
    try {
      const steps = viewMiniSteps();
      send(s, steps.slice(0, 5).flat()); // `first` is open now
      const { page, errors } = await open(`${s.base}/role/lead`);
      await page.getByRole('group', { name: /What now\?/ }).waitFor();
      expect(await page.getByRole('radio').count()).toBe(2);
      expect(await page.getByRole('radio', { name: /Wait and see/ }).count()).toBe(1);
      expect(await page.getByText('taken if time runs out').count()).toBe(0);
      await page.locator('body').focus();
      // The skip link, then the first option of the decision; arrows move between options.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: /Wait and see/ }).isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Priya K');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown'); // Fairly → Very
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('Your vote is in').waitFor();
      expect(s.session.records.filter((r) => r.type === 'vote')).toEqual([
        expect.objectContaining({ id: 'first', option: 'wait', name: 'Priya K', confidence: 'high', role: 'lead' }),
      ]);
      await page.getByText('1 vote in.').waitFor();
      expect(await page.getByLabel('Your name').count()).toBe(1);
      expect(await page.getByLabel('How confident are you?').count()).toBe(1);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('header, main').count()).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('after losing its connection while the drill went on, catches up with nothing missing or doubled', async () => {
    const input = viewMiniInput();
    const s = await serveSession(input);
    try {
      const steps = viewMiniSteps();
      const { page } = await open(`${s.base}/role/ops`);
      send(s, steps.slice(0, 4).flat());
      await page.locator('#feed').getByText('OPS-ONLY-TEXT').waitFor();
      // Cut the page off: its stream is dropped and every attempt to reconnect fails for a while.
      await page.route('**/events', (route) => route.abort('internetdisconnected'));
      s.served.dropPages();
      await page.getByText(/Connection lost/).waitFor();
      for (const step of steps.slice(4, 9)) {
        send(s, step);
        await nextTurn();
      }
      const during = await feedTexts(page);
      await page.unroute('**/events');
      send(s, steps.slice(9).flat());
      await page.locator('#feed').getByText('The debrief is over').waitFor();
      const after = await feedTexts(page);
      expect(after.length).toBeGreaterThan(during.length + 5);
      // Every item of the view once (the briefing has its own section), in the order a fresh page shows them.
      const expected = participantView(input.scenario, s.session.records, { role: 'ops' }).items.filter((i) => i.kind !== 'briefing');
      expect(after.length).toBe(expected.length);
      const fresh = await open(`${s.base}/role/ops`);
      await fresh.page.locator('#feed').getByText('The debrief is over').waitFor();
      expect(await feedTexts(fresh.page)).toEqual(after);
      await page.screenshot({ path: join(shots, 'reconnected.png'), fullPage: true });
    } finally {
      await s.close();
    }
  });
});
