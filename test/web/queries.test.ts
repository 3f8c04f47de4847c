import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../web/src/queries.ts';

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

describe('the web UI speaks the published schema', () => {
  for (const [name, query] of Object.entries(OPERATIONS)) {
    it(`${name} validates against schema.graphql`, () => {
      expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
    });
  }
});
