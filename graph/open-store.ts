/** Open the configured graph store (not yet initialised: call init()). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../src/config.ts';
import { Neo4jGraphStore } from './neo4j-store.ts';
import { SqliteGraphStore } from './sqlite-store.ts';
import type { GraphStore } from './store.ts';

export async function openGraphStore(config: Config): Promise<GraphStore> {
  if (config.graph === 'neo4j') {
    if (!config.neo4j.uri) throw new Error('graph store: CANCU_GRAPH=neo4j needs NEO4J_URI');
    return new Neo4jGraphStore(config.neo4j.uri, config.neo4j.user, config.neo4j.password ?? '');
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteGraphStore(path.join(config.dataDir, 'cancu.db'));
}
