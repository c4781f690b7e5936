import { STATUS_CODES } from 'node:http';
import { document, JSON_API, type Reply } from './jsonapi.js';
import type { Fault, FaultKind } from './types.js';

/** Injected faults: which request gets one, and what is delivered instead of (or after) the real answer. */

interface Queued {
  readonly method: string | undefined;
  readonly path: string | RegExp | undefined;
  times: number;
  skip: number;
  readonly fault: FaultKind;
}

export class FaultQueue {
  #queued: Queued[] = [];

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (times > 0)
      this.#queued.push({
        method: fault.method?.toUpperCase(),
        path: fault.path,
        times,
        skip: fault.skip ?? 0,
        fault: fault.fault,
      });
  }

  clear(): void {
    this.#queued = [];
  }

  /**
   * The fault for this request, if any. Faults are tried in the order injected; a matching fault that still has
   * requests to skip counts this one as skipped and lets the next fault try, so each fault counts its own matches.
   */
  take(method: string, path: string): FaultKind | null {
    for (const entry of this.#queued) {
      if (!matches(entry, method, path)) continue;
      if (entry.skip > 0) {
        entry.skip--;
        continue;
      }
      entry.times--;
      if (entry.times <= 0) this.#queued = this.#queued.filter((other) => other !== entry);
      return entry.fault;
    }
    return null;
  }
}

function matches(entry: Queued, method: string, path: string): boolean {
  if (entry.method !== undefined && entry.method !== method) return false;
  if (entry.path === undefined) return true;
  return typeof entry.path === 'string'
    ? entry.path === path
    : new RegExp(entry.path.source, entry.path.flags.replace('g', '')).test(path);
}

/** What reaches the client: an answer (maybe cut in half), a reset connection, or nothing at all. */
export type Delivery =
  | { readonly reply: Reply; readonly truncate?: true; readonly drip?: true }
  | { readonly oversizedBytes: number }
  | 'reset'
  | 'hang';

/** `act` runs the request for real (state changes); faults that must not act never call it. */
export function deliver(fault: FaultKind, act: () => Reply): Delivery {
  switch (fault.kind) {
    case 'status':
      return { reply: fixedReply(fault.status, fault.body, fault.contentType, fault.headers) };
    case 'rate-limit':
      return { reply: rateLimited(fault.resetSeconds) };
    case 'redirect':
      return { reply: redirect(fault.status ?? 302, fault.location) };
    case 'reset-before':
      return 'reset';
    case 'hang':
      return 'hang';
    case 'reset-after':
      act();
      return 'reset';
    case 'status-after':
      act();
      return { reply: fixedReply(fault.status, fault.body, fault.contentType) };
    case 'truncate':
      return { reply: act(), truncate: true };
    case 'hang-after':
      act();
      return 'hang';
    case 'drip':
      return { reply: act(), drip: true };
    case 'oversized':
      return { oversizedBytes: fault.bytes };
    case 'rewrite': {
      const real = act();
      const rewritten = fault.rewrite(real.body ? JSON.parse(real.body) : null, real.status);
      return { reply: { ...real, status: rewritten.status ?? real.status, body: JSON.stringify(rewritten.body) } };
    }
    case 'non-json': {
      const real = act();
      return {
        reply: {
          status: real.status,
          headers: { ...real.headers, 'Content-Type': 'text/html' },
          body: htmlPage(real.status),
        },
      };
    }
  }
}

/**
 * The documented 429: the body has a numeric status, and X-RateLimit-Reset is relative seconds (as go-tfe reads it).
 */
export function rateLimited(resetSeconds: number): Reply {
  const reply = document(429, {
    errors: [{ detail: "You have exceeded the API's rate limit.", status: 429, title: 'Too many requests' }],
  });
  return { ...reply, headers: { ...reply.headers, 'X-RateLimit-Reset': resetSeconds.toFixed(3) } };
}

/** Without a body, a proxy-style HTML page; without a content type, JSON:API if the body parses as JSON. */
function fixedReply(
  status: number,
  body?: string | (() => string),
  contentType?: string,
  headers: Record<string, string> = {},
): Reply {
  const text = (typeof body === 'function' ? body() : body) ?? htmlPage(status);
  return {
    status,
    headers: { 'Content-Type': contentType ?? (isJson(text) ? JSON_API : 'text/html'), ...headers },
    body: text,
  };
}

function redirect(status: number, location: string): Reply {
  return {
    status,
    headers: { Location: location, 'Content-Type': 'text/html' },
    body: `<html><body>You are being <a href="${location}">redirected</a>.</body></html>`,
  };
}

function htmlPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
  const body = `<center><h1>${title}</h1></center><hr><center>nginx</center>`;
  return `<html><head><title>${title}</title></head><body>${body}</body></html>`;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
