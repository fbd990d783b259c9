// Generated files stay generated: the committed SDL and persisted-documents manifest match the code.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { printSubgraphSdl } from './print.js';

test('schema/schema.graphql is what `npm run codegen` emits (run it after changing the schema)', async () => {
  const committed = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
  expect(committed).toBe(await printSubgraphSdl());
});

test('every persisted document is named by the sha256 of its text, and every operation file is in the manifest', () => {
  const manifest: Record<string, string> = JSON.parse(readFileSync('operations/generated/persisted-documents.json', 'utf8'));
  const entries = Object.entries(manifest);
  expect(entries.length).toBeGreaterThan(0);
  for (const [hash, document] of entries) {
    expect(createHash('sha256').update(document).digest('hex')).toBe(hash);
  }
  const operationFiles = readdirSync('operations').filter((f) => f.endsWith('.graphql'));
  const operationNames = operationFiles.flatMap((f) =>
    [...readFileSync(`operations/${f}`, 'utf8').matchAll(/^(?:query|mutation|subscription) (\w+)/gm)].map((m) => m[1]),
  );
  const manifestNames = entries.map(([, doc]) => /(?:query|mutation|subscription) (\w+)/.exec(doc)?.[1]);
  expect(manifestNames.sort()).toEqual(operationNames.sort());
});
