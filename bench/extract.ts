/**
 * Extraction throughput: extract() over ≥ 50 M characters of synthetic plans and
 * over the ~400 real gazette texts, next to a raw character scan of the same
 * texts in the same run (target: extraction ≥ 0.2× the scan's chars/s). On the
 * real texts, also: how many lines starting with "Căn cứ" yield a based_on
 * citation, with a sample of those that yield none.
 *
 *   node bin/run-ts.js bench/extract.ts [--chars 50000000] [--seed 1]
 */
import { clean } from '../ingest/clean.ts';
import { extract, type Extraction } from '../ingest/index.ts';
import { foldText } from '../ingest/normalize.ts';
import { realTexts, syntheticTexts } from './corpora.ts';
import { flags, report, round } from './lib.ts';

export interface Throughput {
  documents: number;
  mchars: number;
  scanMcharsPerS: number;
  extractMcharsPerS: number | null;
  ratio: number | null;
  extractError?: string;
  /** What single whole-text passes cost, as a share of the scan's rate: the budget a design has to fit in. */
  passes?: Record<string, number>;
}

/** The raw scan: every code unit read once (the floor any extractor must pay). */
function scan(texts: readonly { text: string }[]): number {
  let sum = 0;
  for (const { text } of texts) for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function timed<T>(fn: () => T): { value: T; seconds: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The rate of single whole-text passes, each as a share of the scan's rate: at 0.2× the
 * whole extraction may cost five scans, and one pass of foldText alone costs about three.
 */
function passes(texts: readonly { text: string }[], scanSeconds: number): Record<string, number> {
  const best = (fn: () => unknown) => Math.min(...[0, 1, 2].map(() => timed(fn).seconds));
  const share = (fn: () => unknown) => round(scanSeconds / best(fn), 3);
  return {
    normalizeNFC: share(() => texts.map((t) => t.text.normalize('NFC'))),
    foldText: share(() => texts.map((t) => foldText(t.text))),
    // a regex with a literal in it ("every digit before a slash"), as irregexp runs it
    regexDigitSlash: share(() => texts.reduce((n, t) => n + (t.text.match(/\d\//g)?.length ?? 0), 0)),
    clean: share(() => texts.map((t) => clean(t.text))),
  };
}

export function measureThroughput(texts: readonly { file: string; text: string }[]): { figures: Throughput; extractions: Extraction[] } {
  const chars = texts.reduce((s, t) => s + t.text.length, 0);
  // Best of three: the first pass also pays for JIT warm-up.
  const s = [0, 1, 2].map(() => timed(() => scan(texts))).sort((a, b) => a.seconds - b.seconds)[0];
  const scanRate = chars / 1e6 / s.seconds;
  const base = { documents: texts.length, mchars: round(chars / 1e6), scanMcharsPerS: round(scanRate) };
  try {
    texts.slice(0, 20).forEach((t) => extract(t)); // warm-up
    const e = timed(() => texts.map((t) => extract(t)));
    const rate = chars / 1e6 / e.seconds;
    return { figures: { ...base, extractMcharsPerS: round(rate), ratio: round(rate / scanRate, 3), passes: passes(texts, s.seconds) }, extractions: e.value };
  } catch (err) {
    return { figures: { ...base, extractMcharsPerS: null, ratio: null, extractError: (err as Error).message }, extractions: [] };
  }
}

/** Where a document's preamble ends: its first chapter, article 1, part or section I heading. */
const FIRST_SECTION = /^[ \t]*(?:Chương [IVXLC\d]+|Điều 1\.|Phần (?:I|thứ nhất)\b|I\.)/mu;

/**
 * Lines starting with "Căn cứ": how many yield at least one based_on mention, and a sample of
 * those that don't; counted over all lines, and over the preamble lines only (later "Căn cứ"
 * lines are mostly quoted amended text, forms and procedures, which are not this document's basis).
 */
export function basisLines(texts: readonly { file: string; text: string }[], extractions: readonly Extraction[], sample = 15) {
  const all = { lines: 0, yielding: 0, misses: [] as string[] };
  const preamble = { lines: 0, yielding: 0, misses: [] as string[] };
  texts.forEach(({ file, text }, i) => {
    const based = extractions[i].citations.flatMap((c) => c.mentions.filter((m) => m.cue === 'based_on'));
    const limit = FIRST_SECTION.exec(text)?.index ?? text.length;
    const re = /^[ \t]*C\u0103n c\u1ee9(?![\p{L}\p{M}]).*$/gmu;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const hit = based.some((b) => b.start < end && b.end > start);
      for (const tally of start < limit ? [all, preamble] : [all]) {
        tally.lines++;
        if (hit) tally.yielding++;
        else if (tally.misses.length < 400) tally.misses.push(`${file}: ${m[0].trim().slice(0, 160)}`);
      }
    }
  });
  const summary = (t: typeof all) => {
    const step = Math.max(1, Math.floor(t.misses.length / sample));
    return { lines: t.lines, yielding: t.yielding, share: t.lines ? round(t.yielding / t.lines, 3) : null, sampleWithout: t.misses.filter((_, i) => i % step === 0).slice(0, sample) };
  };
  return { all: summary(all), preamble: summary(preamble) };
}

async function main(): Promise<void> {
  const opts = flags({ chars: 50_000_000, seed: 1 });
  const synth = syntheticTexts(opts.chars, opts.seed);
  const synthetic = measureThroughput(synth).figures;
  const notes: string[] = [];
  const real = realTexts();
  let realFigures: Record<string, unknown> | null = null;
  if (!real) notes.push('real gazette texts not found (../shared/data/corpora/phapluat-8chude-data/docs): skipped');
  else {
    const { figures, extractions } = measureThroughput(real);
    realFigures = { ...figures, ...(extractions.length ? { canCuLines: basisLines(real, extractions) } : {}) };
  }
  if (synthetic.extractError) notes.push(`extract() failed: ${synthetic.extractError}`);
  report(`extract-${Math.round(opts.chars / 1e6)}M`, { synthetic, real: realFigures, target: 'extract ≥ 0.2× raw scan' }, notes);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
