/**
 * Open what the commands work on: the configured graph store and search index,
 * initialised, and the ingest pipeline's dependencies bound to them.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { extract } from '../../ingest/index.ts';
import { readDocument } from '../../ingest/read/index.ts';
import { openGraphStore } from '../../graph/open-store.ts';
import { toBatch } from '../../graph/from-extraction.ts';
import type { Config } from '../config.ts';
import type { ApiServices } from '../api/context.ts';
import { openSearchIndex } from '../search/open-index.ts';
import { SearchWriter } from '../search/search-writer.ts';
import { defaultExtractWorkers, ExtractPool } from '../pipeline/extract-pool.ts';
import { ingestText, type IngestDeps } from '../pipeline/ingest.ts';

export interface Services extends ApiServices {
  deps: IngestDeps;
  close(): Promise<void>;
}

export async function openServices(config: Config): Promise<Services> {
  const graph = await openGraphStore(config);
  await graph.init();
  if (config.search === 'sqlite') mkdirSync(config.dataDir, { recursive: true });
  const search = openSearchIndex(
    config.search === 'meilisearch'
      ? { meiliHost: config.meili.host, meiliKey: config.meili.masterKey }
      : { sqlite: path.join(config.dataDir, 'search.db') },
  );
  try {
    await search.init();
  } catch (err) {
    await graph.close();
    throw err;
  }
  // a bulk ingest's threads (started on first use): extraction workers and, for the embedded index, the search writer
  const workers = config.extractWorkers ?? defaultExtractWorkers();
  const pool = workers > 0 ? new ExtractPool(workers) : null;
  const writer = workers > 0 && config.search === 'sqlite' ? new SearchWriter(path.join(config.dataDir, 'search.db')) : null;
  const deps: IngestDeps = {
    graph,
    search,
    extract,
    toBatch,
    read: readDocument,
    ...(pool ? { extractFile: (file: string, name: string) => pool.run(file, name) } : {}),
    ...(writer ? { searchWriter: writer } : {}),
  };
  return {
    graph,
    search,
    deps,
    ingestText: (name, text) => ingestText(deps, name, text),
    close: async () => {
      await Promise.allSettled([graph.close(), search.close(), pool?.close(), writer?.close()]);
    },
  };
}
