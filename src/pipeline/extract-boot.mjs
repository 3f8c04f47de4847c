// Entry of an extraction worker thread: load extract-worker.ts.
import { importTs } from '../ts-worker.mjs';

await importTs(new URL('./extract-worker.ts', import.meta.url));
