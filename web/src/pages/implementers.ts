/**
 * The plans that carry out a directive, directly or down the chain: a tree by level
 * (tỉnh → huyện → xã) and a coverage table naming the provinces with no implementing plan.
 */
import { request } from '../api.ts';
import { h } from '../dom.ts';
import { docLabel } from '../format.ts';
import { coverage, implementerTree, type TreeNode } from '../implementer-tree.ts';
import type { ImplementerEdge, ImplementersData } from '../queries.ts';
import { implementersRequest } from '../requests.ts';
import { href, type Route } from '../route.ts';
import { docActions, docEntry, docLink, field, filterForm, formParams, levelSelect, message, provinceInput, provinceLists, select, yearInput, type View } from '../ui.ts';

/** Beyond this many implementers the page says the tree and table are partial. */
const LIMIT = 5000;
const REFORM_DATE = '2025-07-01';

function tree(nodes: TreeNode[]): HTMLElement {
  return h(
    'ul',
    { class: 'tree' },
    ...nodes.map((n) =>
      h('li', {}, docEntry(n.doc, n.depth > 1 && h('span', { class: 'meta' }, `gián tiếp, cấp độ ${n.depth}`)), n.children.length > 0 && tree(n.children)),
    ),
  );
}

export async function implementersPage(route: Route): Promise<View> {
  const p = route.params;
  const province = p.get('province') ?? '';
  const year = p.get('year') ?? '';
  const level = p.get('level') ?? '';
  const issuer = p.get('issuer') ?? '';
  const lists = provinceLists();

  // The first page is shown at once; the rest (up to LIMIT) is fetched after the page is mounted.
  const data = await request<ImplementersData>(implementersRequest(route));
  const edges: ImplementerEdge[] = [...data.implementers.edges];
  const doc = data.document;
  if (!doc) return { title: 'Không tìm thấy', node: message(`Không tìm thấy văn bản «${route.id}».`, 'error') };

  const provinces = await lists;
  const snapshot = p.get('units') ?? (doc.date && doc.date >= REFORM_DATE ? 'post-2025' : 'pre-2025');
  const units = provinces[snapshot === 'post-2025' ? 'post-2025' : 'pre-2025'].map((u) => u.name);
  const params = { province, year, level, issuer, units: p.get('units') };
  const total = data.implementers.totalCount;

  const form = filterForm(
    [
      provinceInput(province, provinces),
      field('Năm', yearInput(year)),
      field('Cấp', levelSelect(level)),
      field('Cơ quan ban hành', h('input', { name: 'issuer', value: issuer, placeholder: 'vd. UBND huyện Cầu Ngang' })),
      field('Danh mục tỉnh', select('units', snapshot, [['pre-2025', '63 tỉnh (trước 01/07/2025)'], ['post-2025', '34 tỉnh (từ 01/07/2025)']])),
    ],
    (data) => {
      location.hash = href('implementers', route.id, formParams(data, ['province', 'year', 'level', 'issuer', 'units']));
    },
  );


  const direct = doc.implementedBy?.totalCount ?? 0;
  /** The summary line: the counts are the server's, over all the implementers; then how many are listed. */
  const summary = (loading: boolean): HTMLElement =>
    h(
      'p',
      { class: 'summary', role: 'status' },
      `${total.toLocaleString('vi-VN')} văn bản triển khai (trực tiếp: ${direct.toLocaleString('vi-VN')}, qua văn bản trung gian: ${(total - direct).toLocaleString('vi-VN')}).`,
      loading
        ? ` Đang tải cây triển khai… (${edges.length.toLocaleString('vi-VN')}/${Math.min(total, LIMIT).toLocaleString('vi-VN')})`
        : edges.length < total && ` Cây chỉ gồm ${edges.length.toLocaleString('vi-VN')} văn bản đầu tiên; hãy lọc theo tỉnh hoặc năm.`,
    );
  /** The tree of the implementers loaded so far. */
  const treeSection = (): HTMLElement =>
    h(
      'section',
      { 'aria-labelledby': 'h-tree' },
      h('h2', { id: 'h-tree' }, 'Cây triển khai (tỉnh → huyện → xã)'),
      edges.length === 0 ? message('Chưa có kế hoạch nào triển khai văn bản này.') : tree(implementerTree(edges)),
    );

  // Complete from the first response: the server counts every implementer per province.
  // plans name the province of their day: after the reform, an old province counts for the one it joined
  const cover = coverage(units, data.implementers.byProvince ?? [], total, snapshot === 'post-2025' ? provinces['merged-into'] : {});
  const coverageSection = h(
    'section',
    { 'aria-labelledby': 'h-coverage' },
    h('h2', { id: 'h-coverage' }, 'Mức độ bao phủ theo tỉnh'),
    h(
      'div',
      { class: 'missing' },
      h('h3', {}, `Tỉnh/thành phố chưa có kế hoạch triển khai: ${cover.missing.length}/${units.length}`),
      cover.missing.length === 0 ? message('Tất cả các tỉnh đều đã có kế hoạch.') : h('p', { class: 'missing-list' }, cover.missing.join(', ')),
    ),
    h(
      'table',
      { class: 'coverage' },
      h('caption', {}, `Số văn bản triển khai theo tỉnh (${snapshot === 'post-2025' ? '34 tỉnh sau sắp xếp' : '63 tỉnh trước sắp xếp'})`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tỉnh/thành phố'), h('th', { scope: 'col' }, 'Số văn bản'), h('th', { scope: 'col' }, 'Tình trạng'))),
      h(
        'tbody',
        {},
        ...cover.rows.map((r) =>
          h(
            'tr',
            { class: r.count ? 'covered' : 'uncovered' },
            h('th', { scope: 'row' }, r.count ? h('a', { href: href('implementers', route.id, { ...params, province: r.province }) }, r.province) : r.province),
            h('td', {}, r.count),
            h('td', {}, r.count ? 'Đã có kế hoạch' : 'Chưa có kế hoạch'),
          ),
        ),
      ),
    ),
    cover.unplaced > 0 && h('p', { class: 'meta' }, `${cover.unplaced.toLocaleString('vi-VN')} văn bản không xác định được tỉnh hoặc thuộc cấp trung ương.`),
  );

  let shownSummary = summary(data.implementers.pageInfo.hasNextPage);
  let shownTree = treeSection();
  const results = h('div', { class: 'implementers-results' }, shownSummary, h('div', { class: 'two-col' }, shownTree, coverageSection));

  return {
    title: `Triển khai ${docLabel(doc)}`,
    node: h(
      'article',
      { class: 'implementers-page' },
      h('header', { class: 'doc-header' }, h('p', { class: 'kind' }, 'Các kế hoạch triển khai'), h('h1', {}, docLink(doc)), doc.title && h('p', { class: 'doc-title' }, doc.title), docActions(doc.id)),
      form,
      results,
    ),
    // Not awaited: the page is ready with its first page; the rest fills the tree as it arrives, redrawn
    // each time it has doubled (and at the end), so the work stays proportional to the final tree.
    mounted() {
      void (async () => {
        let page = data.implementers.pageInfo;
        let drawn = edges.length;
        try {
          while (page.hasNextPage && page.endCursor && edges.length < LIMIT && results.isConnected) {
            const more = await request<ImplementersData>(implementersRequest(route, page.endCursor));
            edges.push(...more.implementers.edges);
            page = more.implementers.pageInfo;
            const loading = page.hasNextPage && edges.length < LIMIT;
            const next = summary(loading);
            shownSummary.replaceWith(next);
            shownSummary = next;
            if (!loading || edges.length >= 2 * drawn) {
              const grown = treeSection();
              shownTree.replaceWith(grown);
              shownTree = grown;
              drawn = edges.length;
            }
          }
        } catch (err) {
          results.append(message(`Không tải được phần còn lại: ${(err as Error).message}`, 'error'));
        }
      })();
    },
  };
}
