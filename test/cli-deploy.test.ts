/**
 * Configuration and deployment files: env + flag precedence, and the Docker files
 * parsed and checked (no Docker engine runs here, so they are validated, not run).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError, flagOverrides, loadConfig } from '../src/config.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('loadConfig', () => {
  it('defaults to the embedded stores on port 4000 in ./data', () => {
    const c = loadConfig({}, {}, '/srv');
    expect(c).toMatchObject({ port: 4000, dataDir: '/srv/data', graph: 'sqlite', search: 'sqlite', introspection: true, corsOrigins: [] });
    expect(c).toMatchObject({ readWorkers: null, readQueue: 64, readQueueWaitMs: 5000, requestTimeoutMs: 30_000 });
  });

  it('takes the read pool and time limit from the environment, overridden by the serve flags', () => {
    const env = { CANCU_READ_WORKERS: '4', CANCU_READ_QUEUE: '10', CANCU_READ_QUEUE_WAIT_MS: '250', CANCU_REQUEST_TIMEOUT_MS: '5000' };
    expect(loadConfig(env)).toMatchObject({ readWorkers: 4, readQueue: 10, readQueueWaitMs: 250, requestTimeoutMs: 5000 });
    const c = loadConfig(env, flagOverrides({ workers: '0', queue: '2', 'queue-wait-ms': '0', 'timeout-ms': '1500' }));
    expect(c).toMatchObject({ readWorkers: 0, readQueue: 2, readQueueWaitMs: 0, requestTimeoutMs: 1500 });
  });

  it('reads the environment, flags override it', () => {
    const env = { PORT: '5000', CANCU_DATA: '/var/cancu', CANCU_GRAPH: 'neo4j', NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'pw', CANCU_CORS_ORIGINS: 'https://a.vn, https://b.vn', CANCU_INTROSPECTION: 'false' };
    const c = loadConfig(env, flagOverrides({ port: '6000', graph: 'sqlite' }));
    expect(c).toMatchObject({ port: 6000, dataDir: '/var/cancu', graph: 'sqlite', corsOrigins: ['https://a.vn', 'https://b.vn'], introspection: false });
    expect(c.neo4j).toEqual({ uri: 'bolt://db:7687', user: 'neo4j', password: 'pw' });
  });

  it.each([
    [{ PORT: 'x' }, /PORT must be an integer/],
    [{ CANCU_SEARCH: 'elastic' }, /CANCU_SEARCH must be one of sqlite, meilisearch/],
    [{ CANCU_GRAPH: 'neo4j' }, /needs NEO4J_URI/],
    [{ CANCU_SEARCH: 'meilisearch' }, /needs MEILI_HOST/],
    [{ CANCU_INTROSPECTION: 'maybe' }, /CANCU_INTROSPECTION must be true or false/],
    [{ CANCU_READ_WORKERS: '-1' }, /CANCU_READ_WORKERS must be an integer ≥ 0/],
    [{ CANCU_READ_QUEUE: 'many' }, /CANCU_READ_QUEUE must be an integer ≥ 0/],
    [{ CANCU_REQUEST_TIMEOUT_MS: '0' }, /CANCU_REQUEST_TIMEOUT_MS must be an integer ≥ 1/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'));

  it('runs Neo4j 5, Meilisearch and cancu on them, each with a healthcheck', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['cancu', 'meilisearch', 'neo4j']);
    expect(compose.services.neo4j.image).toMatch(/^neo4j:5/);
    expect(compose.services.meilisearch.image).toMatch(/^getmeili\/meilisearch:v1/);
    for (const s of Object.values<any>(compose.services)) expect(s.healthcheck?.test).toBeDefined();
    const env = compose.services.cancu.environment;
    expect(env).toMatchObject({ CANCU_GRAPH: 'neo4j', CANCU_SEARCH: 'meilisearch', NEO4J_URI: 'bolt://neo4j:7687', MEILI_HOST: 'http://meilisearch:7700' });
    // The environment it sets must be a valid cancu configuration.
    expect(() => loadConfig(env)).not.toThrow();
    expect(compose.services.cancu.depends_on).toEqual({ neo4j: { condition: 'service_healthy' }, meilisearch: { condition: 'service_healthy' } });
  });

  it('keeps data in named volumes declared at the top level', () => {
    const used = Object.values<any>(compose.services).flatMap((s) => s.volumes.map((v: string) => v.split(':')[0]));
    expect(used.sort()).toEqual(Object.keys(compose.volumes).sort());
  });
});

describe('Dockerfile', () => {
  const lines = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').split('\n');
  it('builds on node:22-slim with npm ci and runs cancu serve', () => {
    expect(lines.filter((l) => l.startsWith('FROM ')).every((l) => /^FROM node:22-slim\b/.test(l))).toBe(true);
    expect(lines.some((l) => /^RUN npm ci\b/.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('CMD ')).at(-1)).toBe('CMD ["node", "bin/cancu.js", "serve"]');
  });

  it('copies every folder the server imports from', () => {
    const copied = lines.filter((l) => l.startsWith('COPY ')).join(' ');
    for (const dir of ['bin', 'src', 'ingest', 'graph', 'samples', 'schema.graphql']) expect(copied).toContain(dir);
  });
});
