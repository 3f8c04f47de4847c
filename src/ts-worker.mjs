// Load a worker thread's TypeScript entry. Worker threads do not inherit the main
// thread's tsx loader on Node 20, so it is registered when .ts cannot be imported.
export async function importTs(entry) {
  try {
    await import(entry.href);
  } catch (err) {
    if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
    const { register } = await import('tsx/esm/api');
    register();
    const fresh = new URL(entry);
    fresh.search = '?tsx'; // a fresh module URL: the failed load stays cached under the plain one
    await import(fresh.href);
  }
}
