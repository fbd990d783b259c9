// `npm run codegen` step 2 (after schema/emit.ts writes schema/schema.graphql): typed documents and the
// persisted-documents manifest (sha256 hashes) for the operations in operations/.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: ['schema/schema.graphql', 'schema/federation-directives.graphql'],
  documents: ['operations/**/*.graphql'],
  generates: {
    'operations/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        scalars: { DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
  hooks: {},
};

export default config;
