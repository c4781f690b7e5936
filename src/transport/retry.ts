/**
 * The one retry policy. A 429 was not processed, so any method may repeat it after the server's reset time; a shared
 * limit drains with time, so 429s are bounded only by the step's own time budget (the client's deadline), never by
 * a count. A 5xx or a broken connection may hide a processed request: only GET, DELETE and PUT (idempotent) repeat
 * those, and a POST repeats only when the connection was never made; those stop after MAX_ATTEMPTS or MAX_ELAPSED_MS.
 */
export const MAX_ATTEMPTS = 10;
export const MAX_ELAPSED_MS = 60_000;
const MAX_JITTER_MS = 300;

/**
 * A herd that waits out one reset arrives together and collides again, so each 429 adds a random share of a window
 * chosen by how many 429s in a row this request has met: 16 s for the first, 20 s for the second, 6 s from the third.
 * The first two are wide because a 429 means the credential's whole second is taken, and together they spread a
 * burst over about the time the limit needs to serve it. A request turned away a third time has already waited out
 * most of such a burst, so it is in the burst's tail, where few jobs are left: a short window there keeps the
 * credential busy instead of leaving it idle while the last jobs sleep out long draws. The windows were chosen with
 * `npm run bench:sim` (bench/retry-sim.ts), which simulates the emulator's fixed one-second windows: in the burst
 * model (100 jobs at 3 requests per second) they drain each phase in about 1.2 times the rate limit's floor with
 * about 2.4 answers of 429 per job, against 1.4 times for windows of 8 s doubling to 16 s. The price: a job turned
 * away in a small burst waits up to 16 s more than it needed.
 */
export const RATE_LIMIT_WINDOWS_MS: readonly number[] = [16_000, 20_000, 6_000];

/** A 429 without a usable X-RateLimit-Reset waits for the next one-second window, the documented limit's unit. */
const DEFAULT_RESET_MS = 1_000;

export type Outcome =
  | { readonly status: number; readonly rateLimitReset?: string | undefined }
  | { readonly networkError: string; readonly connected: boolean };

export type Decision = { readonly retry: false } | { readonly retry: true; readonly delayMs: number };

/** What one request has been through so far, the outcome being decided included. */
export interface RetryHistory {
  /** Attempts that failed other than with a 429. */
  readonly attempt: number;
  /** Time spent on this request, less the time spent waiting out 429s. */
  readonly elapsedMs: number;
  /** 429 answers in a row, up to and including this outcome. */
  readonly rateLimited: number;
}

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

export function decideRetry(method: string, outcome: Outcome, history: RetryHistory, clock: RetryClock): Decision {
  if ('status' in outcome && outcome.status === 429)
    return { retry: true, delayMs: rateLimitWaitMs(outcome, history, clock) };
  const { attempt, elapsedMs } = history;
  if (attempt >= MAX_ATTEMPTS) return { retry: false };
  const delay = baseDelayMs(method, outcome, attempt);
  if (delay === null) return { retry: false };
  const delayMs = Math.round(delay + clock.random() * MAX_JITTER_MS);
  return elapsedMs + delayMs > MAX_ELAPSED_MS ? { retry: false } : { retry: true, delayMs };
}

/** Never before the reset; then a random share of the window for this many consecutive 429s (full jitter). */
export function rateLimitWaitMs(
  outcome: { readonly rateLimitReset?: string | undefined },
  history: Pick<RetryHistory, 'rateLimited'>,
  clock: RetryClock,
): number {
  const resetMs = rateLimitDelayMs(outcome.rateLimitReset, clock.nowSeconds) ?? DEFAULT_RESET_MS;
  const windows = RATE_LIMIT_WINDOWS_MS;
  const window = windows[Math.min(Math.max(history.rateLimited, 1), windows.length) - 1] as number;
  return Math.ceil(resetMs + clock.random() * window);
}

function baseDelayMs(method: string, outcome: Outcome, attempt: number): number | null {
  const idempotent = method === 'GET' || method === 'DELETE' || method === 'PUT';
  if ('networkError' in outcome) {
    if (CERTIFICATE_ERROR.test(outcome.networkError)) return null;
    return idempotent || !outcome.connected ? backoffMs(attempt) : null;
  }
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

/** A 429 counts toward the run of 429s; any other failure ends that run and counts as an attempt. */
export function nextHistory(history: RetryHistory, outcome: Outcome, attemptMs: number): RetryHistory {
  if ('status' in outcome && outcome.status === 429) return { ...history, rateLimited: history.rateLimited + 1 };
  return { attempt: history.attempt + 1, elapsedMs: history.elapsedMs + attemptMs, rateLimited: 0 };
}
