/**
 * The web UI end to end, in real headless Chromium against the real server on the
 * sample plans: search accent-free, open a plan, follow a citation, see the implementers,
 * open the legal-basis trace, export it. Takes screenshots (desktop and phone); with CANCU_SCREENSHOTS=1 they replace docs/screenshots/*.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPhrase } from '../../ingest/normalize.ts';
import { ROOT, runCli } from '../bad-input/run-cli.ts';
import { startServer, type ServerHandle } from '../bad-input/server.ts';
import { CHROMIUM_PATH, haveChromium, IN_CI, launchChromium, renderCount, waitForPage } from './browser.ts';

const SKIP = !haveChromium() && !IN_CI;
if (SKIP) console.warn(`[e2e skipped] no Chromium at ${CHROMIUM_PATH} (run .ci/install-e2e); in CI (CI=true) this fails instead.`);

/** The screenshots go to docs/screenshots only when asked (CANCU_SCREENSHOTS=1): a test run leaves the tree clean. */
const UPDATE_SHOTS = process.env.CANCU_SCREENSHOTS === '1';
let SHOTS = path.join(ROOT, 'docs', 'screenshots');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

describe.skipIf(SKIP)('web UI in Chromium', () => {
  let dataDir: string;
  let server: ServerHandle;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** URL of each page visited, for the phone screenshots. */
  const visited: Record<string, string> = {};

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'bin/run-ts.js'), 'web/scripts/build-if-stale.ts'], { cwd: ROOT, stdio: 'inherit' });
    dataDir = mkdtempSync(path.join(tmpdir(), 'cancu-e2e-'));
    const ingest = await runCli(['ingest', '--data', dataDir, '--quiet', 'samples'], { timeoutMs: 120_000 });
    if (ingest.code !== 0) throw new Error(`cancu ingest samples failed (${ingest.code}): ${ingest.stderr}`);
    server = await startServer(dataDir);
    base = server.url.replace(/graphql$/, '');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: VIEWPORTS.desktop, acceptDownloads: true, locale: 'vi-VN' });
    page = await context.newPage();
    if (UPDATE_SHOTS) mkdirSync(SHOTS, { recursive: true });
    else SHOTS = mkdtempSync(path.join(tmpdir(), 'cancu-e2e-shots-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (!UPDATE_SHOTS) rmSync(SHOTS, { recursive: true, force: true });
  });

  async function shot(name: string): Promise<void> {
    visited[name] = page.url();
    await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`) });
  }

  it('1. searches without accents and highlights the accented matches', async () => {
    await page.goto(base);
    await waitForPage(page, 'search');
    const before = await renderCount(page);
    await page.getByRole('searchbox', { name: 'Tìm văn bản' }).fill('chi thi 33');
    await page.keyboard.press('Enter');
    await waitForPage(page, 'search', before);
    expect(new URL(page.url()).hash).toBe('#/search?q=chi+thi+33');
    await expect.poll(() => page.locator('.result-count').textContent()).toMatch(/^\d+ văn bản cho «chi thi 33»$/);
    const marks = (await page.locator('.results mark').allTextContents()).map(foldPhrase);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((m) => /\b(chi thi|thi|33)\b/.test(m))).toBe(true);
    expect(await page.locator('.results').textContent()).toContain('33/CT-TTg');
    expect(await page.locator('.facets legend').allTextContents()).toEqual(['Loại văn bản', 'Cấp ban hành', 'Tỉnh/thành phố', 'Năm ban hành']);
    await shot('search');
  });

  let planLabel = '';
  it('2. opens a plan: full text with linked citations and their evidence', async () => {
    const link = page.locator('.results li:has(.badge.ingested) a.doc-link').first();
    planLabel = (await link.textContent())!;
    const before = await renderCount(page);
    await link.click();
    await waitForPage(page, 'doc', before);
    expect(await page.locator('h1').textContent()).toBe(planLabel);
    expect(await page.locator('.fulltext a.mention').count()).toBeGreaterThan(0);
    expect(await page.locator('.outgoing .relation-group h3').first().textContent()).toMatch(/^(Căn cứ|Triển khai thực hiện|Hướng dẫn|Dẫn chiếu).* \(\d+\)$/);
    expect((await page.locator('.outgoing .evidence q').first().textContent())!.length).toBeGreaterThan(10);
    expect(await page.locator('.facts').textContent()).toMatch(/Ngày ban hành(\d{2}\/\d{2}\/\d{4}|\d{4})/);
    await shot('document');
  });

  it('3. follows a citation to the cited directive, which lists the plan among its citers', async () => {
    const mention = page.locator('.fulltext a.mention[title*="33/CT-TTg"]').first();
    const before = await renderCount(page);
    await mention.click();
    await waitForPage(page, 'doc', before);
    expect(await page.locator('h1').textContent()).toBe('Chỉ thị 33/CT-TTg');
    expect(await page.locator('.incoming').textContent()).toContain(planLabel);
  });

  it('shows the implementers tree and the provinces with no plan', async () => {
    const before = await renderCount(page);
    await page.getByRole('link', { name: 'Các kế hoạch triển khai' }).click();
    await waitForPage(page, 'implementers', before);
    const rows = page.locator('table.coverage tbody tr');
    expect(await rows.count()).toBe(63);
    const missing = Number((await page.locator('.missing h3').textContent())!.match(/(\d+)\/63$/)![1]);
    expect(await page.locator('table.coverage tbody tr.uncovered').count()).toBe(missing);
    const planned = await page.locator('.tree .doc-link').count();
    expect(await page.locator('.summary').textContent()).toMatch(new RegExp(`^${planned} văn bản triển khai`));
    const counted = (await page.locator('table.coverage tbody td:nth-child(2)').allTextContents()).reduce((a, n) => a + Number(n), 0);
    expect(counted).toBeLessThanOrEqual(planned);
    await shot('implementers');

    // the issuer field keeps the plans of one body, typed without tone marks
    const filtered = await renderCount(page);
    await page.getByLabel('Cơ quan ban hành').fill('cau ngang');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await waitForPage(page, 'implementers', filtered);
    expect(new URL(page.url()).hash).toMatch(/[?&]issuer=cau(\+|%20)ngang/);
    const kept = await page.locator('.tree .doc-link').count();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(planned);
    expect(await page.locator('.summary').textContent()).toMatch(new RegExp(`^${kept} văn bản triển khai`));
    await page.goBack();
  });

  it('4. opens the legal-basis trace; clicking an edge shows its evidence quote', async () => {
    for (let i = 0; i < 2; i++) {
      const before = await renderCount(page);
      await page.goBack();
      await waitForPage(page, 'doc', before);
    }
    expect(await page.locator('h1').textContent()).toBe(planLabel);
    const before = await renderCount(page);
    await page.getByRole('link', { name: 'Truy vết căn cứ pháp lý' }).click();
    await waitForPage(page, 'trace', before);
    expect(await page.locator('.graph canvas').count()).toBeGreaterThan(0);
    const steps = await page.locator('table.steps tbody tr').count();
    expect(steps).toBeGreaterThan(0);
    expect(await page.locator('table.steps').textContent()).toContain('33/CT-TTg');

    const point = await page.evaluate(() => {
      const el = document.querySelector('.graph') as HTMLElement & { cy: import('cytoscape').Core };
      const edge = el.cy.edges()[0];
      const m = edge.renderedMidpoint();
      const box = el.getBoundingClientRect();
      return { x: box.left + m.x, y: box.top + m.y, from: edge.source().id(), label: edge.data('label') as string };
    });
    await page.mouse.click(point.x, point.y);
    const panel = page.locator('.evidence-panel');
    await expect.poll(() => panel.locator('h3').textContent()).toContain(point.label);
    expect((await panel.locator('q').first().textContent())!.length).toBeGreaterThan(10);
    await shot('trace');
  });

  it('5. exports the trace as CSV and JSON with the evidence', async () => {
    const rows = await page.locator('table.steps tbody tr').count();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^can-cu-.+\.csv$/);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('depth,from_id,from,relation,relation_label,to_id,to,to_date,evidence_count,evidence_source,section,start,end,quote');
    expect(lines.length - 1).toBeGreaterThanOrEqual(rows);
    expect(csv).toContain('33/CT-TTg');

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải JSON' }).click()]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
    expect(json.document.id).toBe(decodeURIComponent(new URL(page.url()).hash.replace(/^#\/trace\//, '').split('?')[0]));
    expect(json.steps).toHaveLength(rows);
    const withEvidence = json.steps.filter((s: { evidence: unknown[] }) => s.evidence.length > 0);
    expect(withEvidence.length).toBeGreaterThan(0);
    expect(withEvidence[0].evidence[0]).toEqual(expect.objectContaining({ quote: expect.any(String), start: expect.any(Number), section: expect.any(String) }));
    expect(withEvidence[0].evidenceCount).toBe(withEvidence[0].evidence.length); // under the API's bound of 50
  });

  it('a cold load sends its first request once, from the boot script, before the app runs', async () => {
    expect(Object.keys(visited).sort()).toEqual(['document', 'implementers', 'search', 'trace']);
    for (const [name, url] of Object.entries(visited)) {
      const cold = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'vi-VN' });
      const p = await cold.newPage();
      const sent: string[] = [];
      p.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.endsWith('/graphql')) sent.push(`graphql ${(JSON.parse(r.postData() ?? '{}') as { query?: string }).query?.match(/^query (\w+)/)?.[1]}`);
        else if (u.pathname.endsWith('/provinces.json') || u.pathname.includes('cytoscape')) sent.push(u.pathname.replace(/.*\/(assets\/)?/, '').replace(/-[\w-]+\.js$/, '.js'));
      });
      await p.goto(url);
      const page = name === 'document' ? 'doc' : name;
      await waitForPage(p, page);
      const operation = { search: 'Search', doc: 'Document', implementers: 'Implementers', trace: 'Trace' }[page];
      const expected = [`graphql ${operation}`, ...(page === 'doc' || page === 'implementers' ? ['provinces.json'] : []), ...(page === 'trace' ? ['cytoscape.esm.js'] : [])];
      // the implementers page asks for later pages after it is ready (none on the samples: fewer than 200 plans)
      expect(sent.sort(), name).toEqual(expected.sort());
      const timing = await p.evaluate(() => ({
        early: performance.getEntriesByName('cancu:early').length,
        // the boot script ran before the app's bundle was evaluated (DOMContentLoaded waits for it)
        beforeApp: performance.getEntriesByName('cancu:early')[0]!.startTime <= (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
        left: window.__cancuEarly?.size ?? -1,
      }));
      expect(timing, name).toEqual({ early: 1, beforeApp: true, left: 0 });
      expect(await p.locator('main h1').count(), name).toBeGreaterThan(0);
      await cold.close();
    }
  });

  it('renders every page at phone width without horizontal scrolling', async () => {
    const phone = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const p = await phone.newPage();
    for (const [name, url] of Object.entries(visited)) {
      await p.goto(url);
      await waitForPage(p, name === 'document' ? 'doc' : name);
      expect(await p.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(VIEWPORTS.phone.width);
      await p.screenshot({ path: path.join(SHOTS, `${name}-phone.png`) });
    }
    await phone.close();
  });
});
