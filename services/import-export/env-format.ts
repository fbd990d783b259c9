// dotenv text for exports: variable names derived from secret names, values double-quoted and escaped, and the
// variables each secret type contributes. Pure functions, so import can share the same conventions.
import { ValidationError } from '../../lib/errors.js';

/** `stripe-key` -> `STRIPE_KEY`; `2fa.seed` -> `_2FA_SEED`: uppercase, anything outside [A-Z0-9_] becomes `_`. */
export function envKeyOf(name: string): string {
  const key = name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return /^[0-9]/.test(key) ? `_${key}` : key;
}

/**
 * A double-quoted dotenv value. Backslash, double quote, newline and carriage return are escaped (`\\`, `\"`,
 * `\n`, `\r`), the convention python-dotenv, godotenv and docker compose read back. `$` is left alone: tools
 * that expand variables (dotenv-expand, compose) would expand `${...}` inside values; see docs/export.md.
 */
export function quoteEnvValue(value: string): string {
  return `"${value.replace(/[\\"\n\r]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' })[c]!)}"`;
}

/** The variables one secret contributes (values omitted when `data` is null: a metadata-only template). */
export function envVariablesOf(name: string, type: string, data: Record<string, unknown> | null): { key: string; value: string }[] {
  const key = envKeyOf(name);
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  switch (type) {
    case 'GENERIC':
      return [{ key, value: data ? text(data.value) : '' }];
    case 'API_KEY':
      return [{ key, value: data ? text(data.key) : '' }];
    case 'CONNECTION_STRING':
      return [{ key, value: data ? text(data.connectionString) : '' }];
    case 'USERNAME_PASSWORD':
      return [
        { key: `${key}_USERNAME`, value: data ? text(data.username) : '' },
        { key: `${key}_PASSWORD`, value: data ? text(data.password) : '' },
      ];
    case 'ENV_VARIABLE_SET':
      // The variable names are part of the (encrypted) value: without values there is nothing to list.
      if (!data) return [];
      return Object.entries((data.variables ?? {}) as Record<string, unknown>).map(([variable, value]) => ({ key: variable, value: text(value) }));
    default:
      return [{ key, value: data ? JSON.stringify(data) : '' }];
  }
}

export interface EnvEntry {
  secretId: string;
  name: string;
  type: string;
  /** Comment line above the secret's variables. */
  comment: string;
  data: Record<string, unknown> | null;
}

/** The whole dotenv document; two secrets producing the same variable are a VALIDATION_ERROR naming both. */
export function renderEnv(entries: readonly EnvEntry[], header: readonly string[]): string {
  const owner = new Map<string, EnvEntry>();
  const lines = header.map((h) => `# ${h}`);
  const clashes: { path: string; message: string }[] = [];
  for (const entry of entries) {
    // Ids come from tokens and inputs: a line break there must not start a variable line.
    lines.push(`# ${entry.comment.replace(/[\r\n]+/g, ' ')}`);
    const variables = envVariablesOf(entry.name, entry.type, entry.data);
    if (entry.type === 'ENV_VARIABLE_SET' && !entry.data) lines.push('# (variable names are part of the value: export with values to list them)');
    for (const { key, value } of variables) {
      const first = owner.get(key);
      if (first && first !== entry) {
        clashes.push({ path: 'input.format', message: `variable ${key} comes from both secret ${first.secretId} (${first.name}) and secret ${entry.secretId} (${entry.name})` });
        continue;
      }
      owner.set(key, entry);
      lines.push(entry.data ? `${key}=${quoteEnvValue(value)}` : `${key}=`);
    }
  }
  if (clashes.length) throw new ValidationError(clashes);
  return `${lines.join('\n')}\n`;
}
