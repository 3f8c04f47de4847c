/**
 * The baseline for bench/http.ts: a bare node:http handler that answers
 * POST /graphql {"variables":{"id"}} with the same JSON the GraphQL `document`
 * query returns for DOCUMENT_FIELDS, read from the same store, with no GraphQL.
 *
 *   node bin/run-ts.js bench/bare-server.ts STORE_DIR PORT
 */
import http from 'node:http';
import path from 'node:path';
import { SqliteGraphStore } from '../graph/sqlite-store.ts';

/** The fields both servers return (bench/http.ts's query selects exactly these). */
export const DOCUMENT_FIELDS = ['id', 'kind', 'symbol', 'title', 'date', 'year', 'issuer', 'province', 'ingested', 'file'] as const;

async function main(): Promise<void> {
  const [store, port] = process.argv.slice(2);
  const graph = new SqliteGraphStore(path.join(store, 'cancu.db'));
  await graph.init();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: { id: string } };
    const [doc] = await graph.getDocuments([variables.id]);
    const document = doc ? Object.fromEntries(DOCUMENT_FIELDS.map((f) => [f, doc[f]])) : null;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ data: { document } }));
  });
  server.listen(Number(port), '127.0.0.1', () => console.log(`bare server at http://127.0.0.1:${port}/graphql`));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
