/** The graph contract on Neo4j. Needs a disposable database: every store opened here wipes it. */
import neo4j from 'neo4j-driver';
import { describe } from 'vitest';
import { Neo4jGraphStore } from '../graph/neo4j-store.ts';
import { graphStoreContract } from './graph-store.contract.ts';

const uri = process.env.NEO4J_URI;
const user = process.env.NEO4J_USER ?? 'neo4j';
const password = process.env.NEO4J_PASSWORD ?? '';
if (!uri) console.warn('Neo4j contract suite skipped: NEO4J_URI is not set');

describe.skipIf(!uri)('Neo4jGraphStore', () => {
  graphStoreContract(async () => {
    const driver = neo4j.driver(uri!, neo4j.auth.basic(user, password));
    try {
      await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { routing: 'WRITE' });
    } finally {
      await driver.close();
    }
    const store = new Neo4jGraphStore(uri!, user, password);
    await store.init();
    return store;
  });
});
