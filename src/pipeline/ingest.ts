/**
 * The ingest pipeline: text → extract → toBatch → graph.writeBatch → search.upsert.
 * Files are read ahead of the one being written (read-ahead.ts). In a run of
 * WORKERS_FROM files or more they are read and extracted in worker threads
 * (extract-pool.ts), and the embedded search index is written by its own thread
 * (search/search-writer.ts) while the main thread writes the next chunk to the graph.
 *
 * Idempotent by content hash: a text already in the graph is reported
 * "unchanged" and not re-extracted. The graph write is atomic per file (or per
 * chunk of files in bulk mode, writeBatches), so a crash
 * leaves the graph consistent; search entries are written after the graph and
 * are built from the merged graph nodes, so a cited-only entry never replaces
 * an ingested document's full text. A file found unchanged is indexed again, so
 * a crash between a graph commit and its search write heals on the next run.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Extraction } from '../../ingest/model.ts';
import type { SourceText } from '../../ingest/index.ts';
import type { DocumentNode, DocumentRef } from '../../graph/model.ts';
import type { GraphStore, IngestBatch } from '../../graph/store.ts';
import type { SearchDoc, SearchIndex } from '../search/search-index.ts';
import type { SearchWrites } from '../search/search-writer.ts';
import { collectFiles } from './collect-files.ts';
import { pinToKnown } from './pin-to-known.ts';
import { type Extracted, ExtractJobError } from './extract-pool.ts';
import { readAhead } from './read-ahead.ts';
import { foldSymbol } from '../../ingest/normalize.ts';

export interface IngestDeps {
  graph: GraphStore;
  search: SearchIndex;
  extract: (src: SourceText) => Extraction;
  toBatch: (extraction: Extraction, source: { text: string; contentHash: string }) => IngestBatch;
  /** Decode a file into its original text (ingest/read). */
  read: (file: string) => Promise<{ text: string }>;
  /** Read and extract a file off the main thread (extract-pool.ts); without it ingestPaths reads with `read` and extracts with `extract`. */
  extractFile?: (file: string, name: string) => Promise<Extracted>;
  /** The search index's writes from another thread (search-writer.ts); without it ingestPaths writes through `search`. */
  searchWriter?: SearchWrites;
  /** Files ingested by one run from which the run ends by optimising the search index (default OPTIMIZE_AFTER). */
  optimizeAfter?: number;
}

export type IngestOutcome =
  | {
      file: string;
      status: 'ingested' | 'unchanged';
      document: DocumentNode;
      citations: number;
      unresolved: number;
      diagnostics: Extraction['diagnostics'];
    }
  | { file: string; status: 'failed'; reason: string };

export interface IngestSummary {
  ingested: number;
  unchanged: number;
  failed: { file: string; reason: string }[];
}

export interface ProgressListener {
  start(total: number): void;
  file(outcome: IngestOutcome): void;
  done(summary: IngestSummary): void;
}

/** Files written per transaction in bulk mode. */
const BULK_SIZE = 100;

/** Files from which a run extracts in worker threads (deps.extractFile): fewer are done before a worker has started. */
export const WORKERS_FROM = 16;

/**
 * A bulk load leaves the full-text index in many segments; merging them once makes
 * queries about 2× faster (BENCHMARKS.md, Search at scale) and takes 29 s at 1M plans,
 * so a run that ingested this many files ends with it. Smaller runs leave it to FTS5's
 * own incremental merging.
 */
export const OPTIMIZE_AFTER = 1000;

/**
 * Longest text ingested: 32 Mi characters, some 10,000 pages (a real plan is tens of
 * thousands of characters, a long gazette text a few million). A text is held several
 * times over while it is extracted, written and indexed, so this bounds ingest memory
 * (about 1 GB at the limit); longer files fail with this reason and the batch goes on.
 */
export const MAX_TEXT_CHARS = 32 * 1024 * 1024;

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function toSearchDoc(node: DocumentNode, text: string | null): SearchDoc {
  const { id, kind, symbol, name, title, issuer, subject, province, year, level, ingested } = node;
  return { id, kind, symbol, name, title, issuer, subject, province, year, level, ingested, text };
}

