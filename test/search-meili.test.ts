/** The search contract on Meilisearch: runs only against a live server (MEILI_HOST, MEILI_MASTER_KEY). */
import { describe } from 'vitest';
import { MeiliSearchIndex } from '../src/search/meilisearch.ts';
import { searchContract } from './search.contract.ts';

const host = process.env.MEILI_HOST;
if (!host) console.log('Meilisearch contract suite skipped: MEILI_HOST is not set');

describe.skipIf(!host)('Meilisearch', () => {
  searchContract('meilisearch', async () =>
    new MeiliSearchIndex({ host: host!, apiKey: process.env.MEILI_MASTER_KEY, index: `cancu_test_${process.pid}` }),
  );
});
