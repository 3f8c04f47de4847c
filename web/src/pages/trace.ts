/**
 * Legal-basis trace: the chain from a document up to laws and Party documents, drawn with
 * Cytoscape.js (loaded only on this page). Clicking an edge, or its row in the table, shows
 * its evidence; the trace exports as CSV and JSON with the evidence, for audit files.
 */
import { request } from '../api.ts';
import { download, h } from '../dom.ts';
import { docLabel, formatDate, isPartyDocument, RELATION_LABEL } from '../format.ts';
import type { DocSummary, TraceData, TraceStep } from '../queries.ts';
import { traceDepth, traceRequest } from '../requests.ts';
import { href, type Route } from '../route.ts';
import { traceCsv, traceJson } from '../trace-export.ts';
import { docActions, docEntry, docLink, field, filterForm, formParams, message, select, type View } from '../ui.ts';

const RELATION_COLOR: Record<string, string> = {
  IMPLEMENTS: '#0b6e4f',
  BASED_ON: '#1f4e9a',
  GUIDES: '#7a4b00',
  ISSUES: '#6a1b9a',
  CONTINUES: '#00695c',
  AMENDS: '#b3261e',
  CITES: '#555555',
};

function showEvidence(panel: HTMLElement, step: TraceStep): void {
  panel.querySelector('.evidence-body')!.replaceChildren(
    h('h3', {}, `${docLabel(step.from)} → ${RELATION_LABEL[step.relation]} → ${docLabel(step.to)}`),
    step.evidence.length === 0
      ? message('Không có trích dẫn làm bằng chứng cho quan hệ này.')
      : h(
          'ul',
          { class: 'evidence' },
          ...step.evidence.map((e) =>
            h('li', {}, h('q', {}, e.quote), ' ', h('span', { class: 'meta' }, `mục ${e.section}, ký tự ${e.start}–${e.end}`), ' ', h('a', { href: href('doc', e.source, { at: e.start }), class: 'goto' }, 'mở văn bản nguồn')),
          ),
          step.evidenceCount > step.evidence.length && h('li', { class: 'meta' }, `và ${(step.evidenceCount - step.evidence.length).toLocaleString('vi')} trích dẫn khác`),
        ),
  );
  panel.focus({ preventScroll: true });
}

type Cytoscape = typeof import('cytoscape');

