// The rotation settings a secret carries in `metadata.rotation`: how a new value is generated (length,
// alphabet, prefix), or which webhook produces it, and the grace period of scheduled rotations.
import { z } from 'zod';
import { RotationError, ValidationError } from '../../lib/errors.js';

export const NAMED_ALPHABETS = {
  alphanumeric: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  /** Printable ASCII without space, quotes and backslash (safe in most config formats). */
  symbols: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~',
} as const;

export interface RotationSettings {
  /** Characters of the generated key/password (default 40). */
  length: number;
  /** The characters drawn from (a named alphabet or the literal characters). */
  alphabet: string;
  /** Fixed text before the generated part (API keys like `sk_live_`). */
  prefix: string;
  webhookUrl?: string;
  /** Grace period of scheduled (job-driven) rotations; the mutation takes its own argument. */
  gracePeriodHours: number;
}

export const MAX_GRACE_PERIOD_HOURS = 24 * 90;

const schema = z
  .object({
    length: z.number().int().min(8).max(1024).default(40),
    alphabet: z.string().min(2).max(256).default('alphanumeric'),
    prefix: z.string().max(64).regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces').default(''),
    webhookUrl: z.string().max(2048).optional(),
    gracePeriodHours: z.number().int().min(0).max(MAX_GRACE_PERIOD_HOURS).default(0),
  })
  .passthrough();

/** Parses `metadata.rotation`; a problem is a RotationError naming each bad field (never a value). */
export function rotationSettingsOf(metadata: unknown): RotationSettings {
  const raw = metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>).rotation : undefined;
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `metadata.rotation.${i.path.join('.')}: ${i.message}`);
    throw new RotationError(`Invalid rotation settings: ${problems.join('; ')}`);
  }
  const { length, alphabet, prefix, webhookUrl, gracePeriodHours } = parsed.data;
  const characters = alphabet in NAMED_ALPHABETS ? NAMED_ALPHABETS[alphabet as keyof typeof NAMED_ALPHABETS] : alphabet;
  return { length, alphabet: [...new Set(characters)].join(''), prefix, webhookUrl, gracePeriodHours };
}

/**
 * Checks `metadata.rotation` when a secret is created or updated, so a bad setting or a webhook outside
 * SECRETS_ROTATION_WEBHOOK_ALLOWLIST is refused up front instead of failing at the next rotation.
 */
export function checkRotationMetadata(metadata: unknown, allowlist: { allows(url: string): boolean }, path = 'input.metadata'): void {
  const raw = metadata && typeof metadata === 'object' ? (metadata as Record<string, unknown>).rotation : undefined;
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: [`${path}.rotation`, ...i.path].join('.'), message: i.message })));
  }
  const settings = parsed.data;
  if (settings.webhookUrl && !allowlist.allows(settings.webhookUrl)) {
    throw new ValidationError([{ path: `${path}.rotation.webhookUrl`, message: 'is not allowed by SECRETS_ROTATION_WEBHOOK_ALLOWLIST' }]);
  }
}
