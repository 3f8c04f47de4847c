/** In-process API test harness: the configured stores on a temp data dir, the samples ingested, the real HTTP server. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openServices, type Services } from '../src/commands/services.ts';
import { SAMPLES_DIR } from '../src/commands/start.ts';
import { ingestPaths, type IngestSummary } from '../src/pipeline/ingest.ts';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../src/api/server.ts';

export interface GqlResult {
  status: number;
  data?: Record<string, any>;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface Harness {
  dataDir: string;
  services: Services;
  server: ApiServer;
  ingested: IngestSummary;
  gql(query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
  stop(): Promise<void>;
}

export async function startHarness(options: Partial<Omit<ApiServerOptions, 'services'>> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cancu-api-'));
  const services = await openServices(loadConfig({}, { CANCU_DATA: dataDir }));
  const ingested = await ingestPaths(services.deps, [SAMPLES_DIR]);
  const server = await startApiServer({ services, introspection: true, corsOrigins: [], webRoot: null, ...options }, 0, '127.0.0.1');
  return {
    dataDir,
    services,
    server,
    ingested,
    async gql(query, variables) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async stop() {
      await server.close();
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The error codes of a result. */
export const codes = (r: GqlResult): (string | undefined)[] => (r.errors ?? []).map((e) => e.extensions?.code);
