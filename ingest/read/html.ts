/**
 * HTML → text: the page's `main` (else its `article`s, else `body`), without scripts, styles,
 * frames, navigation, sidebars or page header/footer; block elements become line breaks, runs of
 * white space one space, entities decoded. The tree is walked with an explicit stack, so
 * deeply nested markup cannot overflow the call stack.
 */
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { latin1 } from './sniff.ts';

/** Elements whose content is never document text; a sidebar (`aside`) of "related documents" would be read as citations. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'iframe', 'nav', 'aside', 'template', 'svg', 'object', 'embed', 'canvas', 'head']);
/** Page chrome, unless inside an article or main (then it is the article's own header). */
const CHROME = new Set(['header', 'footer']);
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'hr', 'li', 'main', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
const CELLS = new Set(['td', 'th']);
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The charset a page declares in its first KiB (`<meta charset>` or `http-equiv` Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(latin1(bytes, 4096))?.[1];
}

const END = Symbol('end of element');
type Step = AnyNode | { [END]: 'block' | 'cell' | 'pre' };

export function htmlToText(html: string): string {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const main = $('main').get(0);
  const articles = $('article').filter((_, el) => $(el).parents('article').length === 0).get();
  const roots: AnyNode[] = main ? [main] : articles.length > 0 ? articles : [$('body').get(0) ?? $.root().get(0)!];

  const out: string[] = [];
  let lineStart = true;
  let space = false;
  let pre = 0;
  const newline = () => {
    if (!lineStart) out.push('\n');
    lineStart = true;
    space = false;
  };
  const text = (data: string) => {
    if (pre > 0) {
      out.push(data);
      lineStart = data.endsWith('\n');
      return;
    }
    const words = data.split(/[ \t\n\r\f]+/);
    if (words[0] === '') space = true;
    for (const w of words) {
      if (w === '') continue;
      if (space && !lineStart) out.push(' ');
      out.push(w);
      lineStart = false;
      space = true;
    }
    space = words[words.length - 1] === '';
  };

  const stack: Step[] = roots.slice().reverse();
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (END in step) {
      if (step[END] === 'pre') pre--;
      if (step[END] !== 'cell') newline();
      else if (!lineStart) {
        out.push('\t');
        space = false;
      }
      continue;
    }
    if (step.type === 'text') {
      text(step.data);
      continue;
    }
    if (step.type !== 'tag' && step.type !== 'root') continue; // comments, directives, script, style
    if (step.type === 'tag') {
      const name = step.name.toLowerCase();
      if (SKIPPED.has(name) || (CHROME.has(name) && !insideArticle(step))) continue;
      if (name === 'br') {
        out.push('\n');
        lineStart = true;
        space = false;
        continue;
      }
      // a footnote mark or an exponent, "TW<sup>1</sup>", "m<sup>2</sup>": superscript digits, which
      // no symbol or number reads on into ("217-QĐ/TW¹", not "217-QĐ/TW1")
      const sup = name === 'sup' ? /^\s*(\d{1,3})\s*$/.exec($(step).text()) : null;
      if (sup) {
        out.push([...sup[1]].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join(''));
        lineStart = false;
        space = false;
        continue;
      }
      if (name === 'pre') pre++;
      if (BLOCKS.has(name)) {
        newline();
        stack.push({ [END]: name === 'pre' ? 'pre' : 'block' });
      } else if (CELLS.has(name)) {
        stack.push({ [END]: 'cell' });
      }
    }
    for (let i = step.children.length - 1; i >= 0; i--) stack.push(step.children[i]);
  }
  return out.join('').trim();
}

function insideArticle(node: AnyNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'tag' && (p.name === 'article' || p.name === 'main')) return true;
  }
  return false;
}
