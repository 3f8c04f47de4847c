/**
 * The ground truth written as an Extraction, keyed by the generator's own ids:
 * what a perfect extractor would return. Ingesting it builds the true graph, so
 * store and query benchmarks do not depend on the extractor's quality or speed.
 */
import type { Citation, Extraction, Relation, StatedRelation } from '../../ingest/model.ts';
import type { Truth } from './truth.ts';

export function truthExtraction(file: string, truth: Truth): Extraction {
  const h = truth.header;
  const symbols = new Map(truth.citations.map((c) => [c.doc.id, c.doc.symbol ?? c.doc.name ?? c.doc.id]));
  const citations = truth.citations.map(
    (c): Citation => ({
      key: c.doc.id,
      kind: c.doc.kind,
      symbol: c.doc.symbol,
      name: c.doc.name,
      aliases: [],
      date: c.doc.date,
      issuer: c.doc.issuer,
      subject: null,
      relation: c.relation,
      signals: [...new Set<Relation>(c.mentions.map((m) => m.cue))],
      mentions: c.mentions.map((m) => ({ start: m.start, end: m.end, section: m.section, form: m.byName ? 'name' : 'symbol', cue: m.cue })),
    }),
  );
  const statedRelations = truth.stated.map(
    (s): StatedRelation => ({ from: symbols.get(s.from)!, to: symbols.get(s.to)!, fromKey: s.from, toKey: s.to, relation: s.relation, start: s.start, end: s.end, section: 'preamble' }),
  );
  return {
    file,
    header: {
      key: h.id,
      symbol: h.symbol,
      kind: h.kind,
      date: h.date,
      year: h.year,
      place: h.place,
      issuer: h.issuer,
      title: h.title,
      signer: h.signer,
      province: h.province,
      district: h.district,
      commune: h.commune,
      level: h.level,
    },
    citations,
    statedRelations,
    diagnostics: [],
  };
}
