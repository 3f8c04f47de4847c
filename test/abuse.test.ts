/**
 * Abuse of the GraphQL API through the real HTTP server (`cancu serve` as a child
 * process, on the five samples): query depth, cost and alias limits, page sizes,
 * body size, malformed search syntax, injection strings in every argument, unknown
 * ids, CSRF prevention, CORS and introspection switches. After all of it the server
 * must still answer and the graph must be unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, ROOT } from './bad-input/run-cli.ts';
import { codes, gql, request, startServer, type GqlResponse, type ServerHandle } from './bad-input/server.ts';

let dir: string;
let server: ServerHandle;
let directive: string; // id of Chỉ thị 33/CT-TTg in the samples

/** A client error, never an internal one, answered quickly. */
function expectRefused(res: GqlResponse, what: string, allowed = ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_PARSE_FAILED']): void {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.body?.errors?.length ?? 0, `${what} should be refused: ${res.text.slice(0, 300)}`).toBeGreaterThan(0);
  for (const code of codes(res)) expect(allowed, `${what}: code ${code}: ${res.text.slice(0, 300)}`).toContain(code);
  expect(res.ms, `${what}: answered in ${res.ms} ms`).toBeLessThan(3000);
}

/** Either a normal answer or a client error; never an internal error. */
function expectHandled(res: GqlResponse, what: string): void {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.body, `${what}: body is not JSON: ${res.text.slice(0, 300)}`).not.toBeNull();
  expect(codes(res), `${what}: ${res.text.slice(0, 300)}`).not.toContain('INTERNAL_SERVER_ERROR');
}

