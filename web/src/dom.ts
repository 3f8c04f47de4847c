/** Small DOM helpers: build elements declaratively, render API snippets safely. */

export type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | null | undefined | ((ev: Event) => void);

/** Create an element: attributes (`on*` functions become listeners; false/null are skipped) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value != null) el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else if (c !== null && c !== undefined && c !== false) parent.appendChild(document.createTextNode(String(c)));
  }
}

let inert: HTMLTemplateElement | null = null;

/**
 * A snippet from the API (HTML-escaped text with <mark>…</mark>) as DOM nodes. Only text
 * and <mark> survive, so a misbehaving server cannot inject markup into the page. Parsed in
 * a template's inert document (no scripts, no loads), one template for all snippets: a
 * DOMParser document per snippet cost a document each (40 on a search page).
 */
export function markedSnippet(snippet: string): DocumentFragment {
  inert ??= document.createElement('template');
  inert.innerHTML = snippet;
  const frag = document.createDocumentFragment();
  for (const node of Array.from(inert.content.childNodes)) {
    const text = node.textContent ?? '';
    frag.appendChild(node.nodeName === 'MARK' ? h('mark', {}, text) : document.createTextNode(text));
  }
  return frag;
}

/** Offer `content` as a file download. */
export function download(filename: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = h('a', { href: url, download: filename });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
