/**
 * The public API of the extractor: extract(file, text) → Extraction.
 * Pure: no I/O beyond loading the bundled gazetteers once.
 */
import type { Extraction } from './model.ts';

export type { Extraction } from './model.ts';

export interface SourceText {
  /** File name or path as given by the caller; echoed in Extraction.file. */
  file: string;
  /** Decoded original text (see ingest/read). Offsets in the result index into it. */
  text: string;
}

export function extract(_src: SourceText): Extraction {
  throw new Error('extract: the extraction pipeline is being written in ingest/ (clean, find, resolve, annotate)');
}
