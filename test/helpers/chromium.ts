/**
 * Debian's Chromium driven by playwright-core, for the browser tests. Without Chromium the tests
 * are skipped with a message saying so, except when CI is set: there a missing browser fails the
 * run, since `.ci/run` installs it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM_PATH = '/usr/bin/chromium';

const chromiumMissing = !existsSync(CHROMIUM_PATH);

/** The name of a browser test group, saying why it is skipped when it is. */
export function inChromium(name: string): string {
  return chromiumMissing ? `${name} (SKIPPED: ${CHROMIUM_PATH} is missing; apt-get install -y chromium)` : name;
}

/** Whether the browser tests must be skipped; throws when CI requires them. */
export function skipBrowserTests(): boolean {
  if (!chromiumMissing) return false;
  if (process.env.CI) throw new Error(`CI is set and ${CHROMIUM_PATH} is missing: the browser tests cannot run; apt-get install -y chromium`);
  console.warn(`browser tests skipped: ${CHROMIUM_PATH} is missing (apt-get install -y chromium)`);
  return true;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
