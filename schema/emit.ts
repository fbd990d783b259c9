// `npm run codegen` step 1: writes the subgraph SDL (what the gateway composes) to schema/schema.graphql.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSubgraphSdl } from './print.js';

const target = fileURLToPath(new URL('./schema.graphql', import.meta.url));
writeFileSync(target, await printSubgraphSdl());
console.log(`wrote ${target}`);
