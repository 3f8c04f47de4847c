// Entry of a read worker thread: load read-worker.ts.
import { importTs } from '../ts-worker.mjs';

await importTs(new URL('./read-worker.ts', import.meta.url));
