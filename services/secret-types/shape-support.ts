// Zod plumbing shared by the value shapes: messages that never quote the input, zod issues turned into
// FieldIssues with dotted paths, and object rules that run even when a field is already invalid.
import { z } from 'zod';
import type { FieldIssue } from '../../lib/errors.js';

/** A value shape: parses a JSON object into the object to store. */
export type ValueShape = z.ZodType<Record<string, unknown>, z.ZodTypeDef, unknown>;

const TYPE_NAMES: Partial<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

/**
 * Replaces zod's default messages, some of which quote the received data. Messages written in a shape
 * take precedence over this map, and none of them may mention the data either.
 */
export const valueSafeErrorMap: z.ZodErrorMap = (issue) => {
  if (issue.code === z.ZodIssueCode.invalid_type) {
    if (issue.received === z.ZodParsedType.undefined) return { message: 'is required' };
    return { message: `must be ${TYPE_NAMES[issue.expected] ?? 'of another type'}` };
  }
  return { message: 'is invalid' };
};

export function joinPath(path: readonly (string | number)[]): string {
  return path.join('.');
}

/** One FieldIssue per zod issue, except an unknown-keys issue becomes one issue per unknown key. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === z.ZodIssueCode.unrecognized_keys
      ? issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), message: 'is not a field of this secret type' }))
      : [{ path: joinPath(issue.path), message: issue.message }],
  );
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Adds a cross-field rule to `shape` that sees the raw object. zod skips `.superRefine` on an object once
 * any field is invalid; running the rule first means its issue is reported together with the field issues.
 * The rule must only look at fields whose type it has checked itself.
 */
export function withObjectRule(
  shape: z.ZodTypeAny,
  rule: (raw: Record<string, unknown>, ctx: z.RefinementCtx) => void,
): z.ZodTypeAny {
  return z.preprocess((raw, ctx) => {
    if (isJsonObject(raw)) rule(raw, ctx);
    return raw;
  }, shape);
}

/** `raw[field]` when it is a string, otherwise undefined (its type issue is reported by the field's schema). */
export function stringField(raw: Record<string, unknown>, field: string): string | undefined {
  const value = raw[field];
  return typeof value === 'string' ? value : undefined;
}

export function addIssue(ctx: z.RefinementCtx, message: string, path: (string | number)[] = []): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message, path });
}
