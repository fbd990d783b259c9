// The service's error vocabulary: every failure a client can see is one of these classes, each a
// GraphQLError with a literal `extensions.code`. formatError (server/format-error.ts) turns anything else
// into INTERNAL_SERVER_ERROR.
import { GraphQLError } from 'graphql';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'ACCESS_DENIED',
  'SECRET_NOT_FOUND',
  'SECRET_EXPIRED',
  'SECRET_DELETED',
  'SECRET_NAME_CONFLICT',
  'VERSION_CONFLICT',
  'INVALID_SECRET_VALUE',
  'VALIDATION_ERROR',
  'ENCRYPTION_ERROR',
  'DECRYPTION_ERROR',
  'VAULT_NOT_FOUND',
  'VAULT_CONNECTION_ERROR',
  'ROTATION_ERROR',
  'IMPORT_ERROR',
  'PERSISTED_QUERY_REQUIRED',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One bad input location, e.g. `{ path: 'value.password', message: 'Required' }`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.code = code;
    this.name = new.target.name;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class AccessDeniedError extends AppError {
  constructor(message = 'Access denied') {
    super('ACCESS_DENIED', message);
  }
}

export class SecretNotFoundError extends AppError {
  constructor(message = 'Secret not found') {
    super('SECRET_NOT_FOUND', message);
  }
}

export class SecretExpiredError extends AppError {
  constructor(message = 'Secret has expired') {
    super('SECRET_EXPIRED', message);
  }
}

export class SecretDeletedError extends AppError {
  constructor(message = 'Secret is deleted') {
    super('SECRET_DELETED', message);
  }
}

export class SecretNameConflictError extends AppError {
  constructor(name: string) {
    super('SECRET_NAME_CONFLICT', `A secret named "${name}" already exists in this scope`);
  }
}

export class VersionConflictError extends AppError {
  constructor(expected: number, actual: number) {
    super('VERSION_CONFLICT', `Expected version ${expected} but the current version is ${actual}`, {
      expectedVersion: expected,
      currentVersion: actual,
    });
  }
}

/** Lists every bad path of a secret value; messages never echo the value itself. */
export class InvalidSecretValueError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], message = 'Secret value does not match its type') {
    super('INVALID_SECRET_VALUE', `${message}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, {
      issues,
    });
    this.issues = issues;
  }
}

export class ValidationError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[] | string) {
    const list = typeof issues === 'string' ? [{ path: '', message: issues }] : issues;
    super('VALIDATION_ERROR', list.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), {
      issues: list,
    });
    this.issues = list;
  }
}

export class EncryptionError extends AppError {
  constructor(message = 'Encryption failed') {
    super('ENCRYPTION_ERROR', message);
  }
}

export class DecryptionError extends AppError {
  constructor(message = 'Secret value could not be decrypted (integrity check failed)') {
    super('DECRYPTION_ERROR', message);
  }
}

export class VaultNotFoundError extends AppError {
  constructor(message = 'Vault not found') {
    super('VAULT_NOT_FOUND', message);
  }
}

/** A rotation handler (generator or webhook) could not produce a new value; the message is sanitized. */
export class RotationError extends AppError {
  constructor(message = 'Rotation failed') {
    super('ROTATION_ERROR', message);
  }
}

export class PersistedQueryRequiredError extends AppError {
  constructor(message = 'Service accounts may only run persisted operations') {
    super('PERSISTED_QUERY_REQUIRED', message);
  }
}

export class RateLimitedError extends AppError {
  constructor(message = 'Too many requests') {
    super('RATE_LIMITED', message);
  }
}

export class InternalServerError extends AppError {
  constructor(requestId?: string) {
    super('INTERNAL_SERVER_ERROR', 'Internal server error', requestId ? { requestId } : {});
  }
}
