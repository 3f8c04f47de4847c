/**
 * A document: header, full text with every citation linked at its evidence offsets,
 * outgoing citations by relation with their quotes, unresolved references, and the
 * documents that cite or implement it (filtered by province and year).
 */
import { request } from '../api.ts';
import { h } from '../dom.ts';
import { docLabel, formatDate, levelLabel, RELATION_LABEL, RELATION_ORDER } from '../format.ts';
import type { DocumentData, Evidence, OutgoingCitation, PageInfo, Unresolved } from '../queries.ts';
import { documentRequest } from '../requests.ts';
import { href, type Route } from '../route.ts';
import { segments, type Span } from '../text-marks.ts';
import { badges, docActions, docEntry, field, filterForm, formParams, message, provinceInput, provinceLists, yearInput, type ProvinceLists, type View } from '../ui.ts';

type Doc = NonNullable<DocumentData['document']>;
type Mark = { citation: OutgoingCitation; unresolved?: Unresolved } | { citation?: undefined; unresolved: Unresolved };

function markId(start: number): string {
  return `m-${start}`;
}

function unresolvedNote(u: Unresolved): HTMLElement {
  return h(
    'div',
    { class: 'unresolved-note' },
    h('strong', {}, 'Chưa xác định được văn bản: '),
    u.detail,
    u.candidates.length > 0 &&
      h('span', {}, ' Có thể là: ', ...u.candidates.flatMap((c, i) => [i ? ', ' : '', h('a', { href: href('doc', c) }, c)])),
  );
}

/** The full text with each mention (evidence offsets into this text) as a link or an "unresolved" mark. */
function fullText(doc: Doc): HTMLElement {
  const unresolvedAt = new Map(doc.unresolved.map((u) => [`${u.start}:${u.end}`, u]));
  const spans: Span<Mark>[] = [];
  for (const c of doc.citations) {
    for (const e of c.evidence) {
      if (e.source !== doc.id) continue;
      const unresolved = unresolvedAt.get(`${e.start}:${e.end}`);
      unresolvedAt.delete(`${e.start}:${e.end}`);
      spans.push({ start: e.start, end: e.end, data: { citation: c, unresolved } });
    }
  }
  for (const u of unresolvedAt.values()) spans.push({ start: u.start, end: u.end, data: { unresolved: u } });

  const text = doc.text ?? '';
  return h(
    'div',
    { class: 'fulltext', lang: 'vi' },
    ...segments(text, spans).map(({ text, span }) => {
      if (!span) return text;
      const { citation, unresolved } = span.data;
      const cls = ['mention', citation ? `rel-${citation.relation}` : '', unresolved ? 'unresolved' : ''].join(' ');
      const title = [citation && `${RELATION_LABEL[citation.relation]}: ${docLabel(citation.to)}`, unresolved && `Chưa xác định: ${unresolved.detail}`]
        .filter(Boolean)
        .join(' — ');
      return citation
        ? h('a', { id: markId(span.start), class: cls, href: href('doc', citation.to.id), title }, text)
        : h('mark', { id: markId(span.start), class: cls, title, tabindex: 0 }, text);
    }),
  );
}

/** The evidence shown (the API gives the first 50 of an edge) and, past them, how many more there are. */
function evidenceList(doc: Doc, evidence: Evidence[], count: number): HTMLElement {
  return h(
    'ul',
    { class: 'evidence' },
    ...evidence.map((e) =>
      h(
        'li',
        {},
        h('q', {}, e.quote),
        ' ',
        h('span', { class: 'meta' }, `mục ${e.section}`),
        ' ',
        e.source === doc.id
          ? h('a', { href: href('doc', doc.id, { at: e.start }), class: 'goto' }, 'xem trong văn bản')
          : h('a', { href: href('doc', e.source, { at: e.start }), class: 'goto' }, 'xem nguồn'),
      ),
    ),
    count > evidence.length && h('li', { class: 'meta' }, `và ${(count - evidence.length).toLocaleString('vi')} trích dẫn khác`),
  );
}

function outgoing(doc: Doc): HTMLElement {
  const unresolvedKeys = new Map(doc.unresolved.map((u) => [u.key, u]));
  const groups = RELATION_ORDER.map((r) => ({ relation: r, items: doc.citations.filter((c) => c.relation === r) })).filter((g) => g.items.length);
  return h(
    'section',
    { class: 'outgoing', 'aria-labelledby': 'h-outgoing' },
    h('h2', { id: 'h-outgoing' }, `Văn bản được dẫn chiếu (${doc.citations.length})`),
    groups.length === 0 && message('Văn bản này không dẫn chiếu văn bản nào.'),
    ...groups.map((g) =>
      h(
        'div',
        { class: `relation-group rel-${g.relation}` },
        h('h3', {}, `${RELATION_LABEL[g.relation]} (${g.items.length})`),
        h(
          'ul',
          {},
          ...g.items.map((c) => {
            const u = unresolvedKeys.get(c.to.id);
            return h('li', { class: u ? 'ambiguous' : '' }, docEntry(c.to, u && unresolvedNote(u), evidenceList(doc, c.evidence, c.evidenceCount)));
          }),
        ),
      ),
    ),
  );
}

