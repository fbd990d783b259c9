import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { eventsDoc } from './events-doc.js';

test('docs/events.md is generated from events/catalogue.ts (run `npm run docs:events`)', () => {
  const doc = readFileSync('docs/events.md', 'utf8');
  expect(doc).toBe(eventsDoc());
  expect(doc).toContain('| `SECRET_MIGRATION_FAILED` | `secret.migration_failed` |');
});
