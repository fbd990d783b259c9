// Per-request context carried through async calls, so every log line and every error boundary knows the
// request id without threading it through each function.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  actorId?: string;
  organizationId?: string;
  /** The client's address (X-Forwarded-For honoured only from TRUSTED_PROXIES; see lib/client-ip.ts). */
  ip?: string;
  userAgent?: string;
  /** Audit writes started outside the request's transactions (denials); the response waits for them. */
  pendingAudit?: Promise<unknown>[];
  /** Error codes of the GraphQL response, for the request log line. */
  errorCodes?: string[];
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;
