import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteGraphStore } from '../graph/sqlite-store.ts';
import { graphStoreContract } from './graph-store.contract.ts';
import { batch, chain } from './graph-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'cancu-graph-'));
let n = 0;
const open = async () => {
  const s = new SqliteGraphStore(join(dir, `g${n++}.db`));
  await s.init();
  return s;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteGraphStore', () => {
  graphStoreContract(open);

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
});