async function statsOf(url: string): Promise<unknown> {
  const res = await gql(url, '{ stats { documents ingested edges unresolved } }');
  expect(res.body?.errors, res.text).toBeUndefined();
  return res.body?.data?.stats;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cancu-abuse-'));
  const ingest = await runCli(['ingest', '--data', dir, path.join(ROOT, 'samples')], { timeoutMs: 60_000 });
  expect(ingest.code, ingest.stderr).toBe(0);
  server = await startServer(dir);
  const res = await gql(server.url, '{ documentsBySymbol(symbol: "33/CT-TTg") { id } }');
  directive = (res.body?.data?.documentsBySymbol as { id: string }[])[0].id;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('query shape limits', () => {
  it('refuses a query nested 40 levels deep', async () => {
    let q = 'id';
    for (let i = 0; i < 20; i++) q = `citations { to { ${q} } }`;
    expectRefused(await gql(server.url, `{ document(id: "x") { ${q} } }`), 'depth 40');
  });

  it('refuses 2,000 aliases', async () => {
    const fields = Array.from({ length: 2000 }, (_, i) => `a${i}: stats { documents }`).join(' ');
    expectRefused(await gql(server.url, `{ ${fields} }`), '2000 aliases');
  });

  it('refuses a query whose cost explodes (pages of pages of pages)', async () => {
    const q = `{ search(query: "kế hoạch", first: 200) { edges { node {
      citedBy(first: 200) { edges { node { from { implementedBy(first: 200) { edges { node { citedBy(first: 200) { totalCount } } } } } } } }
    } } } }`;
    expectRefused(await gql(server.url, q), 'cost');
  });

  it('refuses 5,000 directives and 100,000 tokens', async () => {
    expectRefused(await gql(server.url, `{ __typename ${'@include(if: true) '.repeat(5000)} }`), 'directives');
    expectRefused(await gql(server.url, `{ ${'__typename '.repeat(100_000)} }`), 'tokens');
  });

  it('refuses page sizes above the maximum and negative ones', async () => {
    expectRefused(await gql(server.url, '{ search(query: "kế hoạch", first: 100000) { totalCount } }'), 'search first 100000');
    expectRefused(await gql(server.url, `{ implementers(of: "${directive}", first: 100000) { totalCount } }`), 'implementers first 100000');
    expectRefused(await gql(server.url, `{ implementers(of: "${directive}", first: -1) { totalCount } }`), 'implementers first -1');
    expectRefused(await gql(server.url, `{ legalBasis(of: "${directive}", maxDepth: 1000) { depth } }`), 'legalBasis maxDepth 1000');
    expectRefused(await gql(server.url, '{ unresolvedReferences(first: 1000000) { totalCount } }'), 'unresolved first 1000000');
  });
});

describe('HTTP-level abuse', () => {
  it('refuses a 20 MB body without reading it all, and stays up', async () => {
    const big = JSON.stringify({ query: '{ stats { documents } }', variables: { junk: 'x'.repeat(20 << 20) } });
    const res = await request(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    await statsOf(server.url);
  });

  it('answers malformed JSON, a batch of 1,000 operations and a wrong method with 4xx', async () => {
    const bad = await request(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ stats' });
    expect(bad.status).toBe(400);
    const batch = JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ stats { documents } }' })));
    const batched = await request(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batch });
    expect(batched.status).toBeGreaterThanOrEqual(400);
    expect(batched.status).toBeLessThan(500);
    const put = await request(server.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(put.status).toBeGreaterThanOrEqual(400);
    expect(put.status).toBeLessThan(500);
  });
});

describe('search syntax', () => {
  const nasty = ['"unbalanced', '*', 'dân*', 'NEAR(dân vận)', 'dân NEAR vận', '(chỉ thị OR', 'a)', 'AND', 'OR OR', 'NOT', '-', '^', 'text:dân', '""', '', ' ', '\u0000', 'x'.repeat(5000), '( '.repeat(1000), '"'.repeat(999), '{', '\\', "'", 'a:b:c', '33/CT-TTg', '{}[]<>|&;`'];
  it.each(nasty.map((q) => [JSON.stringify(q.slice(0, 40)), q]))('%s gives results or BAD_USER_INPUT, never an internal error', async (_, q) => {
    const res = await gql(server.url, 'query($q: String!) { search(query: $q, first: 5) { totalCount edges { node { id } highlights { snippet } } } }', { q });
    expectHandled(res, `search ${JSON.stringify(q.slice(0, 40))}`);
    for (const code of codes(res)) expect(code).toBe('BAD_USER_INPUT');
  });
});

describe('injection strings and unknown ids in every argument', () => {
  const payloads = [
    "' OR '1'='1",
    "'; DROP TABLE documents; --",
    '" OR 1=1 --',
    "x') DETACH DELETE n //",
    '}) MATCH (n) DETACH DELETE n RETURN 1 //',
    '1 UNION SELECT sql FROM sqlite_master',
    '*/ DELETE FROM edges /*',
    '../../../../etc/passwd',
    '\u0000',
    '%00',
    '${process.exit()}',
    'doc:' + 'f'.repeat(64),
  ];
  const operations: [string, string][] = [
    ['document(id)', 'query($v: ID!) { document(id: $v) { id } }'],
    ['documentsBySymbol(symbol)', 'query($v: String!) { documentsBySymbol(symbol: $v) { id } }'],
    ['search(query)', 'query($v: String!) { search(query: $v, first: 3) { totalCount } }'],
    ['search(filter)', 'query($v: String!) { search(query: "kế hoạch", filter: { kind: $v, province: $v }, first: 3) { totalCount } }'],
    ['search(after)', 'query($v: String!) { search(query: "kế hoạch", first: 3, after: $v) { totalCount } }'],
    ['implementers(of)', 'query($v: ID!) { implementers(of: $v, transitive: true) { totalCount } }'],
    ['implementers(filter.province)', `query($v: String!) { implementers(of: "DIRECTIVE", transitive: true, filter: { province: $v }) { totalCount } }`],
    ['implementers(after)', 'query($v: String!) { implementers(of: "DIRECTIVE", after: $v) { totalCount } }'],
    ['legalBasis(of)', 'query($v: ID!) { legalBasis(of: $v) { depth } }'],
    ['unresolvedReferences(source)', 'query($v: ID!) { unresolvedReferences(source: $v) { totalCount } }'],
    ['unresolvedReferences(after)', 'query($v: String!) { unresolvedReferences(after: $v) { totalCount } }'],
    ['citedBy(province, after)', 'query($v: String!) { document(id: "DIRECTIVE") { citedBy(province: $v, after: $v) { totalCount } } }'],
  ];

  const check = async (query: string) => {
    const before = await statsOf(server.url);
    for (const v of payloads) {
      const res = await gql(server.url, query.replaceAll('DIRECTIVE', directive), { v });
      expectHandled(res, `${query} with ${JSON.stringify(v)}`);
      for (const code of codes(res)) expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(code);
    }
    expect(await statsOf(server.url)).toEqual(before);
  };
  it.each(operations)('%s', async (_, query) => check(query));

  it('an unknown id is null for document and NOT_FOUND or empty elsewhere', async () => {
    expect((await gql(server.url, '{ document(id: "no-such-doc") { id } }')).body?.data?.document).toBeNull();
    const impl = await gql(server.url, '{ implementers(of: "no-such-doc") { totalCount } }');
    expectHandled(impl, 'implementers of unknown id');
    if (impl.body?.errors) expect(codes(impl)).toEqual(['NOT_FOUND']);
    else expect(impl.body?.data?.implementers).toMatchObject({ totalCount: 0 });
  });
});

describe('CSRF, CORS and introspection', () => {
  it('refuses a GET and a simple (text/plain) POST without a preflight header', async () => {
    const get = await request(`${server.url}?query=${encodeURIComponent('{ stats { documents } }')}`, { method: 'GET' });
    expect(get.status, get.text).toBe(400);
    expect(get.text).toMatch(/CSRF|preflight/i);
    const simple = await request(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ stats { documents } }' }) });
    expect(simple.status, simple.text).toBeGreaterThanOrEqual(400);
    expect(simple.body?.data ?? null).toBeNull();
    const preflighted = await request(`${server.url}?query=${encodeURIComponent('{ stats { documents } }')}`, { method: 'GET', headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('gives no CORS grant to an unknown origin by default', async () => {
    const res = await fetch(server.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(res.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  it('introspection is on by default', async () => {
    const res = await gql(server.url, '{ __schema { queryType { name } } }');
    expect(res.body?.data?.__schema).toEqual({ queryType: { name: 'Query' } });
  });

  it('CANCU_CORS_ORIGINS grants the listed origin only; CANCU_INTROSPECTION=false turns introspection off', async () => {
    const other = await startServer(dir, { CANCU_CORS_ORIGINS: 'https://good.example', CANCU_INTROSPECTION: 'false' });
    try {
      const good = await fetch(other.url, { method: 'OPTIONS', headers: { origin: 'https://good.example', 'access-control-request-method': 'POST' } });
      expect(good.headers.get('access-control-allow-origin')).toBe('https://good.example');
      const evil = await fetch(other.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(evil.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
      const intro = await gql(other.url, '{ __schema { queryType { name } } }');
      expect(intro.body?.errors?.length).toBeGreaterThan(0);
      expect(intro.body?.data?.__schema ?? null).toBeNull();
    } finally {
      await other.stop();
    }
  }, 60_000);
});

describe('after the abuse', () => {
  it('the server is still up and real queries still work', async () => {
    expect(server.child.exitCode).toBeNull();
    const res = await gql(server.url, `{ implementers(of: "${directive}") { totalCount } }`);
    expect(res.body?.errors, res.text).toBeUndefined();
    expect((res.body?.data?.implementers as { totalCount: number }).totalCount).toBeGreaterThan(0);
    expect(server.stderr()).not.toMatch(/FATAL ERROR|heap out of memory/);
  });
});
