// The bootstrap admin token (like Vault's root token): SECRETS_ADMIN_TOKEN, or outside production a token
// generated once into SECRETS_DATA_DIR/admin-token (mode 0600) so the service is usable from the first start.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BootstrapAdminToken {
  /** Constant-time check of a presented token. */
  matches(presented: string): boolean;
  /** Where the generated token was written, when it was generated or read from the data dir. */
  path?: string;
  generated: boolean;
}

export function resolveBootstrapAdminToken(options: {
  configuredToken?: string;
  dataDir: string;
  isProduction: boolean;
}): BootstrapAdminToken | undefined {
  if (options.configuredToken) return tokenMatcher(options.configuredToken, { generated: false });
  if (options.isProduction) return undefined;
  const path = join(options.dataDir, 'admin-token');
  if (existsSync(path)) {
    return tokenMatcher(readFileSync(path, 'utf8').trim(), { path, generated: false });
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const token = `sadm_${randomBytes(32).toString('base64url')}`;
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return tokenMatcher(token, { path, generated: true });
}

function tokenMatcher(token: string, extra: { path?: string; generated: boolean }): BootstrapAdminToken {
  // Compare digests so length differences leak nothing and the comparison is constant-time.
  const expected = createHash('sha256').update(token).digest();
  return {
    ...extra,
    matches(presented: string) {
      return timingSafeEqual(createHash('sha256').update(presented).digest(), expected);
    },
  };
}
