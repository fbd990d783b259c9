// Which URLs a rotation webhook may call. Whoever can edit a secret's metadata chooses its webhook URL, so
// without this list anyone with UPDATE could aim the server at an internal address (SSRF). The operator
// lists URL prefixes in SECRETS_ROTATION_WEBHOOK_ALLOWLIST; empty (the default) allows nothing.
//
// An entry matches when scheme, host and port are equal (an entry host `*.example.com` matches any
// subdomain of example.com, not example.com itself) and the URL's path starts with the entry's path at a
// segment boundary. URLs with credentials are never allowed. Plain string prefixes would be unsafe:
// `https://hooks.example.com` is a string prefix of `https://hooks.example.com.evil.net/`.

interface AllowEntry {
  protocol: string;
  host: string;
  wildcard: boolean;
  port: string;
  path: string;
}

function parseEntry(entry: string): AllowEntry | undefined {
  try {
    const wildcard = /^[a-z]+:\/\/\*\./i.test(entry);
    const url = new URL(wildcard ? entry.replace('://*.', '://') : entry);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username || url.password || url.search || url.hash) return undefined;
    return { protocol: url.protocol, host: url.hostname, wildcard, port: url.port, path: url.pathname };
  } catch {
    return undefined;
  }
}

export interface WebhookAllowlist {
  /** True when `url` may be called. */
  allows(url: string): boolean;
  readonly size: number;
}

export function createWebhookAllowlist(entries: readonly string[]): WebhookAllowlist {
  const parsed = entries.map((e) => {
    const entry = parseEntry(e);
    if (!entry) throw new Error(`Invalid rotation webhook allowlist entry (http(s) URL prefix expected)`);
    return entry;
  });
  return {
    size: parsed.length,
    allows(candidate) {
      let url: URL;
      try {
        url = new URL(candidate);
      } catch {
        return false;
      }
      if (url.username || url.password) return false;
      return parsed.some((entry) => {
        if (url.protocol !== entry.protocol || url.port !== entry.port) return false;
        const hostOk = entry.wildcard ? url.hostname.endsWith(`.${entry.host}`) : url.hostname === entry.host;
        if (!hostOk) return false;
        if (entry.path === '/' || url.pathname === entry.path) return true;
        const base = entry.path.endsWith('/') ? entry.path : `${entry.path}/`;
        return url.pathname.startsWith(base);
      });
    },
  };
}
