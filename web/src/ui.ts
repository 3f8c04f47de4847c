/** Pieces shared by the pages: document links, badges, filter fields, the province list. */
import { h, type Child } from './dom.ts';
import { send, takeEarly } from './early.ts';
import { docLabel, docMeta, isPartyDocument, LEVELS, levelLabel } from './format.ts';
import type { DocSummary } from './queries.ts';
import { href } from './route.ts';

/** What a page renders: its content, the browser tab title, and work to do once it is in the page. */
export interface View {
  title: string;
  node: Node;
  mounted?: () => void | Promise<void>;
}

export function docLink(d: DocSummary): HTMLAnchorElement {
  return h('a', { href: href('doc', d.id), class: 'doc-link' }, docLabel(d));
}

export function badges(d: DocSummary): HTMLElement {
  return h(
    'span',
    { class: 'badges' },
    d.level && h('span', { class: `badge level-${d.level}` }, levelLabel(d.level)),
    isPartyDocument(d) && h('span', { class: 'badge party' }, 'Văn bản của Đảng'),
    d.ingested ? h('span', { class: 'badge ingested' }, 'Có toàn văn') : h('span', { class: 'badge cited' }, 'Chỉ biết qua trích dẫn'),
  );
}

/** A document as one list entry: link, badges, meta line, title. */
export function docEntry(d: DocSummary, ...extra: Child[]): HTMLElement {
  const title = d.title && d.title !== docLabel(d) ? d.title : null;
  return h(
    'div',
    { class: 'doc-entry' },
    h('div', { class: 'doc-entry-head' }, docLink(d), ' ', badges(d)),
    title && h('div', { class: 'doc-title' }, title),
    docMeta(d) && h('div', { class: 'meta' }, docMeta(d)),
    ...extra,
  );
}

/** The actions available on any document. */
export function docActions(id: string): HTMLElement {
  return h(
    'nav',
    { class: 'doc-actions', 'aria-label': 'Thao tác với văn bản' },
    h('a', { href: href('doc', id) }, 'Văn bản'),
    h('a', { href: href('trace', id) }, 'Truy vết căn cứ pháp lý'),
    h('a', { href: href('implementers', id) }, 'Các kế hoạch triển khai'),
  );
}

export function message(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

let fieldCount = 0;
/** A labelled form field. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  control.id ||= `f${++fieldCount}`;
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

export function select(name: string, value: string, options: [string, string][]): HTMLSelectElement {
  return h('select', { name }, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

export function levelSelect(value: string): HTMLSelectElement {
  return select('level', value, [['', 'Mọi cấp'], ...LEVELS.map((l): [string, string] => [l, levelLabel(l)])]);
}

export function yearInput(value: string): HTMLInputElement {
  return h('input', { name: 'year', type: 'number', inputmode: 'numeric', min: 1945, max: 2100, value, placeholder: 'vd. 2024' });
}

export interface ProvinceLists {
  'pre-2025': { code: string; name: string }[];
  'post-2025': { code: string; name: string }[];
  /** The post-2025 province each pre-2025 one became (derived from the communes' codes). */
  'merged-into': Record<string, string>;
}
let provinces: Promise<ProvinceLists> | null = null;
/** The 63 pre-reform and 34 post-reform provinces (web/public/provinces.json, from the admin-unit data, MIT). */
export function provinceLists(): Promise<ProvinceLists> {
  provinces ??= (takeEarly('provinces.json')?.catch(() => send('provinces.json')) ?? send('provinces.json')).then((r) => {
    if (!r.ok) throw new Error(`provinces.json: HTTP ${r.status}`);
    return r.json() as Promise<ProvinceLists>;
  });
  return provinces;
}

/** A province text box suggesting every province name (old and new). */
export function provinceInput(value: string, lists: ProvinceLists): HTMLElement {
  const names = [...new Set([...lists['post-2025'], ...lists['pre-2025']].map((p) => p.name))].sort((a, b) => a.localeCompare(b, 'vi'));
  const id = `provinces${++fieldCount}`;
  const f = field('Tỉnh/thành phố', h('input', { name: 'province', value, list: id, placeholder: 'vd. Tỉnh Sơn La' }));
  f.append(h('datalist', { id }, ...names.map((n) => h('option', { value: n }))));
  return f;
}

/** A GET-like filter form whose submission becomes the page URL. */
export function filterForm(fields: Child[], onSubmit: (data: FormData) => void, label = 'Lọc'): HTMLFormElement {
  return h(
    'form',
    {
      class: 'filters',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        onSubmit(new FormData(ev.target as HTMLFormElement));
      },
    },
    ...fields,
    h('button', { type: 'submit' }, label),
  );
}

/** FormData entries as route params (trimmed strings). */
export function formParams(data: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, String(data.get(n) ?? '').trim()]));
}
