/**
 * Web UI page loads on a large store, measured in headless Chromium with the browser's
 * own navigation timing: for each page (search, plan, directive, implementers, trace),
 * `runs` cold loads (fresh browser context, empty cache), reporting DOMContentLoaded,
 * load and "ready" (the UI's performance mark once the page's data is rendered). Target: ready < 300 ms.
 * Beside them, where the page's first GraphQL request went: when it left, when its response had
 * arrived, the server's share (its Server-Timing header), and ready minus that arrival (the app's
 * own work once the data is there, including waiting for its bundle when the data came first).
 * "home" is the search page without a query: the shell alone, no data (the floor of any page).
 * On the trace page, the graph's share: waiting for Cytoscape.js, building the graph, its first frame.
 *
 *   node bin/run-ts.js bench/ui-timing.ts [--n 100000] [--seed 1] [--data DIR] [--runs 5]
 *
 * DIR (default bench/out/data-N-sS/store) must hold an ingested store; build the 100k one with
 *   node bin/run-ts.js bench/ingest.ts --n 100000
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gql, startServer } from '../test/bad-input/server.ts';
import { ROOT } from '../test/bad-input/run-cli.ts';
import { launchChromium, waitForPage } from '../test/e2e/browser.ts';
import { flags, percentile, report, round } from './lib.ts';
import { benchDirs } from './store-dir.ts';

const opts = flags({ n: 100000, seed: 1, data: '', runs: 5 });
const dataDir = path.resolve(opts.data || benchDirs(opts.n, opts.seed, false).store);
if (!existsSync(path.join(dataDir, 'cancu.db'))) {
  console.error(`no store in ${dataDir}; build it first: node bin/run-ts.js bench/ingest.ts --n ${opts.n} --seed ${opts.seed}`);
  process.exit(2);
}

execFileSync(process.execPath, [path.join(ROOT, 'bin/run-ts.js'), 'web/scripts/build-if-stale.ts'], { cwd: ROOT, stdio: 'inherit' });
const server = await startServer(dataDir);
const base = server.url.replace(/graphql$/, '');

/** Ids to open, found through the API: the most-implemented directive and an ingested commune plan. */
async function pick(): Promise<{ directive: string; plan: string; stats: unknown }> {
  const q = `query($q: String!, $f: SearchFilter) { search(query: $q, filter: $f, first: 20) { edges { node { id ingested } } } }`;
  const directives = (await gql(server.url, q, { q: 'chi thi', f: { ingested: false } })).body?.data as { search: { edges: { node: { id: string } }[] } };
  let directive = directives.search.edges[0]?.node.id;
  let best = -1;
  for (const { node } of directives.search.edges) {
    const r = await gql(server.url, 'query($id: ID!) { implementers(of: $id, first: 0) { totalCount } }', { id: node.id });
    const n = (r.body?.data as { implementers: { totalCount: number } } | undefined)?.implementers.totalCount ?? -1;
    if (n > best) [best, directive] = [n, node.id];
  }
  const plans = (await gql(server.url, q, { q: 'ke hoach', f: { ingested: true, level: 'COMMUNE' } })).body?.data as { search: { edges: { node: { id: string } }[] } };
  const stats = (await gql(server.url, '{ stats { documents ingested edges } }')).body?.data;
  if (!directive || !plans.search.edges[0]) throw new Error(`store in ${dataDir} has no directive or commune plan to open`);
  return { directive, plan: plans.search.edges[0].node.id, stats };
}

// stop the server if the store has nothing to open (it would outlive the bench)
const { directive, plan, stats } = await pick().catch(async (err: unknown) => {
  await server.stop();
  throw err;
});
const id = encodeURIComponent;
const PAGES: [string, string, string][] = [
  ['home (no query)', 'search', '#/search'],
  ['search "chi thi 33"', 'search', '#/search?q=chi+thi+33'],
  ['search "dân vận"', 'search', '#/search?q=d%C3%A2n+v%E1%BA%ADn'],
  ['plan (full text)', 'doc', `#/doc/${id(plan)}`],
  ['directive (cited by)', 'doc', `#/doc/${id(directive)}`],
  ['implementers of directive', 'implementers', `#/implementers/${id(directive)}`],
  ['legal-basis trace of plan', 'trace', `#/trace/${id(plan)}`],
];

