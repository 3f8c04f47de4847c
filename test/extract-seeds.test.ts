/**
 * The seed plans scored against their hand-checked gold files, by the same rules as
 * ../shared/tools/score_extract.py: citations matched by folded symbol (or, for laws
 * cited by name, by name or overlapping mention of the same kind); F1, relation and
 * date accuracy must all be 1.0, and every gold stated relation must be found.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../ingest/index.ts';
import type { Citation, Extraction } from '../ingest/model.ts';
import { REWRITES } from '../bench/rewrites.ts';

const DIR = path.join(import.meta.dirname, 'fixtures', 'seeds');

interface GoldCitation {
  surface: string;
  offset: number;
  kind: string;
  symbol: string | null;
  name: string | null;
  date: string | null;
  relation: string;
  mentions: number;
}
interface Gold {
  file: string;
  header: Record<string, unknown>;
  citations: GoldCitation[];
  statedRelations: { from: string; to: string; relation: string }[];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/\s+/g, '').toUpperCase();
const alnum = (s: string) => s.replace(/[^0-9A-Z]/g, '');
const foldName = (s: string) => s.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function match(gold: GoldCitation, preds: Citation[], used: Set<number>, text: string): number {
  const g = gold.symbol ? fold(gold.symbol) : null;
  if (g) return preds.findIndex((p, j) => !used.has(j) && p.symbol !== null && (fold(p.symbol) === g || alnum(fold(p.symbol)) === alnum(g)));
  const at = text.indexOf(gold.surface);
  return preds.findIndex(
    (p, j) =>
      !used.has(j) &&
      ([p.name, ...p.aliases].some((n) => n && foldName(n) === foldName(gold.name ?? '')) ||
        (foldName(p.kind) === foldName(gold.kind) && p.mentions.some((m) => m.start < at + gold.surface.length && m.end > at))),
  );
}

const golds: Gold[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.gold.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8')));

describe('seed plans against gold', () => {
  let tp = 0, fp = 0, fn = 0, relOk = 0, relN = 0, dateOk = 0, dateN = 0;
  const results = new Map<string, Extraction>();
  for (const gold of golds) {
    it(`${gold.file}: every gold citation, nothing else`, () => {
      const text = readFileSync(path.join(DIR, gold.file), 'utf8');
      const x = extract({ file: gold.file, text });
      results.set(gold.file, x);
      const used = new Set<number>();
      const misses: string[] = [];
      for (const g of gold.citations) {
        const j = match(g, x.citations, used, text);
        if (j < 0) {
          fn++;
          misses.push(`missed ${g.symbol ?? g.name}`);
          continue;
        }
        used.add(j);
        tp++;
        relN++;
        if (x.citations[j].relation === g.relation) relOk++;
        else misses.push(`${g.symbol ?? g.name}: relation ${x.citations[j].relation}, gold ${g.relation}`);
        if (g.date) {
          dateN++;
          if (x.citations[j].date === g.date) dateOk++;
          else misses.push(`${g.symbol ?? g.name}: date ${x.citations[j].date}, gold ${g.date}`);
        }
      }
      const extra = x.citations.filter((_, j) => !used.has(j)).map((c) => `extra ${c.symbol ?? c.name}`);
      fp += extra.length;
      expect([...misses, ...extra]).toEqual([]);
    });
    it(`${gold.file}: stated relations and header`, () => {
      const x = results.get(gold.file) ?? extract({ file: gold.file, text: readFileSync(path.join(DIR, gold.file), 'utf8') });
      const got = x.statedRelations.map((r) => `${fold(r.from)} ${r.relation} ${fold(r.to)}`);
      for (const r of gold.statedRelations) expect(got).toContain(`${fold(r.from)} ${r.relation} ${fold(r.to)}`);
      for (const k of ['symbol', 'kind', 'date', 'year', 'place', 'issuer', 'province', 'level', 'title', 'signer'] as const) {
        expect.soft((x.header as unknown as Record<string, unknown>)[k], `header.${k}`).toEqual(gold.header[k]);
      }
    });
  }
  it('scores F1 = relation = date = 1.0 over all seeds', () => {
    const p = tp / (tp + fp);
    const r = tp / (tp + fn);
    expect({ f1: (2 * p * r) / (p + r), relation: relOk / relN, date: dateOk / dateN, tp }).toEqual({ f1: 1, relation: 1, date: 1, tp: 96 });
  });
  it('numbered mentions counted as in the gold files', () => {
    for (const gold of golds) {
      const text = readFileSync(path.join(DIR, gold.file), 'utf8');
      const x = extract({ file: gold.file, text });
      for (const g of gold.citations) {
        const c = x.citations[match(g, x.citations, new Set(), text)];
        const direct = c.mentions.filter((m) => m.form === 'symbol' || m.form === 'name').length;
        expect.soft(direct, `${gold.file} ${g.symbol ?? g.name}`).toBe(g.mentions);
      }
    }
  });
});

/**
 * The mess real texts come in (bench/rewrites.ts), applied to each seed: the citations (key,
 * relation, date and how many mentions) and the header's key must not change.
 */
describe('seed plans rewritten as messy real texts read the same', () => {
  const signature = (text: string) => {
    const x = extract({ file: 'seed', text });
    return { header: x.header.key, citations: x.citations.map((c) => `${c.key} ${c.relation} ${c.date} ×${c.mentions.length}`).sort() };
  };
  const texts = golds.map((gold) => readFileSync(path.join(DIR, gold.file), 'utf8'));
  texts.forEach((text, i) => {
    const expected = signature(text);
    it(`${golds[i].file}: ${Object.keys(REWRITES).length} rewrites`, () => {
      for (const [name, rewrite] of Object.entries(REWRITES)) {
        const rewritten = rewrite(text);
        if (rewritten !== text) expect.soft(signature(rewritten), name).toEqual(expected);
      }
    });
  });
  it('every rewrite changes some seed', () => {
    for (const [name, rewrite] of Object.entries(REWRITES)) expect(texts.some((t) => rewrite(t) !== t), name).toBe(true);
  });
});
