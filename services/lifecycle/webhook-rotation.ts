// The webhook rotation handler: POSTs the secret's metadata (never its value) to `metadata.rotation.webhookUrl`
// and takes the new value from the JSON answer `{ "value": { ...typed value... } }`. Only allowlisted URLs
// are called, redirects are not followed (a redirect could leave the allowlist), each call has a timeout,
// transient failures (network, timeout, 429, 5xx) are retried a few times, and the answer is size-capped
// and validated against the secret's type. Every failure is a RotationError with a sanitized message that
// names the problem, never the response body.
import { RotationError } from '../../lib/errors.js';
import type { SecretRow } from '../../models/schema.js';
import { validateSecretValue, type SecretType } from '../secret-types/index.js';
import type { WebhookAllowlist } from './webhook-allowlist.js';

export interface WebhookRotationOptions {
  allowlist: WebhookAllowlist;
  timeoutMs: number;
  /** Further attempts after a transient failure. */
  retries: number;
  maxValueBytes: number;
  /** Waits between attempts (injected so tests need not sleep long). */
  sleep?: (ms: number) => Promise<void>;
}

/** What the webhook receives. */
export interface WebhookRotationRequest {
  event: 'secret.rotation_requested';
  secretId: string;
  name: string;
  type: string;
  scope: string;
  organizationId: string | null;
  teamId: string | null;
  projectId: string | null;
  currentVersion: number;
  metadata: unknown;
  requestedAt: string;
}

class TransientFailure extends Error {}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export type WebhookRotation = ReturnType<typeof createWebhookRotation>;

export function createWebhookRotation(options: WebhookRotationOptions) {
  const sleep = options.sleep ?? defaultSleep;
  const maxResponseBytes = options.maxValueBytes * 2 + 4096;

  async function readCapped(response: Response): Promise<string> {
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxResponseBytes) throw new RotationError('Rotation webhook response is too large');
    if (!response.body) return '';
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxResponseBytes) throw new RotationError('Rotation webhook response is too large');
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function callOnce(url: string, body: string, type: SecretType): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new TransientFailure(timedOut ? `Rotation webhook timed out after ${options.timeoutMs} ms` : 'Rotation webhook is unreachable');
    }
    let text: string;
    try {
      text = await readCapped(response);
    } catch (error) {
      if (error instanceof RotationError) throw error;
      throw new TransientFailure(`Rotation webhook timed out after ${options.timeoutMs} ms`);
    }
    if (response.status === 429 || response.status >= 500) throw new TransientFailure(`Rotation webhook answered HTTP ${response.status}`);
    if (response.status >= 300 && response.status < 400) throw new RotationError(`Rotation webhook answered a redirect (HTTP ${response.status}); redirects are not followed`);
    if (response.status !== 200) throw new RotationError(`Rotation webhook answered HTTP ${response.status}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new RotationError('Rotation webhook response is not JSON');
    }
    const value = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>).value : undefined;
    if (value === undefined) throw new RotationError('Rotation webhook response lacks a "value" object');
    try {
      return validateSecretValue(type, value, { maxBytes: options.maxValueBytes });
    } catch (error) {
      // The validation message lists paths and rules, never the value itself.
      throw new RotationError(`Rotation webhook returned an invalid ${type} value: ${(error as Error).message}`);
    }
  }

  return {
    /** Asks the secret's webhook for a new value; throws RotationError when it cannot be had. */
    async generate(secret: SecretRow, url: string, now: Date): Promise<Record<string, unknown>> {
      if (!options.allowlist.allows(url)) {
        throw new RotationError('Rotation webhook URL is not allowed by SECRETS_ROTATION_WEBHOOK_ALLOWLIST');
      }
      const request: WebhookRotationRequest = {
        event: 'secret.rotation_requested',
        secretId: secret.id,
        name: secret.name,
        type: secret.type,
        scope: secret.scope,
        organizationId: secret.organizationId,
        teamId: secret.teamId,
        projectId: secret.projectId,
        currentVersion: secret.currentVersion,
        metadata: secret.metadata,
        requestedAt: now.toISOString(),
      };
      const body = JSON.stringify(request);
      let last: TransientFailure | undefined;
      for (let attempt = 0; attempt <= options.retries; attempt++) {
        if (attempt > 0) await sleep(Math.min(250 * 2 ** (attempt - 1), options.timeoutMs));
        try {
          return await callOnce(url, body, secret.type as SecretType);
        } catch (error) {
          if (!(error instanceof TransientFailure)) throw error;
          last = error;
        }
      }
      throw new RotationError(`${last!.message} (${options.retries + 1} attempts)`);
    },
  };
}
