/**
 * What a change to the extractor changes, on real text: extract the 402 real gazette
 * texts and the first 497 synthetic plans (9 M characters, seed 1), and save one line per
 * file (header, citation keys, symbols, names, dates, issuers, relations, mention counts,
 * ambiguity, stated relations). Given a saved run of other code, print how many files,
 * header keys, titles, citation key sets and stated relations differ (cited documents and
 * stated relations gained and lost), with a sample.
 *
 *   node bin/run-ts.js bench/extract-diff.ts --out before.jsonl          (at the old commit)
 *   node bin/run-ts.js bench/extract-diff.ts --out after.jsonl --against before.jsonl
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extract } from '../ingest/index.ts';
import { realTexts, syntheticTexts } from './corpora.ts';
import { flags } from './lib.ts';

interface Line {
  set: 'real' | 'synthetic';
  file: string;
  header: unknown;
  citations: unknown[][];
  stated: unknown[][];
}

function snapshot(): Line[] {
  const sets = [
    ['real', realTexts() ?? []],
    ['synthetic', syntheticTexts(9_000_000, 1)],
  ] as const;
  return sets.flatMap(([set, texts]) =>
    texts.map((t): Line => {
      const e = extract(t);
      return {
        set,
        file: t.file,
        header: e.header,
        citations: e.citations.map((c) => [c.key, c.symbol, c.name, c.date, c.issuer, c.relation, c.mentions.length, c.ambiguous?.reason ?? null]),
        stated: e.statedRelations.map((r) => [r.fromKey, r.relation, r.toKey]),
      };
    }),
  );
}

function compare(before: Line[], after: Line[]): void {
  const old = new Map(before.map((l) => [`${l.set}/${l.file}`, l]));
  for (const set of ['real', 'synthetic'] as const) {
    const lines = after.filter((l) => l.set === set);
    let files = 0;
    let headerKeys = 0;
    let titles = 0;
    let keySets = 0;
    let statedFiles = 0;
    const gained = { citations: 0, stated: 0 };
    const lost = { citations: 0, stated: 0 };
    const sample: string[] = [];
    /** What is in `x` and not in `y`. */
    const minus = (x: Set<string>, y: Set<string>) => [...x].filter((k) => !y.has(k));
    for (const a of lines) {
      const b = old.get(`${set}/${a.file}`);
      if (!b || JSON.stringify(a) === JSON.stringify(b)) continue;
      files++;
      const [ha, hb] = [a.header as { key: unknown; title: unknown }, b.header as { key: unknown; title: unknown }];
      if (ha.key !== hb.key) headerKeys++;
      if (ha.title !== hb.title) titles++;
      const keys = (l: Line) => new Set(l.citations.map((c) => String(c[0])));
      const [ka, kb] = [keys(a), keys(b)];
      const added = minus(ka, kb);
      const removed = minus(kb, ka);
      gained.citations += added.length;
      lost.citations += removed.length;
      if (added.length || removed.length) {
        keySets++;
        if (sample.length < 10) sample.push(`${a.file}: ${removed.map((k) => `- ${k}`).concat(added.map((k) => `+ ${k}`)).join(', ')}`);
      }
      const stated = (l: Line) => new Set(l.stated.map((r) => JSON.stringify(r)));
      const [sa, sb] = [stated(a), stated(b)];
      const [sAdded, sRemoved] = [minus(sa, sb).length, minus(sb, sa).length];
      gained.stated += sAdded;
      lost.stated += sRemoved;
      if (sAdded || sRemoved) statedFiles++;
    }
    console.log(
      `${set}: ${files} of ${lines.length} files differ; header keys ${headerKeys}; titles ${titles}; ` +
        `citation key sets ${keySets} (+${gained.citations} -${lost.citations} cited documents); ` +
        `stated relations in ${statedFiles} files (+${gained.stated} -${lost.stated})`,
    );
    for (const s of sample) console.log(`  ${s}`);
  }
}

const opts = flags({ out: '', against: '' });
const lines = snapshot();
if (opts.out) writeFileSync(opts.out, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
if (opts.against) compare(readFileSync(opts.against, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line), lines);
else console.log(`${lines.length} files extracted${opts.out ? `; saved to ${opts.out}` : ''}`);
