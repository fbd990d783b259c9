// The TypeScript and SQL definitions of a secret's status agree on every boundary case.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../models/db.js';
import { secrets } from '../models/schema.js';
import { secretStatus, secretStatusSql } from './status.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite' });
  await handle.migrate();
});
afterAll(() => handle.close());

const now = new Date('2026-06-01T12:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
const cases: { label: string; fields: Partial<typeof secrets.$inferInsert>; expected: string }[] = [
  { label: 'plain', fields: {}, expected: 'ACTIVE' },
  { label: 'expires in 40 days', fields: { expiresAt: at(40) }, expected: 'ACTIVE' },
  { label: 'expires in exactly 30 days', fields: { expiresAt: at(30) }, expected: 'EXPIRING' },
  { label: 'expires in 29 days', fields: { expiresAt: at(29) }, expected: 'EXPIRING' },
  { label: 'expires in 10 days, windows [7]', fields: { expiresAt: at(10), expiryNotificationDays: [7] }, expected: 'ACTIVE' },
  { label: 'expires in 10 days, no windows', fields: { expiresAt: at(10), expiryNotificationDays: [] }, expected: 'ACTIVE' },
  { label: 'expires now', fields: { expiresAt: now }, expected: 'EXPIRED' },
  { label: 'expired', fields: { expiresAt: at(-1) }, expected: 'EXPIRED' },
  { label: 'rotation due', fields: { nextRotationAt: at(-1) }, expected: 'ROTATION_DUE' },
  { label: 'rotation due and expiring', fields: { nextRotationAt: at(-1), expiresAt: at(3) }, expected: 'ROTATION_DUE' },
  { label: 'rotation due but expired', fields: { nextRotationAt: at(-1), expiresAt: at(-1) }, expected: 'EXPIRED' },
  { label: 'deleted and expired', fields: { deletedAt: at(-2), expiresAt: at(-1) }, expected: 'DELETED' },
];

test.each(cases)('$label -> $expected in TypeScript and SQL', async ({ fields, expected }) => {
  const id = randomUUID();
  const row = {
    id,
    name: `s-${id}`,
    type: 'GENERIC',
    scope: 'GLOBAL',
    scopeOwnerId: '',
    currentVersion: 1,
    createdBy: 't',
    updatedBy: 't',
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  const [inserted] = await handle.db.insert(secrets).values(row).returning();
  expect(secretStatus(inserted, now)).toBe(expected);
  const [fromSql] = await handle.db.select({ status: secretStatusSql(now) }).from(secrets).where(eq(secrets.id, id));
  expect(fromSql.status).toBe(expected);
});
