/**
 * The one retry policy. A 429 was not processed, so any method may repeat it after the server's reset time.
 * A 5xx or a broken connection may hide a processed request: only GET, DELETE and PUT (idempotent) repeat those,
 * and a POST repeats only when the connection was never made. Everything stops within MAX_ELAPSED_MS.
 */
export const MAX_ATTEMPTS = 10;
export const MAX_ELAPSED_MS = 60_000;
const MAX_JITTER_MS = 300;

export type Outcome =
  | { readonly status: number; readonly rateLimitReset?: string | undefined }
  | { readonly networkError: string; readonly connected: boolean };

export type Decision = { readonly retry: false } | { readonly retry: true; readonly delayMs: number };

/** Errors raised before a connection existed: the server cannot have seen the request. */
export const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * The server's certificate was refused (untrusted CA, wrong name, expired): nothing was sent, and asking again
 * brings the same certificate, so these fail at once instead of after a minute of retries.
 */
export const CERTIFICATE_ERROR = /^(ERR_TLS_CERT_ALTNAME_INVALID|[A-Z_]*CERT[A-Z_]*|UNABLE_TO_[A-Z_]+)\b/;

export interface RetryClock {
  readonly nowSeconds: number;
  readonly random: () => number;
}

export function decideRetry(
  method: string,
  outcome: Outcome,
  attempt: number,
  elapsedMs: number,
  clock: RetryClock,
): Decision {
  if (attempt >= MAX_ATTEMPTS) return { retry: false };
  const delay = baseDelayMs(method, outcome, attempt, clock.nowSeconds);
  if (delay === null) return { retry: false };
  const delayMs = Math.round(delay + clock.random() * MAX_JITTER_MS);
  return elapsedMs + delayMs > MAX_ELAPSED_MS ? { retry: false } : { retry: true, delayMs };
}

function baseDelayMs(method: string, outcome: Outcome, attempt: number, nowSeconds: number): number | null {
  const idempotent = method === 'GET' || method === 'DELETE' || method === 'PUT';
  if ('networkError' in outcome) {
    if (CERTIFICATE_ERROR.test(outcome.networkError)) return null;
    return idempotent || !outcome.connected ? backoffMs(attempt) : null;
  }
  if (outcome.status === 429) return rateLimitDelayMs(outcome.rateLimitReset, nowSeconds) ?? backoffMs(attempt);
  if (idempotent && [500, 502, 503, 504].includes(outcome.status)) return backoffMs(attempt);
  return null;
}

function backoffMs(attempt: number): number {
  return Math.min(500 * 2 ** (attempt - 1), 8_000);
}

/**
 * HCP Terraform sends X-RateLimit-Reset as seconds (a float) until the window resets, as go-tfe reads it.
 * A value that looks like a Unix time is taken as one, in case a proxy or a future server sends that form.
 */
export function rateLimitDelayMs(header: string | undefined, nowSeconds: number): number | null {
  if (header === undefined || !/^\d+(\.\d+)?$/.test(header.trim())) return null;
  const value = Number(header);
  const seconds = value > 1e9 ? value - nowSeconds : value;
  return Math.min(Math.max(seconds, 0), 30) * 1000;
}
