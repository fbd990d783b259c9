// The export's size cap and format check, with two-method fakes (the rest is covered end to end in
// tests/integration/export.test.ts).
import { expect, test } from 'vitest';
import { BOOTSTRAP_ADMIN } from '../../identity/actor.js';
import { ManualClock } from '../../lib/clock.js';
import { createExportService, MAX_EXPORT_SECRETS } from './export.js';

function serviceListing(totalCount: number) {
  const calls = { list: 0, read: 0, tx: 0 };
  const service = createExportService({
    db: { transaction: async () => void calls.tx++ } as never,
    clock: new ManualClock(new Date('2026-01-01T00:00:00Z')),
    access: {} as never,
    secrets: {
      list: async () => {
        calls.list++;
        return { rows: [], totalCount, hasNextPage: false, endCursor: null, cursorOf: () => '' };
      },
    },
    versions: { readValue: async () => { calls.read++; throw new Error('not reached'); } },
    emitEvent: async () => undefined,
    recordAudit: async () => undefined,
    settings: { allowExpiredRead: false },
  });
  return { service, calls };
}

test(`more than ${MAX_EXPORT_SECRETS} matching secrets: VALIDATION_ERROR before any value is read or anything written`, async () => {
  const { service, calls } = serviceListing(MAX_EXPORT_SECRETS + 1);
  await expect(service.exportSecrets(BOOTSTRAP_ADMIN, { format: 'JSON', includeValues: true })).rejects.toMatchObject({
    extensions: { code: 'VALIDATION_ERROR' },
    message: expect.stringContaining('narrow the filter'),
  });
  expect(calls).toEqual({ list: 1, read: 0, tx: 0 });
});

test(`exactly ${MAX_EXPORT_SECRETS} is allowed`, async () => {
  const { service, calls } = serviceListing(MAX_EXPORT_SECRETS);
  await expect(service.exportSecrets(BOOTSTRAP_ADMIN, { format: 'ENV' })).resolves.toMatchObject({ format: 'ENV', count: 0, includesValues: false });
  expect(calls.tx).toBe(1);
});
