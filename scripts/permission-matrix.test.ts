import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { isAllowed, permissionsMarkdown, PERMISSIONS_DOC, REFERENCE_PRINCIPALS } from './permission-matrix.js';
import { SECRET_OPERATIONS } from '../services/access/operations.js';

test('docs/permissions.md is generated from the access model (run `npm run docs:permissions`)', () => {
  expect(readFileSync(PERMISSIONS_DOC, 'utf8')).toBe(permissionsMarkdown());
});

// The model itself, checked against the documented role definitions (ARCHITECTURE.md) in plain words.
const principal = (key: string) => REFERENCE_PRINCIPALS.find((p) => p.key === key)!;
const op = (name: string) => SECRET_OPERATIONS.find((o) => o.name.split(', ').includes(name))!;

test('members read their team and project secrets but not organization secrets, and change nothing', () => {
  expect(isAllowed(principal('team-member'), 'TEAM', op('Secret.value'))).toBe(true);
  expect(isAllowed(principal('team-member'), 'PROJECT', op('Secret.value'))).toBe(true);
  expect(isAllowed(principal('team-member'), 'ORGANIZATION', op('secret'))).toBe(false);
  expect(isAllowed(principal('team-member'), 'TEAM', op('updateSecretValue'))).toBe(false);
  expect(isAllowed(principal('outside-member'), 'TEAM', op('secret'))).toBe(false);
});

test('organization admins govern their organization, never another one, nor users\' personal secrets', () => {
  for (const scope of ['ORGANIZATION', 'TEAM', 'PROJECT'] as const) {
    expect(isAllowed(principal('org-admin'), scope, op('purgeSecret'))).toBe(true);
    expect(isAllowed(principal('other-org-admin'), scope, op('secret'))).toBe(false);
  }
  expect(isAllowed(principal('org-admin'), 'USER', op('secret'))).toBe(false);
  expect(isAllowed(principal('org-admin'), 'GLOBAL', op('secret'))).toBe(false);
});

test('owners fully control their USER secrets; grants give exactly their permission; expired grants give nothing', () => {
  expect(SECRET_OPERATIONS.filter((o) => o.requires !== 'CREATE').every((o) => isAllowed(principal('owner'), 'USER', o))).toBe(true);
  expect(isAllowed(principal('grantee-read'), 'ORGANIZATION', op('Secret.value'))).toBe(true);
  expect(isAllowed(principal('grantee-read'), 'ORGANIZATION', op('updateSecret'))).toBe(false);
  expect(isAllowed(principal('grantee-expired'), 'ORGANIZATION', op('secret'))).toBe(false);
  expect(isAllowed(principal('sa-with'), 'ORGANIZATION', op('Secret.value'))).toBe(true);
  expect(isAllowed(principal('sa-without'), 'ORGANIZATION', op('secret'))).toBe(false);
});
