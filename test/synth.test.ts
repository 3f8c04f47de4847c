import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generate, type SynthDocument } from '../bench/synth/generate.ts';
import { foldPhrase } from '../ingest/normalize.ts';

const N = 600;
const corpus: SynthDocument[] = [...generate({ n: N, seed: 42 })];
const byId = new Map(corpus.map((d) => [d.truth.header.id, d]));

function digest(docs: Iterable<SynthDocument>): string {
  const h = createHash('sha256');
  for (const d of docs) h.update(d.file).update(d.text).update(JSON.stringify(d.truth));
  return h.digest('hex');
}

const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('synthetic corpus generator', () => {
  it('yields exactly n documents, deterministically per seed', () => {
    expect(corpus).toHaveLength(N);
    expect(new Set(corpus.map((d) => d.file)).size).toBe(N);
    expect(digest(generate({ n: N, seed: 42 }))).toBe(digest(corpus));
    expect(digest(generate({ n: N, seed: 43 }))).not.toBe(digest(corpus));
  });

  it('yields exactly n for any n', () => {
    for (const n of [1, 7, 150, 1001]) expect([...generate({ n, seed: 3 })]).toHaveLength(n);
  });

  it('rejects a bad n', () => {
    expect(() => generate({ n: 0, seed: 1 }).next()).toThrow(/positive integer/);
  });

  it('keeps the hierarchy: each plan implements an earlier plan of its own province / district', () => {
    const seen = new Set<string>();
    let checked = 0;
    for (const { truth } of corpus) {
      const h = truth.header;
      const parents = truth.citations
        .filter((c) => c.doc.kind === 'Kế hoạch' && c.relation !== 'cites')
        .map((c) => byId.get(c.doc.id))
        .filter((d): d is SynthDocument => d !== undefined && d.truth.header.year === h.year);
      if (h.level === 'tỉnh') {
        expect(parents, h.id).toHaveLength(0);
        expect(truth.citations.some((c) => c.doc.level === 'trung ương' && c.relation !== 'cites'), h.id).toBe(true);
      } else {
        expect(parents.length, h.id).toBeGreaterThan(0);
        for (const p of parents) {
          expect(seen.has(p.truth.header.id), `${h.id} cites a plan generated later`).toBe(true);
          expect(p.truth.header.province).toBe(h.province);
        }
        const direct = parents.find((p) => p.truth.header.level === (h.level === 'huyện' || !h.district ? 'tỉnh' : 'huyện'));
        expect(direct, `${h.id} has no parent plan one level up`).toBeDefined();
        if (h.level === 'xã' && h.district) expect(direct!.truth.header.district).toBe(h.district);
        checked++;
      }
      seen.add(h.id);
    }
    expect(checked).toBeGreaterThan(N / 2);
  });

  it('writes every truth citation into the text at its offsets', () => {
    for (const { text, truth, file } of corpus) {
      const flat = squeeze(text);
      for (const c of truth.citations) {
        if (c.mentions.some((m) => !m.byName && !m.sharedSuffix)) expect(flat.includes(squeeze(c.doc.symbol!)), `${file}: ${c.doc.symbol}`).toBe(true);
        for (const m of c.mentions) {
          const span = text.slice(m.start, m.end);
          if (m.byName) expect(foldPhrase(span), file).toMatch(new RegExp(`^luat `));
          else if (m.sharedSuffix) {
            expect(squeeze(span).endsWith(c.doc.symbol!.split('-')[0]), file).toBe(true);
            expect(squeeze(text.slice(m.end, m.end + 40))).toContain(m.sharedSuffix);
          } else expect(squeeze(span), file).toContain(squeeze(c.doc.symbol!));
        }
      }
      for (const s of truth.stated) {
        const ids = new Set(truth.citations.map((c) => c.doc.id));
        expect(ids.has(s.from) && ids.has(s.to), file).toBe(true);
        expect(s.end).toBeLessThanOrEqual(text.length);
      }
    }
  });

  it('varies surface forms and repeats plan numbers across units as real corpora do', () => {
    const all = corpus.map((d) => d.text).join('\n');
    expect(all).toMatch(/ngày \d\d tháng \d{1,2} năm \d{4}/);
    expect(all).toMatch(/ngày \d\d\/\d{1,2}\/\d{4}/);
    expect(all).toMatch(/\d+-\n\n[A-ZĐ]+\/TW/);
    expect(all).toMatch(/Quyết định số 217, 218-QĐ\/TW/);
    expect(corpus.some((d) => d.truth.variant.nfd && d.text !== d.text.normalize('NFC'))).toBe(true);
    expect(all).toMatch(/Uỷ ban/);
    const ids = new Map<string, Set<string>>();
    for (const d of corpus) ids.set(d.truth.header.symbol!, (ids.get(d.truth.header.symbol!) ?? new Set()).add(d.truth.header.id));
    expect(Math.max(...[...ids.values()].map((s) => s.size))).toBeGreaterThan(3);
    const mean = all.length / N;
    expect(mean).toBeGreaterThan(10_000);
    expect(mean).toBeLessThan(35_000);
  });
});
