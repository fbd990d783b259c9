// Makes audit details safe to keep forever: like Vault's audit devices, anything that could be a secret value
// is replaced by `hmac-sha256:<hex>` (keyed, so it cannot be brute-forced from the trail, yet the same value
// always gives the same HMAC, so an investigator holding a suspect value can match it). Callers never pass
// values; this is defence in depth for a mistake upstream.
import { createHmac, hkdfSync } from 'node:crypto';

export type AuditHmac = (text: string) => string;

/** Keys whose content is always HMAC'd, whatever it looks like (case-insensitive, anywhere in the name). */
const SENSITIVE_KEY =
  /(^value$|^data$|values?$|password|passwd|passphrase|secret|token|private.?key|credential|connection.?string|api.?key|^key$|authorization|cookie)/i;
/** Structural keys that contain a sensitive word but hold no value (booleans or names). */
const STRUCTURAL_KEY = /^(valueChanged|secretId|secretName|secretType|secretScope|includesValues|tokenId)$/;

/** Strings that look like key material or credentials even under an innocent key. */
const VALUE_LIKE: RegExp[] = [
  /-----BEGIN [A-Z0-9 ]+-----/, // PEM
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./, // JWT
  /[a-z][a-z0-9+.-]*:\/\/[^\s/@:]*:[^\s/@]+@/i, // URL with password
  /\b(bearer|basic)\s+\S{8,}/i,
  /^ssh-(rsa|ed25519|dss)|^ecdsa-sha2-/,
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A long run without spaces mixing letters and digits (API keys, base64 blobs); ids (UUIDs) stay. */
const OPAQUE = /^[A-Za-z0-9+/=_.~-]{24,}$/;

export const MAX_DETAIL_STRING = 500;

/** The HMAC key: SECRETS_AUDIT_HMAC_KEY when configured, else derived from the master key with HKDF. */
export function auditHmacKey(options: { configuredKey?: string; masterKey: Buffer }): Buffer {
  if (options.configuredKey) return Buffer.from(options.configuredKey, 'utf8');
  return Buffer.from(hkdfSync('sha256', options.masterKey, Buffer.alloc(0), 'secrets-subgraph audit hmac v1', 32));
}

export function createAuditHmac(key: Buffer): AuditHmac {
  return (text) => `hmac-sha256:${createHmac('sha256', key).update(text, 'utf8').digest('hex')}`;
}

export function looksLikeValue(text: string): boolean {
  if (VALUE_LIKE.some((pattern) => pattern.test(text))) return true;
  return OPAQUE.test(text) && !UUID.test(text) && /[0-9]/.test(text) && /[A-Za-z]/.test(text);
}

/** A JSON-safe copy of `details` in which nothing value-like survives. */
export function sanitizeDetails(details: Record<string, unknown> | undefined, hmac: AuditHmac): Record<string, unknown> | null {
  if (!details) return null;
  const clean = sanitize(details, hmac, 0);
  return clean && typeof clean === 'object' && !Array.isArray(clean) ? (clean as Record<string, unknown>) : null;
}

function sanitize(input: unknown, hmac: AuditHmac, depth: number): unknown {
  if (input === null || input === undefined) return null;
  if (typeof input === 'boolean') return input;
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (typeof input === 'bigint') return input.toString();
  if (input instanceof Date) return input.toISOString();
  if (typeof input === 'string') {
    if (looksLikeValue(input)) return hmac(input);
    return input.length > MAX_DETAIL_STRING ? `${input.slice(0, MAX_DETAIL_STRING - 1)}…` : input;
  }
  if (depth > 6) return '[truncated]';
  if (Array.isArray(input)) return input.slice(0, 100).map((item) => sanitize(item, hmac, depth + 1));
  if (typeof input === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      out[key] = SENSITIVE_KEY.test(key) && !STRUCTURAL_KEY.test(key) ? hmacAny(value, hmac) : sanitize(value, hmac, depth + 1);
    }
    return out;
  }
  return null;
}

/** Booleans and null under a sensitive key carry no value; anything else (numbers too: PINs) is HMAC'd whole. */
function hmacAny(value: unknown, hmac: AuditHmac): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value ?? null;
  return hmac(typeof value === 'string' ? value : JSON.stringify(value));
}
