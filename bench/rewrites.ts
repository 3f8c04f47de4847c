/**
 * The mess real texts come in, as rewrites of a clean text, and how much each one changes
 * the extraction of the real gazette texts: the files whose citations (key and relation)
 * differ from those of the text as it is, with the citations lost and gained, and a sample.
 * A robust extractor reads every rewrite the same; test/extract-seeds.test.ts requires it
 * on the seed plans.
 *
 *   node bin/run-ts.js bench/rewrites.ts [--every 1]    (--every K: one real text in K)
 */
import { extract } from '../ingest/index.ts';
import { realTexts } from './corpora.ts';
import { flags, report } from './lib.ts';

const TONE = '[\u0300\u0301\u0303\u0309\u0323]';
/** A document symbol as the rewrites below find it: "33/CT-TTg", "217-QĐ/TW", "10/2022/QH15". */
const SYMBOL = /\d{1,5}(?:\/\d{4})?[-/][A-ZĐƯ][A-Za-zĐđƯ\d]*(?:[-/][A-ZĐƯ][A-Za-zĐđƯ\d]*)*/g;

/** Each rewrite is one the extractor meets in PDFs, Word exports and old typing tools. */
export const REWRITES: Record<string, (t: string) => string> = {
  'NFD': (t) => t.normalize('NFD'),
  'CRLF line breaks': (t) => t.replace(/\n/g, '\r\n'),
  'a byte-order mark': (t) => '\ufeff' + t,
  // "hoà" → "hòa", "thuỷ" → "thủy" (open syllables; "quý" stays), and back
  'old tone placement': (t) =>
    t.normalize('NFD').replace(new RegExp(`([oO])([aAeE])(${TONE})(?![\\p{L}\\p{M}])|((?<![qQ])[uU])([yY])(${TONE})(?![\\p{L}\\p{M}])`, 'gu'), (_m, o, a, t1, u, y, t2) => (o ? o + t1 + a : u + t2 + y)).normalize('NFC'),
  'new tone placement': (t) =>
    t.normalize('NFD').replace(new RegExp(`([oO])(${TONE})([aAeE])(?![\\p{L}\\p{M}])|((?<![qQ])[uU])(${TONE})([yY])(?![\\p{L}\\p{M}])`, 'gu'), (_m, o, t1, a, u, t2, y) => (o ? o + a + t1 : u + y + t2)).normalize('NFC'),
  // old typing tools put the mark on the first vowel in closed syllables too: "Kế họach", "tòan"
  'tones misplaced in closed syllables': (t) => t.normalize('NFD').replace(new RegExp(`([oO])([aAeE])(${TONE})(?=\\p{L})`, 'gu'), '$1$3$2').normalize('NFC'),
  'doubled spaces': (t) => t.replace(/ /g, '  '),
  'no-break spaces': (t) => t.replace(/ /g, (m, i: number) => (i % 5 === 0 ? '\u00a0' : m)),
  'zero-width spaces': (t) => t.replace(/ /g, (m, i: number) => (i % 7 === 0 ? ' \u200b' : m)),
  'indented lines': (t) => t.replace(/^/gm, '\t'),
  'trailing spaces': (t) => t.replace(/\n/g, ' \n'),
  'page numbers between lines': (t) => t.split('\n').map((l, i) => (i % 17 === 16 ? `${l}\n${Math.floor(i / 17) + 1}` : l)).join('\n'),
  'lines wrapped at 50-60 characters': (t) => t.split('\n').map((l) => l.replace(/(.{50,60}?) (?=\S)/g, '$1\n')).join('\n'),
  'wrapped lines joined': (t) => t.replace(/([^\n.;:])[ ]*(?:\n[ ]*)+(?=\p{Ll})/gu, '$1 '),
  'symbols broken after a dash': (t) => t.replace(/-(?=[A-ZĐ])/g, '-\n'),
  'symbols broken after a slash': (t) => t.replace(SYMBOL, (m) => m.replace(/\/(?=[A-ZĐ][A-ZĐ])/g, '/\n')),
  'en dashes in symbols': (t) => t.replace(SYMBOL, (m) => m.replaceAll('-', '–')),
  'slash look-alikes in symbols (／ ∕)': (t) => t.replace(SYMBOL, (m) => m.replaceAll('/', m.length % 2 ? '／' : '∕')),
  'spaces around slashes in symbols': (t) => t.replace(SYMBOL, (m) => m.replaceAll('/', ' / ')),
  'symbols in Markdown bold': (t) => t.replace(SYMBOL, (m) => `**${m}**`),
  'no "số" before a number': (t) => t.replace(/ số (?=\d)/g, ' '),
  '"số:" before a number': (t) => t.replace(/ số (?=\d)/g, ' số: '),
};

function main(): void {
  const opts = flags({ every: 1 });
  const texts = realTexts()?.filter((_, i) => i % opts.every === 0);
  if (!texts) {
    report('rewrites', {}, ['real gazette texts not found (../shared/data/corpora/phapluat-8chude-data/docs): skipped']);
    return;
  }
  const citations = (text: string) => new Set(extract({ file: 'x', text }).citations.map((c) => `${c.key} ${c.relation}`));
  const asIs = texts.map((t) => citations(t.text));
  const figures: Record<string, unknown> = { files: texts.length };
  for (const [name, rewrite] of Object.entries(REWRITES)) {
    let files = 0;
    let lost = 0;
    let gained = 0;
    const sample: string[] = [];
    texts.forEach((t, i) => {
      const got = citations(rewrite(t.text));
      const minus = [...asIs[i]].filter((c) => !got.has(c));
      const plus = [...got].filter((c) => !asIs[i].has(c));
      if (!minus.length && !plus.length) return;
      files++;
      lost += minus.length;
      gained += plus.length;
      if (sample.length < 3) sample.push(`${t.file}: -[${minus.slice(0, 2).join('; ')}] +[${plus.slice(0, 2).join('; ')}]`);
    });
    figures[name] = { filesChanged: files, citationsLost: lost, citationsGained: gained, ...(sample.length ? { sample } : {}) };
  }
  report('rewrites', figures);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
