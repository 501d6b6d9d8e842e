import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { FIGURE_NAMES } from '@poolscope/plots';
import { copyRun } from '../fixtures/paths.js';
import { runCli } from '../helpers.js';

/** Debian's `chromium` package (what .ci/run installs), or another Chromium named by POOLSCOPE_CHROMIUM. */
const CANDIDATES = [process.env.POOLSCOPE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
const executablePath = CANDIDATES.find((p) => existsSync(p));
const skipReason = `no Chromium found at ${CANDIDATES.join(', ')} (install Debian's chromium package, or set POOLSCOPE_CHROMIUM)`;
if (!executablePath) console.warn(`report.html browser test skipped: ${skipReason}`);

describe.skipIf(!executablePath)(`report.html in headless Chromium${executablePath ? '' : ` (skipped: ${skipReason})`}`, () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = copyRun();
    const result = await runCli(['report', dir]);
    expect(result.code).toBe(0);
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every figure, loads nothing from elsewhere, and breaks no image', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const url = pathToFileURL(join(dir, 'report.html')).href;
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url, { waitUntil: 'load' });

    const figures = await page.$$eval('figure[data-figure]', (elements) =>
      elements.map((figure) => {
        const svg = figure.querySelector('svg');
        const img = figure.querySelector('img');
        const box = (svg ?? img)?.getBoundingClientRect();
        return {
          name: figure.getAttribute('data-figure'),
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: svg ? svg.querySelectorAll('path, text, rect, line').length : null,
          imageOk: img ? img.complete && img.naturalWidth > 0 : null,
        };
      }),
    );
    expect(figures.map((f) => f.name).sort()).toEqual([...FIGURE_NAMES].sort());
    for (const figure of figures) {
      expect(figure.width, figure.name).toBeGreaterThan(100);
      expect(figure.height, figure.name).toBeGreaterThan(100);
      if (figure.marks !== null) expect(figure.marks, figure.name).toBeGreaterThan(20);
      if (figure.imageOk !== null) expect(figure.imageOk, figure.name).toBe(true);
    }
    // No broken image anywhere, no request but the page itself, no error (a CSP violation would be one).
    expect(await page.$$eval('img', (images) => images.filter((i) => !(i.complete && i.naturalWidth > 0)).length)).toBe(0);
    expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
    // A reader can navigate: every contents link leads to a heading.
    const anchors = await page.$$eval('nav a', (links) => links.map((a) => a.getAttribute('href')));
    for (const anchor of anchors) expect(await page.locator(anchor!).count(), anchor!).toBe(1);
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    await page.close();
  });
});
