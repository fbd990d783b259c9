// Validation of secret metadata input (everything but the value): names, tags, metadata, expiry and rotation
// settings. Collects every problem with its path before failing.
import { z } from 'zod';
import { ValidationError, type FieldIssue } from '../lib/errors.js';

export const ROTATION_STRATEGIES = ['MANUAL', 'NOTIFY_ONLY', 'AUTOMATIC'] as const;
export type RotationStrategy = (typeof ROTATION_STRATEGIES)[number];

/** Names are path-like identifiers so they can appear in references (`SCOPE/ownerId/name`) unquoted. */
export const SECRET_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._\/-]{0,254}$/;
export const DEFAULT_EXPIRY_NOTIFICATION_DAYS = [30, 14, 7, 1];
const MAX_METADATA_BYTES = 16 * 1024;

const name = z.string().regex(SECRET_NAME_PATTERN, 'must be 1-255 characters of letters, digits, _ . / - and start with a letter, digit or _');
const description = z.string().max(2000, 'must be at most 2000 characters').nullable();
const tags = z
  .array(z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters').regex(/^[^\s,]+$/, 'must not contain spaces or commas'))
  .max(50, 'at most 50 tags');
const metadata = z
  .record(z.string(), z.unknown())
  .nullable()
  .refine((m) => m === null || Buffer.byteLength(JSON.stringify(m)) <= MAX_METADATA_BYTES, `must be at most ${MAX_METADATA_BYTES} bytes`);
const intervalDays = z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days').nullable();
const notificationDays = z
  .array(z.number().int().min(1, 'each day must be at least 1').max(3650, 'each day must be at most 3650'))
  .max(20, 'at most 20 notification days');

export interface SecretMetadataInput {
  name?: string | null;
  description?: string | null;
  tags?: string[] | null;
  metadata?: Record<string, unknown> | null;
  expiresAt?: Date | null;
  rotationStrategy?: RotationStrategy | null;
  rotationIntervalDays?: number | null;
  expiryNotificationDays?: number[] | null;
}

/** Validates the fields present in `input` (undefined = not given). Returns normalized values. */
export function validateSecretMetadata(input: SecretMetadataInput, path = 'input'): SecretMetadataInput {
  const issues: FieldIssue[] = [];
  const check = <T>(field: keyof SecretMetadataInput, schema: z.ZodType<T>): T | undefined => {
    const value = input[field];
    if (value === undefined) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      issues.push({ path: [path, field, ...issue.path].join('.'), message: issue.message });
    }
    return undefined;
  };
  const out: SecretMetadataInput = {
    name: input.name === null ? (issues.push({ path: `${path}.name`, message: 'must not be null' }), undefined) : check('name', name),
    description: check('description', description),
    tags: input.tags === null ? [] : check('tags', tags)?.filter((t, i, all) => all.indexOf(t) === i),
    metadata: check('metadata', metadata),
    expiresAt: input.expiresAt,
    rotationStrategy: input.rotationStrategy === null ? 'MANUAL' : input.rotationStrategy,
    rotationIntervalDays: check('rotationIntervalDays', intervalDays),
    expiryNotificationDays:
      input.expiryNotificationDays === null
        ? DEFAULT_EXPIRY_NOTIFICATION_DAYS
        : check('expiryNotificationDays', notificationDays)?.filter((d, i, all) => all.indexOf(d) === i).sort((a, b) => b - a),
  };
  if (input.expiresAt !== undefined && input.expiresAt !== null && Number.isNaN(input.expiresAt.getTime())) {
    issues.push({ path: `${path}.expiresAt`, message: 'is not a valid date-time' });
  }
  if (issues.length) throw new ValidationError(issues);
  return out;
}

/** A strategy that acts on a schedule needs an interval. */
export function checkRotationSettings(strategy: RotationStrategy, intervalDays: number | null, path = 'input'): void {
  if (strategy !== 'MANUAL' && !intervalDays) {
    throw new ValidationError([{ path: `${path}.rotationIntervalDays`, message: `required when rotationStrategy is ${strategy}` }]);
  }
}
