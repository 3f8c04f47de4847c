/** The text sets benchmarks run on: synthetic plans (bench/synth) and the real gazette texts in shared/. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR } from './lib.ts';
import { generate, type SynthDocument } from './synth/generate.ts';

export const REAL_CORPUS = path.resolve(BENCH_DIR, '../../shared/data/corpora/phapluat-8chude-data/docs');

/** Synthetic plans until at least `chars` characters. */
export function syntheticTexts(chars: number, seed: number): SynthDocument[] {
  const docs: SynthDocument[] = [];
  let total = 0;
  // n is an upper bound: the generator is lazy, so only what is needed is built.
  for (const d of generate({ n: Math.ceil(chars / 9_000) + 1, seed })) {
    // Flat strings, as read from files: the generator's concatenated ones (ropes) read slower.
    docs.push({ ...d, text: JSON.parse(JSON.stringify(d.text)) as string });
    total += d.text.length;
    if (total >= chars) break;
  }
  return docs;
}

/** The real gazette texts (*.txt under REAL_CORPUS), or null when the folder is absent. */
export function realTexts(): { file: string; text: string }[] | null {
  if (!existsSync(REAL_CORPUS)) return null;
  return readdirSync(REAL_CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(path.join(REAL_CORPUS, f), 'utf8') }));
}