type Prepared =
  /** `reindex`: the file is already in the graph; index it again (idempotent). */
  | { kind: 'done'; outcome: IngestOutcome; reindex?: { id: string; text: string } }
  | { kind: 'write'; file: string; text: string; batch: IngestBatch; extraction: Extraction };

const failed = (file: string, reason: string): Prepared => ({ kind: 'done', outcome: { file, status: 'failed', reason } });

/** What the files prepared in the current write chunk contribute, before it is written. */
interface Pending {
  hashes: Map<string, DocumentNode>;
  /** ingested documents by id */
  ids: Map<string, DocumentNode>;
  /** documents by folded symbol (see pin-to-known.ts) */
  bySymbol: Map<string, DocumentNode[]>;
  /** the store's answers to pinning look-ups: the store does not change until the chunk is written */
  lookups: Map<string, Promise<readonly DocumentRef[]>>;
}

function newPending(): Pending {
  return { hashes: new Map(), ids: new Map(), bySymbol: new Map(), lookups: new Map() };
}

/** Known documents of a folded symbol (of a year and province): the store's, asked once per chunk, and the chunk's own. */
async function knownBySymbol(deps: IngestDeps, pending: Pending, folded: string, year: number | null, province: string | null): Promise<DocumentRef[]> {
  const key = `${folded}\u0000${year}\u0000${province}`;
  let stored = pending.lookups.get(key);
  if (!stored) pending.lookups.set(key, (stored = deps.graph.findRefsBySymbol(folded, year, province)));
  const own = (pending.bySymbol.get(folded) ?? []).filter((n) => (year === null || n.year === year) && (province === null || n.province === province));
  return [...(await stored), ...own];
}

function remember(pending: Pending, batch: IngestBatch): void {
  for (const n of [batch.document, ...batch.cited]) {
    if (!n.symbol) continue;
    const k = foldSymbol(n.symbol);
    if (!pending.bySymbol.has(k)) pending.bySymbol.set(k, []);
    pending.bySymbol.get(k)!.push(n);
  }
}

/**
 * Two different files whose headers give the same key (two plans "23/KH-UBND" of 2017 in a
 * province the text does not name): the second keeps its own document, keyed
 * `<key>#<hash prefix>`, instead of replacing the first one's at every run (which made a
 * re-run of the same batch change the graph). A new text of the same file name is a new
 * version of that file and replaces it.
 */
async function apartFromHolder(deps: IngestDeps, extraction: Extraction, file: string, hash: string, pending: Pending): Promise<Extraction> {
  const key = extraction.header.key;
  if (!key) return extraction;
  const holder = pending.ids.get(key) ?? (await deps.graph.getDocuments([key], { text: false }))[0];
  if (!holder?.ingested || holder.contentHash === hash || holder.file === file) return extraction;
  const apart = `${key}#${hash.slice(0, 8)}`;
  return {
    ...extraction,
    header: { ...extraction.header, key: apart },
    diagnostics: [...extraction.diagnostics, { severity: 'warning', code: 'key-taken', message: `${key} is already the document of ${holder.file}; this text is kept apart as ${apart}` }],
  };
}

/**
 * Extract one text, or find it already ingested. `file` is the name recorded on the document;
 * `extracted` is its extraction when a worker made it already.
 */
