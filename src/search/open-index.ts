/** Open the configured search engine: Meilisearch when a host is given, else SQLite FTS5. */
import type Database from 'better-sqlite3';
import { MeiliSearchIndex } from './meilisearch.ts';
import type { SearchIndex } from './search-index.ts';
import { SqliteSearchIndex } from './sqlite-fts.ts';

export interface SearchConfig {
  /** Meilisearch host (MEILI_HOST); when set, Meilisearch is used. */
  meiliHost?: string | null;
  /** Meilisearch key (MEILI_MASTER_KEY). */
  meiliKey?: string | null;
  /** SQLite database (shared with the graph) or file path; default in-memory. */
  sqlite?: Database.Database | string;
}

export function searchConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SearchConfig {
  return { meiliHost: env.MEILI_HOST || null, meiliKey: env.MEILI_MASTER_KEY || null };
}

/** The index, not yet initialised: call init() before use. */
export function openSearchIndex(config: SearchConfig): SearchIndex {
  return config.meiliHost
    ? new MeiliSearchIndex({ host: config.meiliHost, apiKey: config.meiliKey })
    : new SqliteSearchIndex(config.sqlite);
}