async function drawGraph(
  library: Promise<{ default: Cytoscape }>,
  container: HTMLElement,
  root: DocSummary,
  steps: TraceStep[],
  onEdge: (step: TraceStep) => void,
): Promise<void> {
  // Marks for bench/ui-timing.ts: what the graph costs (waiting for the library, building it, its first frame).
  performance.mark('cancu:graph-start');
  const { default: cytoscape } = await library;
  performance.mark('cancu:graph-library');
  const docs = new Map<string, DocSummary>([[root.id, root]]);
  for (const s of steps) docs.set(s.from.id, s.from).set(s.to.id, s.to);
  const cy = cytoscape({
    container,
    elements: [
      ...[...docs.values()].map((d) => ({
        data: { id: d.id, label: [docLabel(d), formatDate(d.date)].filter(Boolean).join('\n') },
        classes: [d.id === root.id ? 'root' : '', isPartyDocument(d) ? 'party' : 'state', d.ingested ? '' : 'cited'].join(' '),
      })),
      ...steps.map((s, i) => ({ data: { id: `e${i}`, source: s.from.id, target: s.to.id, label: RELATION_LABEL[s.relation], color: RELATION_COLOR[s.relation] } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'text-wrap': 'wrap',
          'text-max-width': '150px',
          'text-valign': 'center',
          'font-size': 11,
          shape: 'round-rectangle',
          width: 160,
          height: 44,
          color: '#fff',
          'background-color': '#1f4e9a',
        },
      },
      { selector: 'node.party', style: { 'background-color': '#a4161a', shape: 'cut-rectangle' } },
      { selector: 'node.cited', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#222' } },
      { selector: 'node.root', style: { 'background-color': '#222', 'border-width': 3, 'border-color': '#f2b705' } },
      {
        selector: 'edge',
        style: {
          label: 'data(label)',
          'font-size': 10,
          'text-background-color': '#fff',
          'text-background-opacity': 1,
          'text-background-padding': '2px',
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          width: 2,
          'line-color': 'data(color)',
          'target-arrow-color': 'data(color)',
        },
      },
      { selector: 'edge:selected', style: { width: 5 } },
    ],
    layout: { name: 'breadthfirst', directed: true, roots: [root.id], spacingFactor: 1.1, padding: 10 },
  });
  performance.mark('cancu:graph-built');
  await new Promise((resolve) => cy.one('render', resolve));
  cy.on('tap', 'edge', (ev) => onEdge(steps[Number(ev.target.id().slice(1))]));
  // Reachable as document.querySelector('.graph').cy from the console and the e2e tests.
  Object.assign(container, { cy });
}

export async function tracePage(route: Route): Promise<View> {
  const depth = traceDepth(route.params);
  // Cytoscape loads while the trace is fetched (the boot script has usually started it already).
  const library = import('cytoscape');
  library.catch(() => undefined); // reported by drawGraph, if there is a graph to draw
  const { document: root, legalBasis: steps } = await request<TraceData>(traceRequest(route));
  if (!root) return { title: 'Không tìm thấy', node: message(`Không tìm thấy văn bản «${route.id}».`, 'error') };

  const panel = h(
    'aside',
    { class: 'evidence-panel', tabindex: -1, 'aria-labelledby': 'h-evidence' },
    h('h2', { id: 'h-evidence' }, 'Bằng chứng'),
    h('div', { class: 'evidence-body', 'aria-live': 'polite' }, message('Bấm vào một mũi tên trên sơ đồ, hoặc nút «Bằng chứng» trong bảng, để xem câu trích dẫn.')),
  );
  const graph = h('div', { class: 'graph', role: 'img', 'aria-label': `Sơ đồ căn cứ pháp lý của ${docLabel(root)}; chi tiết trong bảng bên dưới.` });
  const base = `can-cu-${(root.symbol ?? root.id).replace(/[^\p{L}\p{N}]+/gu, '-')}`;

  return {
    title: `Căn cứ của ${docLabel(root)}`,
    node: h(
      'article',
      { class: 'trace-page' },
      h('header', { class: 'doc-header' }, h('p', { class: 'kind' }, 'Truy vết căn cứ pháp lý'), h('h1', {}, docLink(root)), root.title && h('p', { class: 'doc-title' }, root.title), docActions(root.id)),
      h(
        'div',
        { class: 'toolbar' },
        filterForm([field('Số bậc tối đa', select('depth', String(depth), Array.from({ length: 10 }, (_, i): [string, string] => [String(i + 1), String(i + 1)])))], (data) => {
          location.hash = href('trace', root.id, formParams(data, ['depth']));
        }, 'Xem'),
        h('button', { type: 'button', onclick: () => download(`${base}.csv`, 'text/csv;charset=utf-8', traceCsv(steps)) }, 'Tải CSV'),
        h('button', { type: 'button', onclick: () => download(`${base}.json`, 'application/json', traceJson(root, steps, new Date())) }, 'Tải JSON'),
      ),
      steps.length === 0
        ? message('Không tìm thấy căn cứ nào phía trên văn bản này.')
        : h(
            'div',
            {},
            h('div', { class: 'trace-layout' }, graph, panel),
            h(
              'p',
              { class: 'legend' },
              h('span', { class: 'swatch state' }, 'Văn bản nhà nước'),
              h('span', { class: 'swatch party' }, 'Văn bản của Đảng'),
              h('span', { class: 'swatch cited' }, 'Chỉ biết qua trích dẫn'),
            ),
            h(
              'table',
              { class: 'steps' },
              h('caption', {}, `${steps.length} quan hệ`),
              h('thead', {}, h('tr', {}, ...['Bậc', 'Văn bản', 'Quan hệ', 'Văn bản căn cứ', 'Bằng chứng'].map((c) => h('th', { scope: 'col' }, c)))),
              h(
                'tbody',
                {},
                ...steps.map((s) =>
                  h(
                    'tr',
                    {},
                    h('td', {}, s.depth),
                    h('td', {}, docLink(s.from)),
                    h('td', {}, h('span', { class: `badge rel rel-${s.relation}` }, RELATION_LABEL[s.relation])),
                    h('td', {}, docEntry(s.to)),
                    h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => showEvidence(panel, s) }, `Bằng chứng (${s.evidenceCount})`)),
                  ),
                ),
              ),
            ),
          ),
    ),
    mounted: () => (steps.length ? drawGraph(library, graph, root, steps, (s) => showEvidence(panel, s)) : undefined),
  };
}
