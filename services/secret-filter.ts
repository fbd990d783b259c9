// Turns a SecretFilter into SQL on the secrets table. Status uses the same definition as Secret.status.
import { and, arrayContains, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { ValidationError } from '../lib/errors.js';
import { secrets } from '../models/schema.js';
import type { SecretScope } from './scope.js';
import { secretStatusSql, type SecretStatus } from './status.js';

export interface SecretFilterInput {
  scope?: SecretScope | null;
  types?: string[] | null;
  tags?: string[] | null;
  search?: string | null;
  status?: SecretStatus | null;
  includeDeleted?: boolean | null;
  organizationId?: string | null;
  teamId?: string | null;
  projectId?: string | null;
  ownerId?: string | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function secretFilterSql(filter: SecretFilterInput | undefined | null, now: Date): SQL | undefined {
  const f = filter ?? {};
  if (f.search !== undefined && f.search !== null && f.search.length > 200) {
    throw new ValidationError([{ path: 'filter.search', message: 'must be at most 200 characters' }]);
  }
  const conditions: (SQL | undefined)[] = [];
  // Asking for DELETED secrets implies including them.
  if (!f.includeDeleted && f.status !== 'DELETED') conditions.push(isNull(secrets.deletedAt));
  if (f.scope) conditions.push(eq(secrets.scope, f.scope));
  if (f.types?.length) conditions.push(inArray(secrets.type, f.types));
  if (f.tags?.length) conditions.push(arrayContains(secrets.tags, f.tags));
  if (f.search) {
    const pattern = `%${escapeLike(f.search)}%`;
    conditions.push(or(ilike(secrets.name, pattern), ilike(secrets.description, pattern)));
  }
  if (f.status) conditions.push(eq(secretStatusSql(now), f.status));
  if (f.organizationId) conditions.push(eq(secrets.organizationId, f.organizationId));
  if (f.teamId) conditions.push(eq(secrets.teamId, f.teamId));
  if (f.projectId) conditions.push(eq(secrets.projectId, f.projectId));
  if (f.ownerId) conditions.push(eq(secrets.ownerUserId, f.ownerId));
  return and(...conditions);
}
