/** Search: one box (words with or without accents, or a symbol), highlighted snippets, facet filters. */
import { request } from '../api.ts';
import { h, markedSnippet } from '../dom.ts';
import { levelLabel } from '../format.ts';
import type { FacetValue, SearchData } from '../queries.ts';
import { searchRequest } from '../requests.ts';
import { href, type Route } from '../route.ts';
import { docEntry, message, type View } from '../ui.ts';

const FACETS = [
  { name: 'kind', label: 'Loại văn bản', show: (v: string) => v },
  { name: 'level', label: 'Cấp ban hành', show: levelLabel },
  { name: 'province', label: 'Tỉnh/thành phố', show: (v: string) => v },
  { name: 'year', label: 'Năm ban hành', show: (v: string) => v },
] as const;
type FacetName = (typeof FACETS)[number]['name'];

export function searchBox(q: string): HTMLFormElement {
  return h(
    'form',
    {
      class: 'search-box',
      role: 'search',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        const q = String(new FormData(ev.target as HTMLFormElement).get('q') ?? '').trim();
        location.hash = href('search', '', { q });
      },
    },
    h('label', { for: 'q', class: 'visually-hidden' }, 'Tìm văn bản'),
    h('input', { id: 'q', name: 'q', type: 'search', value: q, placeholder: 'Từ khoá có dấu hoặc không dấu, hoặc số ký hiệu: 33/CT-TTg', autocomplete: 'off' }),
    h('button', { type: 'submit' }, 'Tìm'),
  );
}

export async function searchPage(route: Route): Promise<View> {
  const p = route.params;
  const q = p.get('q')?.trim() ?? '';
  const current = Object.fromEntries(FACETS.map((f) => [f.name, p.get(f.name) ?? ''])) as Record<FacetName, string>;
  const box = searchBox(q);
  if (!q) {
    const examples = ['chi thi 33', '33/CT-TTg', '217-QĐ/TW', 'dân vận chính quyền'];
    return {
      title: 'Tìm kiếm văn bản',
      node: h(
        'section',
        { class: 'home' },
        h('h1', {}, 'Tra cứu căn cứ pháp lý'),
        h('p', { class: 'lead' }, 'Tìm kế hoạch, chỉ thị, nghị quyết, quyết định và luật; xem văn bản nào căn cứ, triển khai văn bản nào.'),
        box,
        h('p', {}, 'Ví dụ: ', ...examples.flatMap((e, i) => [i ? ', ' : '', h('a', { href: href('search', '', { q: e }) }, e)])),
      ),
      mounted: () => box.querySelector('input')?.focus(),
    };
  }

  const after = p.get('after');
  const { search } = await request<SearchData>(searchRequest(route)!);
  const link = (changes: Partial<Record<FacetName | 'after', string>>) => href('search', '', { q, ...current, ...changes });

  const facets = h(
    'aside',
    { class: 'facets', 'aria-label': 'Bộ lọc' },
    h('h2', {}, 'Lọc kết quả'),
    ...FACETS.map((f) => {
      const values: FacetValue[] = search.facets[f.name];
      const active = current[f.name];
      return h(
        'fieldset',
        {},
        h('legend', {}, f.label),
        active && h('a', { class: 'facet active', href: link({ [f.name]: '' }), 'aria-label': `Bỏ lọc ${f.label}` }, `✕ ${f.show(active)}`),
        values.length === 0 && !active && h('span', { class: 'meta' }, '—'),
        h(
          'ul',
          {},
          ...values
            .filter((v) => v.value !== active)
            .map((v) => h('li', {}, h('a', { class: 'facet', href: link({ [f.name]: v.value }) }, f.show(v.value), h('span', { class: 'count' }, v.count)))),
        ),
      );
    }),
  );

  const results = h(
    'ol',
    { class: 'results' },
    ...search.edges.map((e) =>
      h(
        'li',
        {},
        docEntry(
          e.node,
          ...e.highlights.map((hl) => h('p', { class: `snippet field-${hl.field}` }, markedSnippet(hl.snippet))),
        ),
      ),
    ),
  );

  return {
    title: `${q} — Tìm kiếm`,
    node: h(
      'section',
      { class: 'search-page' },
      box,
      h('div', { class: 'search-layout' },
        facets,
        h(
          'div',
          { class: 'search-results' },
          h('h1', { class: 'result-count' }, search.totalCount === 0 ? `Không tìm thấy văn bản nào cho «${q}»` : `${search.totalCount.toLocaleString('vi-VN')} văn bản cho «${q}»`),
          search.totalCount === 0 && message('Thử bỏ bớt bộ lọc, gõ ít từ hơn, hoặc tìm theo số ký hiệu.'),
          results,
          h(
            'nav',
            { class: 'pager', 'aria-label': 'Trang kết quả' },
            after && h('a', { href: link({}) }, '« Trang đầu'),
            search.pageInfo.hasNextPage && search.pageInfo.endCursor && h('a', { href: link({ after: search.pageInfo.endCursor }) }, 'Trang sau »'),
          ),
        ),
      ),
    ),
  };
}
