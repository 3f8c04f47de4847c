// Entry of the search writer thread: load search-writer-worker.ts.
import { importTs } from '../ts-worker.mjs';

await importTs(new URL('./search-writer-worker.ts', import.meta.url));
