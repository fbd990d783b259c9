// Trusted documents: `npm run codegen` writes operations/generated/persisted-documents.json (sha256 -> document)
// from operations/. Service accounts may only run those, named by Apollo's
// `extensions.persistedQuery.sha256Hash`; users may also send free-form documents.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';
import type { Actor } from '../identity/actor.js';
import { PersistedQueryRequiredError, ValidationError } from '../lib/errors.js';

export const MANIFEST_PATH = fileURLToPath(new URL('../operations/generated/persisted-documents.json', import.meta.url));

export interface PersistedDocuments {
  get(sha256Hash: string): string | undefined;
  readonly size: number;
}

export function loadPersistedDocuments(path = MANIFEST_PATH): PersistedDocuments {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  const byHash = new Map(Object.entries(manifest));
  return { get: (hash) => byHash.get(hash), size: byHash.size };
}

interface GraphQLRequestBody {
  query?: string;
  extensions?: Record<string, unknown> | null;
}

/**
 * Resolves a persisted-operation request into its document (and strips the extension, so Apollo's own APQ,
 * which is off, never sees it). Returns the error to send instead, if any.
 */
export function resolvePersistedDocument(body: GraphQLRequestBody, actor: Actor | null, documents: PersistedDocuments): Error | undefined {
  const persisted = body.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  const hash = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
  const isService = actor?.type === 'SERVICE';
  if (!hash) {
    return isService
      ? new PersistedQueryRequiredError('Service accounts must name a persisted operation with extensions.persistedQuery.sha256Hash')
      : undefined;
  }
  const document = documents.get(hash);
  if (!document) {
    if (isService) return new PersistedQueryRequiredError('Unknown persisted operation; only operations in the manifest may run');
    if (!body.query) return new ValidationError('Unknown persisted operation hash; send the query text');
    if (createHash('sha256').update(body.query).digest('hex') !== hash) return new ValidationError('Persisted operation hash does not match the query');
  } else {
    if (body.query && body.query !== document) return new ValidationError('Query text does not match the persisted operation');
    body.query = document;
  }
  if (body.extensions) {
    const { persistedQuery: _dropped, ...rest } = body.extensions;
    body.extensions = rest;
  }
  return undefined;
}

/** Express middleware (after authentication, before Apollo). */
export function persistedDocumentsMiddleware(
  documents: PersistedDocuments,
  onRefused: (actor: Actor, reason: string) => Promise<void>,
): RequestHandler {
  return async (req, res, next) => {
    const actor: Actor | null = res.locals.actor ?? null;
    const refuse = async (error: Error) => {
      // A service account sending a free-form document is a denial worth auditing.
      if (actor && error instanceof PersistedQueryRequiredError) await onRefused(actor, error.message);
      sendError(res, error);
    };
    if (req.method !== 'POST') {
      if (actor?.type === 'SERVICE') return refuse(new PersistedQueryRequiredError('Service accounts must POST persisted operations'));
      return next();
    }
    const body = req.body as GraphQLRequestBody | GraphQLRequestBody[] | undefined;
    if (!body || typeof body !== 'object') return next();
    for (const item of Array.isArray(body) ? body : [body]) {
      const error = resolvePersistedDocument(item, actor, documents);
      if (error) return refuse(error);
    }
    next();
  };
}

function sendError(res: Parameters<RequestHandler>[1], error: Error & { extensions?: Record<string, unknown> }) {
  const { issues: _issues, ...extensions } = error.extensions ?? {};
  res.status(400).json({ errors: [{ message: error.message, extensions }] });
}
