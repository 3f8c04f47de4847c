/**
 * Scoring a recovered graph against the generator's truth, at any scale.
 *
 * Recovered keys are mapped onto true ids through the text: a citation key takes
 * the true document whose mention its mentions overlap (majority over the corpus),
 * an ingested document's key takes its plan's id. Edges are then compared as
 * (from, to, relation) triples: plan → cited by the citation's relation, and the
 * stated relations between third-party documents. Everything is interned to
 * integers so a million plans fit in memory.
 */
import type { Extraction } from '../../ingest/model.ts';
import type { Truth } from './truth.ts';

const REL = ['based_on', 'implements', 'cites', 'guides', 'continues', 'issues', 'amends'] as const;
const relCode = (r: string) => REL.indexOf(r as (typeof REL)[number]);

class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(s: string): number {
    let n = this.ids.get(s);
    if (n === undefined) {
      this.ids.set(s, (n = this.ids.size));
      this.names.push(s);
    }
    return n;
  }
  get size(): number {
    return this.ids.size;
  }
}

/** One (from, to, relation) triple as a single exact number (ids < 2^24). */
const triple = (from: number, to: number, rel: number) => (from * 2 ** 24 + to) * 8 + rel;

export interface GraphScore {
  documents: number;
  trueEdges: number;
  recoveredEdges: number;
  edgePrecision: number;
  edgeRecall: number;
  /** Same, ignoring the relation type. */
  linkPrecision: number;
  linkRecall: number;
  statedPrecision: number;
  statedRecall: number;
  /** True documents seen (ingested or cited). */
  trueDocuments: number;
  /** True documents that became more than one node. */
  splitDocuments: number;
  /** Nodes standing for more than one true document. */
  mergedNodes: number;
  /** A few split documents: "true id → key, key", and merged nodes: "key ← true id, true id". */
  splitSample: string[];
  mergedSample: string[];
  /** Share of true citations with at least one mention overlapped by a recovered one. */
  citationRecall: number;
}

export class Scorer {
  private readonly keys = new Interner();
  private readonly truths = new Interner();
  /** key → truth id → votes. */
  private readonly votes = new Map<number, Map<number, number>>();
  private readonly trueEdges = new Set<number>();
  private readonly trueLinks = new Set<number>();
  private readonly trueStated = new Set<number>();
  private readonly recovered: number[] = [];
  private readonly recoveredStated: number[] = [];
  private documents = 0;
  private citations = 0;
  private citationsFound = 0;

  private vote(key: string, truthId: string): void {
    const k = this.keys.id(key);
    const t = this.truths.id(truthId);
    const v = this.votes.get(k) ?? new Map<number, number>();
    v.set(t, (v.get(t) ?? 0) + 1);
    this.votes.set(k, v);
  }

  /** Add one plan: its truth, the extraction of its text, and the id the graph gave it. */
  add(truth: Truth, extraction: Extraction, documentId: string): void {
    this.documents++;
    const h = this.truths.id(truth.header.id);
    this.vote(documentId, truth.header.id);
    const spans = truth.citations.flatMap((c) => c.mentions.map((m) => ({ ...m, id: c.doc.id })));
    const found = new Set<string>();
    for (const c of truth.citations) {
      const t = this.truths.id(c.doc.id);
      this.trueEdges.add(triple(h, t, relCode(c.relation)));
      this.trueLinks.add(triple(h, t, 0));
    }
    for (const s of truth.stated) this.trueStated.add(triple(this.truths.id(s.from), this.truths.id(s.to), relCode(s.relation)));

    const d = this.keys.id(documentId);
    for (const c of extraction.citations) {
      for (const m of c.mentions) {
        let best: string | null = null;
        let bestOverlap = 0;
        for (const s of spans) {
          const overlap = Math.min(s.end, m.end) - Math.max(s.start, m.start);
          if (overlap > bestOverlap) [best, bestOverlap] = [s.id, overlap];
        }
        if (best) {
          this.vote(c.key, best);
          found.add(best);
        }
      }
      this.recovered.push(d, this.keys.id(c.key), relCode(c.relation));
    }
    for (const r of extraction.statedRelations) this.recoveredStated.push(this.keys.id(r.fromKey), this.keys.id(r.toKey), relCode(r.relation));
    this.citations += truth.citations.length;
    this.citationsFound += found.size;
  }

  result(): GraphScore {
    // Each key stands for its majority true document; count splits and merges on the way.
    const keyTruth = new Int32Array(this.keys.size).fill(-1);
    const keysOfTruth = new Map<number, number[]>();
    const merged: string[] = [];
    for (const [k, v] of this.votes) {
      let best = -1;
      let bestVotes = 0;
      for (const [t, n] of v) if (n > bestVotes) [best, bestVotes] = [t, n];
      keyTruth[k] = best;
      if (v.size > 1) merged.push(`${this.keys.names[k]} ← ${[...v.keys()].map((t) => this.truths.names[t]).join(', ')}`);
      for (const t of v.keys()) keysOfTruth.set(t, [...(keysOfTruth.get(t) ?? []), k]);
    }
    const split = [...keysOfTruth].filter(([, ks]) => ks.length > 1);
    const rate = (a: number, b: number) => (b === 0 ? 1 : Number((a / b).toFixed(4)));
    const count = (flat: number[], truthSet: Set<number>, typed: boolean) => {
      let hit = 0;
      const seen = new Set<number>();
      for (let i = 0; i < flat.length; i += 3) {
        const f = keyTruth[flat[i]];
        const t = keyTruth[flat[i + 1]];
        const x = f < 0 || t < 0 ? -1 - i : triple(f, t, typed ? flat[i + 2] : 0);
        if (seen.has(x)) continue;
        seen.add(x);
        if (truthSet.has(x)) hit++;
      }
      return { recovered: seen.size, hit };
    };
    const typed = count(this.recovered, this.trueEdges, true);
    const links = count(this.recovered, this.trueLinks, false);
    const stated = count(this.recoveredStated, this.trueStated, true);
    return {
      documents: this.documents,
      trueEdges: this.trueEdges.size,
      recoveredEdges: typed.recovered,
      edgePrecision: rate(typed.hit, typed.recovered),
      edgeRecall: rate(typed.hit, this.trueEdges.size),
      linkPrecision: rate(links.hit, links.recovered),
      linkRecall: rate(links.hit, this.trueLinks.size),
      statedPrecision: rate(stated.hit, stated.recovered),
      statedRecall: rate(stated.hit, this.trueStated.size),
      trueDocuments: this.truths.size,
      splitDocuments: split.length,
      mergedNodes: merged.length,
      splitSample: split.slice(0, 8).map(([t, ks]) => `${this.truths.names[t]} → ${ks.map((k) => this.keys.names[k]).join(', ')}`),
      mergedSample: merged.slice(0, 8),
      citationRecall: rate(this.citationsFound, this.citations),
    };
  }
}
