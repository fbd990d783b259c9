// Makes free-text error messages safe to store in events and the outbox: credentials in URLs, key=value
// secrets, bearer tokens, JWTs, PEM blocks and long opaque strings are masked, and the text is bounded.
export const MAX_ERROR_MESSAGE = 500;

const RULES: [RegExp, string][] = [
  // PEM blocks (keys, certificates) in full.
  [/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g, '[PEM]'],
  // user:password@ in any URL.
  [/([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*(:[^\s/@]*)?@/gi, '$1***@'],
  // Bearer / Basic credentials.
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 ***'],
  // JWT-shaped tokens.
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '***'],
  // password=..., secret: ..., token=..., api_key=..., AccountKey=... (connection-string and query styles).
  [/\b([A-Za-z_-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|account[_-]?key|sig|signature|credential)s?)\s*([=:])\s*("[^"]*"|'[^']*'|[^\s;,&"']+)/gi, '$1$2***'],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Long opaque runs (keys, hashes, base64 blobs): 24+ characters mixing letters and digits, or 40+ of anything. Ids stay. */
const maskOpaque = (run: string) =>
  UUID.test(run) || (run.length < 40 && !(/[0-9]/.test(run) && /[A-Za-z]/.test(run))) ? run : '***';

/** A message that can go into an event or a log: no credentials, one line, at most MAX_ERROR_MESSAGE characters. */
export function sanitizeErrorMessage(message: unknown): string {
  let text = typeof message === 'string' ? message : message instanceof Error ? message.message : String(message ?? '');
  for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  text = text.replace(/[A-Za-z0-9+/_=-]{24,}/g, maskOpaque);
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_ERROR_MESSAGE ? `${text.slice(0, MAX_ERROR_MESSAGE - 1)}…` : text;
}
