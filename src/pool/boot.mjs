// Entry of a read worker thread: load read-worker.ts. Worker threads do not inherit
// the main thread's tsx loader on Node 20, so register it when .ts cannot be imported.
const entry = new URL('./read-worker.ts', import.meta.url);
try {
  await import(entry.href);
} catch (err) {
  if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
  const { register } = await import('tsx/esm/api');
  register();
  entry.search = '?tsx'; // a fresh module URL: the failed load stays cached under the plain one
  await import(entry.href);
}
