// Opaque cursors for keyset pagination, and the `first` argument's bounds.
import { ValidationError } from './errors.js';

export const MAX_PAGE_SIZE = 500;

export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, path = 'after'): (string | number)[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity && parsed.every((p) => typeof p === 'string' || typeof p === 'number')) {
      return parsed;
    }
  } catch {
    // fall through to the uniform error below
  }
  throw new ValidationError([{ path, message: 'is not a valid cursor' }]);
}

export function checkPageSize(first: number, path = 'first'): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new ValidationError([{ path, message: `must be an integer from 0 to ${MAX_PAGE_SIZE}` }]);
  }
  return first;
}
