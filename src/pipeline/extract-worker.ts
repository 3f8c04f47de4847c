/**
 * An extraction worker thread (extract-pool.ts): reads a file and extracts it, so
 * that the main thread only writes the stores. Answers each job with the text and
 * its extraction, or with the stage that failed and why.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../../ingest/index.ts';
import { readDocument } from '../../ingest/read/index.ts';
import type { ExtractJob, ExtractReply } from './extract-pool.ts';
import { MAX_TEXT_CHARS } from './ingest.ts';

parentPort!.on('message', async (job: ExtractJob) => {
  let text: string;
  try {
    text = (await readDocument(job.path)).text;
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, stage: 'read', message: (err as Error).message } satisfies ExtractReply);
    return;
  }
  try {
    // a text over the limit is refused by the pipeline, which says so: not worth extracting
    const extraction = text.length > MAX_TEXT_CHARS ? null : extract({ file: job.name, text });
    parentPort!.postMessage({ id: job.id, ok: true, text, extraction } satisfies ExtractReply);
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, stage: 'extract', message: (err as Error).message, text } satisfies ExtractReply);
  }
});