function unresolvedSection(doc: Doc): HTMLElement | null {
  if (doc.unresolved.length === 0) return null;
  return h(
    'section',
    { class: 'unresolved-list', 'aria-labelledby': 'h-unresolved' },
    h('h2', { id: 'h-unresolved' }, `Dẫn chiếu chưa xác định (${doc.unresolved.length})`),
    h(
      'ul',
      {},
      ...doc.unresolved.map((u) =>
        h(
          'li',
          {},
          h('a', { href: href('doc', doc.id, { at: u.start }) }, [u.kind, u.symbol ?? u.name].filter(Boolean).join(' ') || u.key),
          ' ',
          h('span', { class: 'meta' }, `mục ${u.section} · ${u.reason}`),
          unresolvedNote(u),
        ),
      ),
    ),
  );
}

/** Links to the next page of one list and back to its first page; the other parameters stay. */
function pager(route: Route, param: string, pageInfo: PageInfo): HTMLElement {
  const params = Object.fromEntries(route.params);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Trang' },
    params[param] && h('a', { href: href('doc', route.id, { ...params, [param]: null }) }, '« Trang đầu'),
    pageInfo.hasNextPage && h('a', { href: href('doc', route.id, { ...params, [param]: pageInfo.endCursor }) }, 'Trang sau »'),
  );
}

function incoming(doc: Doc, route: Route, lists: ProvinceLists): HTMLElement {
  const province = route.params.get('province') ?? '';
  const year = route.params.get('year') ?? '';
  const form = filterForm([provinceInput(province, lists), field('Năm', yearInput(year))], (data) => {
    location.hash = href('doc', doc.id, formParams(data, ['province', 'year']));
  });
  return h(
    'section',
    { class: 'incoming', 'aria-labelledby': 'h-incoming' },
    h('h2', { id: 'h-incoming' }, 'Văn bản dẫn chiếu và triển khai văn bản này'),
    form,
    h('h3', {}, `Được triển khai bởi (${doc.implementedBy.totalCount})`),
    doc.implementedBy.totalCount === 0
      ? message('Chưa có văn bản nào triển khai trực tiếp.')
      : h('ul', {}, ...doc.implementedBy.edges.map((e) => h('li', {}, docEntry(e.node)))),
    pager(route, 'implAfter', doc.implementedBy.pageInfo),
    doc.implementedBy.totalCount > 0 && h('p', {}, h('a', { href: href('implementers', doc.id, { province, year }) }, 'Xem cây triển khai và các tỉnh chưa có kế hoạch »')),
    h('h3', {}, `Được dẫn chiếu bởi (${doc.citedBy.totalCount})`),
    doc.citedBy.totalCount === 0
      ? message('Chưa có văn bản nào dẫn chiếu.')
      : h(
          'ul',
          {},
          ...doc.citedBy.edges.map(({ node: c }) =>
            h('li', {}, docEntry(c.from, h('span', { class: `badge rel rel-${c.relation}` }, RELATION_LABEL[c.relation]), evidenceList(doc, c.evidence, c.evidenceCount))),
          ),
        ),
    pager(route, 'citedAfter', doc.citedBy.pageInfo),
  );
}

export async function documentPage(route: Route): Promise<View> {
  const lists = provinceLists();
  const { document: doc } = await request<DocumentData>(documentRequest(route));
  if (!doc) return { title: 'Không tìm thấy', node: message(`Không tìm thấy văn bản «${route.id}».`, 'error') };

  const at = route.params.get('at');
  const header = h(
    'header',
    { class: 'doc-header' },
    h('p', { class: 'kind' }, doc.kind ?? 'Văn bản'),
    h('h1', {}, docLabel(doc)),
    doc.title && doc.title !== docLabel(doc) && h('p', { class: 'doc-title' }, doc.title),
    h(
      'dl',
      { class: 'facts' },
      ...(
        [
          ['Ngày ban hành', formatDate(doc.date) || (doc.year ? String(doc.year) : '')],
          ['Cơ quan ban hành', doc.issuer],
          ['Cấp', levelLabel(doc.level)],
          ['Tỉnh/thành phố', doc.province],
          ['Trích yếu', doc.subject],
          ['Tệp nguồn', doc.file],
        ] as [string, string | null][]
      )
        .filter(([, v]) => v)
        .map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))),
    ),
    badges(doc),
    docActions(doc.id),
  );

  const body = doc.ingested && doc.text
    ? h('section', { class: 'text-panel', 'aria-labelledby': 'h-text' }, h('h2', { id: 'h-text' }, 'Toàn văn'), legend(), fullText(doc))
    : message('Toàn văn của văn bản này chưa có trong hệ thống; văn bản được biết qua trích dẫn của các văn bản khác.');

  return {
    title: docLabel(doc),
    node: h('article', { class: 'document-page' }, header, h('div', { class: 'doc-layout' }, body, h('div', { class: 'doc-side' }, outgoing(doc), unresolvedSection(doc))), incoming(doc, route, await lists)),
    mounted: () => {
      const target = at ? document.getElementById(markId(Number(at))) : null;
      if (target) {
        target.scrollIntoView({ block: 'center' });
        target.classList.add('target');
        target.focus({ preventScroll: true });
      }
    },
  };
}

function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend' },
    'Chú thích: ',
    ...RELATION_ORDER.slice(0, 2).map((r) => h('span', { class: `mention rel-${r}` }, RELATION_LABEL[r])),
    h('span', { class: 'mention rel-CITES' }, 'quan hệ khác'),
    h('mark', { class: 'mention unresolved' }, 'chưa xác định'),
  );
}
