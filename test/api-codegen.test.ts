/** The committed resolver types must be what graphql-codegen makes of schema.graphql now. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('generated resolver types', () => {
  it('are up to date with schema.graphql (else run: npx graphql-codegen --config codegen.ts)', async () => {
    const outputs = await generate({ ...config, cwd: ROOT, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const out of outputs) {
      expect(readFileSync(path.join(ROOT, out.filename), 'utf8'), `${out.filename} is stale`).toBe(out.content);
    }
  });
});
