import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { replaceEnvTable } from './env-table.js';

test('the README configuration table is generated from server/config.ts (run `npm run docs:env`)', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(replaceEnvTable(readme)).toBe(readme);
  expect(readme).toContain('| `SECRETS_MASTER_KEY` |');
});
