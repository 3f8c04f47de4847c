/**
 * Headless Chromium for the e2e tests and bench/ui-timing.ts: the Debian package
 * (/usr/bin/chromium, or $CHROMIUM_PATH) driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const IN_CI = !!process.env.CI && process.env.CI !== 'false';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium's own address-bar popup (a WebUI page in a renderer of its own), which every new window
  // (each cold load's fresh context) loaded beside the page under test: on 2 cores it took as much
  // CPU as the page itself. Chromium merges this with playwright-core's own --disable-features.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
];

export function haveChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  if (!haveChromium()) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run .ci/install-e2e (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/**
 * Wait until the UI has rendered `page` (web/src/main.ts sets main[data-page] and bumps
 * main[data-ready] after each render) past the render counted in `after`.
 */
export async function waitForPage(page: Page, name: string, after = 0): Promise<number> {
  const handle = await page.waitForFunction(
    ([name, after]) => {
      const main = document.getElementById('main');
      const ready = Number(main?.dataset.ready ?? 0);
      return main?.dataset.page === name && ready > after ? ready : null;
    },
    [name, after] as const,
    { timeout: 15_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** The render counter now, to pass as `after` before triggering a navigation. */
export async function renderCount(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.getElementById('main')?.dataset.ready ?? 0));
}
