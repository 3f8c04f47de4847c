/**
 * The generator itself at scale, in process (nothing written): plans and
 * characters per second, peak RSS (the stream keeps memory flat up to 1M),
 * and the shape of the corpus (plans per level, citations, stated relations).
 *
 *   node bin/run-ts.js bench/generate.ts --n 1000000 [--seed 1]
 */
import { flags, peakRssMB, report, round } from './lib.ts';
import { generate } from './synth/generate.ts';

const opts = flags({ n: 1_000_000, seed: 1 });
const levels: Record<string, number> = {};
const relations: Record<string, number> = {};
let chars = 0;
let citations = 0;
let mentions = 0;
let stated = 0;
const t0 = performance.now();
for (const { text, truth } of generate(opts)) {
  chars += text.length;
  levels[truth.header.level] = (levels[truth.header.level] ?? 0) + 1;
  citations += truth.citations.length;
  stated += truth.stated.length;
  for (const c of truth.citations) {
    mentions += c.mentions.length;
    relations[c.relation] = (relations[c.relation] ?? 0) + 1;
  }
}
const seconds = (performance.now() - t0) / 1000;
report(`generate-${opts.n}`, {
  plans: opts.n,
  mchars: round(chars / 1e6, 0),
  meanChars: round(chars / opts.n, 0),
  seconds: round(seconds, 1),
  mcharsPerS: round(chars / 1e6 / seconds, 1),
  peakRssMB: round(peakRssMB(), 0),
  levels,
  citationsPerPlan: round(citations / opts.n, 2),
  mentionsPerPlan: round(mentions / opts.n, 2),
  statedPerPlan: round(stated / opts.n, 3),
  relations,
});
