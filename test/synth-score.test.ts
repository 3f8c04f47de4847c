import { describe, expect, it } from 'vitest';
import { generate } from '../bench/synth/generate.ts';
import { truthExtraction } from '../bench/synth/oracle.ts';
import { Scorer } from '../bench/synth/score.ts';

const corpus = [...generate({ n: 150, seed: 9 })];

describe('graph scoring against the synthetic truth', () => {
  it('scores the truth itself as perfect', () => {
    const s = new Scorer();
    for (const d of corpus) s.add(d.truth, truthExtraction(d.file, d.truth), d.truth.header.id);
    const r = s.result();
    expect(r.documents).toBe(150);
    expect(r.trueEdges).toBeGreaterThan(500);
    expect([r.edgePrecision, r.edgeRecall, r.statedPrecision, r.statedRecall, r.citationRecall]).toEqual([1, 1, 1, 1, 1]);
    expect([r.splitDocuments, r.mergedNodes]).toEqual([0, 0]);
  });

  it('counts missed citations, wrong relations, split and merged documents', () => {
    const s = new Scorer();
    let dropped = 0;
    corpus.forEach((d, i) => {
      const x = truthExtraction(d.file, d.truth);
      if (i % 3 === 0) {
        x.citations.pop(); // a missed citation
        dropped++;
      }
      if (i % 5 === 0) x.citations[0].relation = x.citations[0].relation === 'cites' ? 'based_on' : 'cites';
      // Every mention of Chỉ thị 33 without a date under its own key: one document, two nodes.
      for (const c of x.citations) if (c.key === 'central:ct33' && i % 2) c.key = '33/CT-TTg@?';
      // All province plans numbered 15 keyed alike: several documents, one node.
      for (const c of x.citations) if (/^plan:pre:\d+:\d+:15$/.test(c.key)) c.key = '15/KH-UBND';
      s.add(d.truth, x, d.truth.header.id);
    });
    const r = s.result();
    expect(dropped).toBe(50);
    expect(r.edgeRecall).toBeLessThan(1);
    expect(r.edgePrecision).toBeLessThan(1);
    expect(r.citationRecall).toBeLessThan(1);
    expect(r.splitSample.some((x) => x.startsWith('central:ct33 → '))).toBe(true);
    expect(r.splitDocuments).toBeGreaterThan(0);
  });
});