const loadBefore = loadavg().map((l) => round(l, 2));
const browser = await launchChromium();
const figures: Record<string, unknown> = { store: stats, directive, plan };
let worst = 0;
let worstP50 = 0;
try {
  for (const [label, page, hash] of PAGES) {
    const ready: number[] = [];
    const dcl: number[] = [];
    const load: number[] = [];
    const sent: number[] = [];
    const arrived: number[] = [];
    const server: number[] = [];
    const after: number[] = [];
    const graph: { start: number; library: number; built: number; ready: number }[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const p = await context.newPage();
      await p.goto(base + hash);
      await waitForPage(p, page);
      const t = await p.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => new URL(e.name).pathname.endsWith('/graphql'));
        return {
          dcl: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
          ready: performance.getEntriesByName('cancu:ready').at(-1)!.startTime,
          api: api ? { sent: api.startTime, arrived: api.responseEnd, server: api.serverTiming.find((s) => s.name === 'graphql')?.duration ?? NaN } : null,
          graph: ['start', 'library', 'built'].map((m) => performance.getEntriesByName(`cancu:graph-${m}`).at(-1)?.startTime ?? NaN),
        };
      });
      ready.push(t.ready);
      dcl.push(t.dcl);
      load.push(t.load);
      if (t.api) {
        sent.push(t.api.sent);
        arrived.push(t.api.arrived);
        server.push(t.api.server);
        after.push(t.ready - t.api.arrived);
      }
      if (!t.graph.some(Number.isNaN)) graph.push({ start: t.graph[0], library: t.graph[1], built: t.graph[2], ready: t.ready });
      await context.close();
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const r = sorted(ready);
    const p50 = (xs: number[], digits = 0) => round(percentile(sorted(xs), 0.5), digits);
    worst = Math.max(worst, r.at(-1)!);
    worstP50 = Math.max(worstP50, percentile(r, 0.5));
    figures[label] = {
      readyMs: { p50: round(percentile(r, 0.5), 0), max: round(r.at(-1)!, 0) },
      domContentLoadedMs: p50(dcl),
      loadMs: p50(load),
      ...(sent.length && {
        graphql: { sentMs: p50(sent), arrivedMs: p50(arrived), serverMs: p50(server, 1), readyAfterArrivalMs: p50(after) },
      }),
      ...(graph.length && {
        graph: {
          startMs: p50(graph.map((g) => g.start)),
          waitForLibraryMs: p50(graph.map((g) => g.library - g.start)),
          buildMs: p50(graph.map((g) => g.built - g.library)),
          firstFrameMs: p50(graph.map((g) => g.ready - g.built)),
        },
      }),
    };
  }
} finally {
  await browser.close();
  await server.stop();
}
figures.target =
  `ready p50 < 300 ms on every page: ${worstP50 < 300 ? 'met' : 'NOT met'} (slowest page's p50 ${round(worstP50, 0)} ms); ` +
  `every load < 300 ms: ${worst < 300 ? 'met' : 'NOT met'} (slowest load ${round(worst, 0)} ms)`;
report('ui-timing', figures, [
  `${opts.runs} cold loads per page (fresh context), desktop 1280×800, server and browser on this machine`,
  `load average before: ${loadBefore.join(', ')}`,
  'graphql: the first /graphql request of the page (p50 of each figure on its own): sent and arrived from navigation start, serverMs from its Server-Timing header',
  'graph (trace page): when the app started drawing (from navigation start), then waiting for Cytoscape.js (fetched and evaluated), building the graph (style, layout, renderer) and its first frame (p50 of each)',
]);