async function prepare(deps: IngestDeps, file: string, text: string, pending: Pending, extracted: Extraction | null = null): Promise<Prepared> {
  if (text.length > MAX_TEXT_CHARS) {
    return failed(file, `text too large: ${(text.length / 1048576).toFixed(1)} Mi characters, over the limit of ${MAX_TEXT_CHARS / 1048576} Mi (split the file)`);
  }
  const pendingHashes = pending.hashes;
  const hash = contentHash(text);
  const knownId = await deps.graph.findByContentHash(hash);
  // without its stored text: the caller has the text, and the API reads it again only when asked
  const document = knownId ? (await deps.graph.getDocuments([knownId], { text: false }))[0] : pendingHashes.get(hash);
  if (document) {
    const outcome: IngestOutcome = { file, status: 'unchanged', document, citations: 0, unresolved: 0, diagnostics: [] };
    return { kind: 'done', outcome, reindex: knownId ? { id: knownId, text } : undefined };
  }
  let extraction: Extraction;
  let batch: IngestBatch;
  try {
    extraction = extracted ?? deps.extract({ file, text });
    const errors = extraction.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) return failed(file, errors.map((d) => `${d.code}: ${d.message}`).join('; '));
    extraction = await pinToKnown(extraction, (folded, year, province) => knownBySymbol(deps, pending, folded, year, province));
    extraction = await apartFromHolder(deps, extraction, file, hash, pending);
    batch = deps.toBatch(extraction, { text, contentHash: hash });
  } catch (err) {
    return failed(file, `extraction failed: ${(err as Error).message}`);
  }
  pendingHashes.set(hash, batch.document);
  pending.ids.set(batch.document.id, batch.document);
  remember(pending, batch);
  return { kind: 'write', file, text, batch, extraction };
}

function ingestedOutcome(p: Extract<Prepared, { kind: 'write' }>): IngestOutcome {
  return {
    file: p.file,
    status: 'ingested',
    document: p.batch.document,
    citations: p.extraction.citations.length,
    unresolved: p.batch.unresolved.length,
    diagnostics: p.extraction.diagnostics,
  };
}

/** Index documents as merged in the graph: ingested ones (with their `texts`) and the cited-only nodes among `ids`. */
async function indexNodes(deps: IngestDeps, writes: SearchWrites, texts: Map<string, string>, ids: readonly string[]): Promise<void> {
  // stored texts are not needed: an ingested node is indexed only with the text in hand
  const nodes = await deps.graph.getDocuments(ids, { text: false });
  const docs = nodes
    .filter((n): n is DocumentNode => n !== null && (!n.ingested || texts.has(n.id)))
    .map((n) => toSearchDoc(n, texts.get(n.id) ?? null));
  if (docs.length) await writes.upsert(docs);
}

type Write = Extract<Prepared, { kind: 'write' }>;

/** Index the written documents and the nodes they cite. */
async function indexWritten(deps: IngestDeps, writes: SearchWrites, written: readonly Write[]): Promise<void> {
  const texts = new Map(written.map((p) => [p.batch.document.id, p.text]));
  await indexNodes(deps, writes, texts, [...new Set(written.flatMap((p) => [p.batch.document.id, ...p.batch.cited.map((c) => c.id)]))]);
}

type Known = { outcome: IngestOutcome; id: string; text: string };

/** Index again files already in the graph, and the nodes they cite; a failed search write fails them. */
async function reindex(deps: IngestDeps, writes: SearchWrites, known: readonly Known[]): Promise<IngestOutcome[]> {
  if (!known.length) return [];
  try {
    const texts = new Map(known.map((k) => [k.id, k.text]));
    const cited = (await deps.graph.outgoing([...texts.keys()])).map((e) => e.to);
    await indexNodes(deps, writes, texts, [...new Set([...texts.keys(), ...cited])]);
    return known.map((k) => k.outcome);
  } catch (err) {
    return known.map((k) => ({ file: k.outcome.file, status: 'failed', reason: `search index write failed: ${(err as Error).message}` }));
  }
}

/** Write prepared files to the graph in one transaction (bulk), falling back to one per file to isolate a failing one. */
async function writeGraph(deps: IngestDeps, pending: readonly Write[]): Promise<{ written: Write[]; failed: IngestOutcome[] }> {
  if (pending.length > 1) {
    try {
      await deps.graph.writeBatches(pending.map((p) => p.batch));
      return { written: [...pending], failed: [] };
    } catch {
      // One bad batch fails the whole transaction: retry file by file to isolate it.
    }
  }
  const written: Write[] = [];
  const failed: IngestOutcome[] = [];
  for (const p of pending) {
    try {
      await deps.graph.writeBatch(p.batch);
      written.push(p);
    } catch (err) {
      failed.push({ file: p.file, status: 'failed', reason: `store write failed: ${(err as Error).message}` });
    }
  }
  return { written, failed };
}

