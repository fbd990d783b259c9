// Field schemas shared by several value shapes, each with its own message (never the input).
import { z } from 'zod';
import { addIssue } from './shape-support.js';

export const nonEmptyString = z.string().min(1, 'must not be empty');

/** A URL `new URL` accepts; with `protocols`, also one of those schemes (e.g. `['http:', 'https:']`). */
export function urlString(protocols?: readonly string[]) {
  return z.string().superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      addIssue(ctx, 'must be a valid URL');
      return;
    }
    if (protocols && !protocols.includes(url.protocol)) {
      addIssue(ctx, `must be a URL with scheme ${protocols.map((p) => p.replace(/:$/, '')).join(' or ')}`);
    }
  });
}

/** Time zone required: a date-time without one names a different instant on every server. */
export const isoDateTime = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2030-01-31T12:00:00Z' });
