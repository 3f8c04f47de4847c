import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteGraphStore, type SqliteGraphOptions } from '../graph/sqlite-store.ts';
import { graphStoreContract } from './graph-store.contract.ts';
import { batch, chain, KEYS } from './graph-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'cancu-graph-'));
let n = 0;
const openWith = async (options: SqliteGraphOptions) => {
  const s = new SqliteGraphStore(join(dir, `g${n++}.db`), options);
  await s.init();
  return s;
};
const open = () => openWith({});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteGraphStore', () => {
  graphStoreContract(open);
  // "cited by" pages with a province filter, read from each side whatever the cost: the fixtures are too small to say which the cost picks
  describe('with cited-by pages read from the citing side', () => graphStoreContract(() => openWith({ citedByPlan: 'citing' })));
  describe('with cited-by pages read from the edges side', () => graphStoreContract(() => openWith({ citedByPlan: 'edges' })));

  it('persists across reopen and does not re-run migrations', async () => {
    const file = join(dir, 'reopen.db');
    const a = new SqliteGraphStore(file);
    await a.init();
    await a.writeBatches(chain.map(batch));
    const hash = await a.canonicalHash();
    await a.close();
    const b = new SqliteGraphStore(file);
    await b.init();
    expect(await b.canonicalHash()).toBe(hash);
    await b.close();
  });

  it('fills the "cited by" counts of a store written before they were kept (schema 3 → 4)', async () => {
    const counts = (file: string) => {
      const db = new Database(file, { readonly: true });
      const rows = db.prepare('SELECT * FROM incoming_counts ORDER BY dst, type, province, year').all();
      db.close();
      return rows;
    };
    const fresh = join(dir, 'counts-fresh.db');
    const a = new SqliteGraphStore(fresh);
    await a.init();
    await a.writeBatches(chain.map(batch));
    await a.close();
    const old = join(dir, 'counts-old.db');
    const b = new SqliteGraphStore(old);
    await b.init();
    await b.writeBatches(chain.map(batch));
    await b.close();
    // back to schema 3, as a store written by the previous release
    const db = new Database(old);
    db.exec(`DROP TABLE incoming_counts; UPDATE schema_version SET version = 3;
      ${['edge_insert', 'edge_delete', 'edge_update', 'citing_document'].map((t) => `DROP TRIGGER incoming_counts_${t};`).join(' ')}`);
    db.close();
    const c = new SqliteGraphStore(old);
    await c.init();
    expect(counts(old)).toEqual(counts(fresh));
    expect(counts(old).length).toBeGreaterThan(5);
    expect(await c.incomingPage(KEYS.directive, { province: 'Tây Ninh', offset: 0, limit: 10 })).toMatchObject({ totalCount: 2 });
    await c.close();
  });
});
