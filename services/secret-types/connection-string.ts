// CONNECTION_STRING: a database/broker address, either as a URI or as `key=value;` pairs (ADO.NET, ODBC, libpq).
import { z } from 'zod';
import { addIssue } from './shape-support.js';

export const connectionStringShape = z
  .object({
    connectionString: z.string().superRefine((text, ctx) => {
      if (isConnectionUri(text)) return;
      if (!text.includes('=')) {
        addIssue(ctx, 'must be a URI with a scheme (scheme://host/...) or key=value; pairs');
      } else if (!isKeyValueList(text)) {
        addIssue(ctx, 'must be key=value pairs separated by ";", each with a non-empty key');
      }
    }),
  })
  .strict();

/** `postgres://u:p@h:5432/db`, `mongodb+srv://...`, `jdbc:sqlserver://...`: a scheme plus a host or a path. */
export function isConnectionUri(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.host !== '') return true;
  // `db.example.test:5432/app` parses with the scheme `db.example.test:`; a port where the path begins means
  // the real scheme is missing.
  const isHostAndPort = /^\d+(\/|$)/.test(url.pathname);
  return url.pathname !== '' && url.pathname !== '/' && !isHostAndPort;
}

/** `Server=tcp:x,1433;Database=d;User Id=u;Password=p;`: at least one pair, and every non-empty segment is one. */
export function isKeyValueList(text: string): boolean {
  const segments = splitSegments(text);
  if (!segments) return false;
  const pairs = segments.map((s) => s.trim()).filter((s) => s !== '');
  return pairs.length > 0 && pairs.every((pair) => pair.indexOf('=') > 0 && pair.slice(0, pair.indexOf('=')).trim() !== '');
}

const CLOSING_QUOTE: Partial<Record<string, string>> = { '"': '"', "'": "'", '{': '}' };

/**
 * Splits on `;` except inside a value that starts with a quote or an ODBC brace (`Password="a;b"`,
 * `Pwd={a;b}`), where a doubled closing character stands for itself. Undefined when a quote is not closed.
 */
function splitSegments(text: string): string[] | undefined {
  const segments: string[] = [];
  let segmentStart = 0;
  let hasSeenEquals = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === ';') {
      segments.push(text.slice(segmentStart, index));
      segmentStart = index + 1;
      hasSeenEquals = false;
      continue;
    }
    if (char !== '=' || hasSeenEquals) continue;
    hasSeenEquals = true;
    let valueStart = index + 1;
    while (text[valueStart] === ' ' || text[valueStart] === '\t') valueStart += 1;
    const closing = CLOSING_QUOTE[text.charAt(valueStart)];
    if (closing === undefined) continue;
    const valueEnd = findClosing(text, valueStart + 1, closing);
    if (valueEnd === -1) return undefined;
    index = valueEnd;
  }
  segments.push(text.slice(segmentStart));
  return segments;
}

function findClosing(text: string, from: number, closing: string): number {
  for (let index = from; index < text.length; index += 1) {
    if (text[index] !== closing) continue;
    if (text[index + 1] === closing) index += 1;
    else return index;
  }
  return -1;
}