/** Index files written to the graph, all at once, else one by one to name those that fail. Never throws. */
async function indexAll(deps: IngestDeps, writes: SearchWrites, written: readonly Write[]): Promise<IngestOutcome[]> {
  try {
    if (written.length) await indexWritten(deps, writes, written);
    return written.map(ingestedOutcome);
  } catch {
    const outcomes: IngestOutcome[] = [];
    for (const p of written) {
      try {
        await indexWritten(deps, writes, [p]);
        outcomes.push(ingestedOutcome(p));
      } catch (err) {
        outcomes.push({ file: p.file, status: 'failed', reason: `search index write failed: ${(err as Error).message}` });
      }
    }
    return outcomes;
  }
}

/** Ingest one text (the API's ingestText mutation). */
export async function ingestText(deps: IngestDeps, name: string, text: string): Promise<IngestOutcome> {
  const prepared = await prepare(deps, name, text, newPending());
  if (prepared.kind === 'done') return prepared.reindex ? (await reindex(deps, deps.search, [{ outcome: prepared.outcome, ...prepared.reindex }]))[0] : prepared.outcome;
  const { written, failed } = await writeGraph(deps, [prepared]);
  return failed[0] ?? (await indexAll(deps, deps.search, written))[0];
}

/** Why a file could not be read, or (in a worker) extracted, as prepare() would say it. */
function readFailure(err: unknown): string {
  return err instanceof ExtractJobError && err.stage === 'extract' ? `extraction failed: ${err.message}` : (err as Error).message;
}

/** Ingest files and folders. Never throws for a bad file: it is counted as failed with its reason. */
export async function ingestPaths(deps: IngestDeps, paths: readonly string[], progress?: ProgressListener): Promise<IngestSummary> {
  const { files, errors } = await collectFiles(paths);
  const summary: IngestSummary = { ingested: 0, unchanged: 0, failed: [] };
  const report = (outcome: IngestOutcome) => {
    if (outcome.status === 'failed') summary.failed.push({ file: outcome.file, reason: outcome.reason });
    else summary[outcome.status]++;
    progress?.file(outcome);
  };
  progress?.start(files.length + errors.length);
  for (const e of errors) report({ file: e.file, status: 'failed', reason: e.reason });

  // Files are prepared in order and written to the graph BULK_SIZE at a time. A chunk's search
  // entries are written after its graph commit, while the next chunk is prepared and written
  // (by the search writer thread, when there is one); its outcomes are reported then.
  const threads = files.length >= WORKERS_FROM;
  const writes = (threads && deps.searchWriter) || deps.search;
  let chunk = newPending();
  let pending: Write[] = [];
  let known: Known[] = [];
  let prepared = 0;
  let indexing: Promise<IngestOutcome[]> = Promise.resolve([]);
  const writeChunk = async () => {
    const { written, failed } = await writeGraph(deps, pending);
    for (const outcome of [...(await indexing), ...failed, ...(await reindex(deps, writes, known))]) report(outcome);
    indexing = indexAll(deps, writes, written);
    chunk = newPending();
    pending = [];
    known = [];
  };
  const extractFile = threads ? deps.extractFile : undefined;
  const readFile = extractFile
    ? (file: string) => extractFile(file, path.basename(file))
    : async (file: string): Promise<Extracted> => ({ text: (await deps.read(file)).text, extraction: null });
  for await (const read of readAhead(files, readFile)) {
    const { file } = read;
    let p: Prepared;
    try {
      p = read.ok ? await prepare(deps, path.basename(file), read.value.text, chunk, read.value.extraction) : failed(file, readFailure(read.error));
    } catch (err) {
      p = failed(file, (err as Error).message);
    }
    if (p.kind === 'write') pending.push({ ...p, file });
    else if (p.reindex) known.push({ outcome: { ...p.outcome, file }, ...p.reindex });
    else report({ ...p.outcome, file });
    if (++prepared % BULK_SIZE === 0) await writeChunk();
  }
  await writeChunk();
  for (const outcome of await indexing) report(outcome);
  if (summary.ingested >= (deps.optimizeAfter ?? OPTIMIZE_AFTER)) await writes.optimize?.();
  progress?.done(summary);
  return summary;
}
