/**
 * `cancu generate --n N --seed S --out DIR`: write a synthetic national corpus of
 * plans (bench/synth) as DIR/*.txt, with their ground truth one JSON line per
 * plan in DIR/truth.jsonl.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../../bench/synth/generate.ts';

const HELP = `usage: cancu generate --n N [--seed S] --out DIR

Writes N synthetic plans (province, district and commune plans implementing
central directives, with realistic citation surface forms) to DIR/*.txt and
their ground truth to DIR/truth.jsonl. Same N and seed, same corpus.`;

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { n: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    console.error(`cancu generate: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const n = Number(values.n);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
    console.error(`cancu generate: --n (a positive integer) and --out are required; --seed must be an integer\n\n${HELP}`);
    return 2;
  }
  mkdirSync(values.out, { recursive: true });
  const truth = createWriteStream(path.join(values.out, 'truth.jsonl'));
  let chars = 0;
  for (const doc of generate({ n, seed })) {
    writeFileSync(path.join(values.out, doc.file), doc.text);
    chars += doc.text.length;
    if (!truth.write(`${JSON.stringify({ file: doc.file, ...doc.truth })}\n`)) await new Promise<void>((r) => truth.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => truth.end((e?: Error | null) => (e ? reject(e) : resolve())));
  console.log(`cancu generate: ${n} plans, ${(chars / 1e6).toFixed(1)} M characters, seed ${seed} → ${values.out}`);
  return 0;
}
