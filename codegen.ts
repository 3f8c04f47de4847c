/**
 * Resolver types generated from schema.graphql: `npx graphql-codegen --config codegen.ts`.
 * The output is committed; test/api-codegen.test.ts fails when it is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const models = '../models.ts';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/api/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        mapperTypeSuffix: 'Model',
        contextType: '../context.ts#ApiContext',
        enumValues: {
          Level: { CENTRAL: 'trung ương', PROVINCE: 'tỉnh', DISTRICT: 'huyện', COMMUNE: 'xã' },
        },
        mappers: {
          Document: `${models}#DocumentNode`,
          Citation: `${models}#Edge`,
          Evidence: `${models}#Evidence`,
          TraceStep: `${models}#TraceStep`,
          ImplementerConnection: `${models}#ImplementerConnection`,
          UnresolvedReference: `${models}#UnresolvedReference`,
        },
      },
    },
  },
};

export default config;
