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
 * `npm run bench:sim` (bench/retry-sim.ts); its figures, and the price (a job turned away in a small burst waits
 * longer than it needed), are in bench/results.md.
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

/**
 * The connection failed; `connected` says whether the server may have received the request. Defined here, with the
 * policy that reads it, so that the clients can tell it apart without loading the HTTP stack.
 */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    readonly connected: boolean,
  ) {
    super(code);
    this.name = 'TransportError';
  }
}

/** Errors raised before a connection existed: the server cannot have seen the request. */
export const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * The server's certificate was refused (untrusted CA, wrong name, expired): nothing was sent, and asking again
 * brings the same certificate, so these fail at once instead of after a minute of retries.
 */
export const CERTIFICATE_ERROR = /^(ERR_TLS_CERT_ALTNAME_INVALID|[A-Z_]*CERT[A-Z_]*|UNABLE_TO_[A-Z_]+)\b/;

/** Time for the policy and its waits: the clients pass the real one, tests their own. */
export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

/** What the policy reads of the clock. */
type PolicyClock = Pick<RetryClock, 'now' | 'random'>;

export function decideRetry(method: string, outcome: Outcome, history: RetryHistory, clock: PolicyClock): Decision {
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
  clock: PolicyClock,
): number {
  const resetMs = rateLimitDelayMs(outcome.rateLimitReset, clock.now() / 1000) ?? DEFAULT_RESET_MS;
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

/** One attempt of a request, as its client reads it. */
export interface Attempt<T> {
  /** What the policy needs to know of it; null: nothing it retries (a success, or a failure it cannot read). */
  readonly outcome: Outcome | null;
  /** For the retry log line: `answered 503`, `failed (ECONNRESET)`. */
  readonly what: string;
  /** The server may have processed it: the client cannot tell a write did not happen. */
  readonly mayHaveApplied: boolean;
  /** The request's final answer from this attempt (or its error); `applied`: some attempt may have been processed. */
  readonly finish: (applied: boolean) => T;
}

/** What differs between the clients that share the one retrying loop. */
export interface RetryingRequest<T> {
  /** The method as the policy reads it (a repeatable PATCH is retried as a PUT). */
  readonly method: string;
  readonly clock: RetryClock;
  /** No attempt starts, and no retry waits, past this (epoch ms): the step's time budget. */
  readonly deadline: number;
  /** Bounds the whole request, 429 waits included, from its start; without one, only the deadline bounds 429s. */
  readonly maxTotalMs?: number;
  readonly send: () => Promise<Attempt<T>>;
  /** The error for an attempt not sent because the deadline had passed; `applied`: an earlier one may have been. */
  readonly notSent: (applied: boolean) => Error;
  /** Runs each attempt (a pacer: in-flight slots and rate-limit holds); without one, at once. */
  readonly pace?: (attempt: () => Promise<Attempt<T>>) => Promise<Attempt<T>>;
  /** Told of each 429 with the time (epoch ms) its X-RateLimit-Reset names, to hold back the step's other requests. */
  readonly onRateLimited?: (resetAt: number) => void;
  readonly onRetry?: (attempt: number, what: string, delayMs: number) => void;
}

/**
 * One request to its final answer under the one policy: every attempt within the deadline (checked after any wait
 * for a pacing slot, which may end past it), a 429 never repeated before its reset, and, once an attempt may have
 * been processed, the request's answer says so (sent means maybe applied).
 */
export async function sendRetrying<T>(request: RetryingRequest<T>): Promise<T> {
  const { clock, deadline } = request;
  const started = clock.now();
  const pace = request.pace ?? ((attempt) => attempt());
  let history: RetryHistory = { attempt: 0, elapsedMs: 0, rateLimited: 0 };
  let applied = false;
  for (let attempts = 0; ;) {
    const tried = clock.now();
    const attempt = await pace(() => {
      if (clock.now() >= deadline) throw request.notSent(applied);
      return request.send();
    });
    applied ||= attempt.mayHaveApplied;
    const { outcome } = attempt;
    if (outcome === null) return attempt.finish(applied);
    history = nextHistory(history, outcome, clock.now() - tried);
    const now = clock.now();
    const decision = decideRetry(request.method, outcome, history, clock);
    if (history.rateLimited > 0) request.onRateLimited?.(now + resetMs(outcome, now));
    if (!decision.retry || now + decision.delayMs >= deadline) return attempt.finish(applied);
    if (request.maxTotalMs !== undefined && now - started + decision.delayMs > request.maxTotalMs)
      return attempt.finish(applied);
    if (history.rateLimited === 0) history = { ...history, elapsedMs: history.elapsedMs + decision.delayMs };
    request.onRetry?.(++attempts, attempt.what, decision.delayMs);
    await clock.sleep(decision.delayMs);
  }
}

function resetMs(outcome: Outcome, nowMs: number): number {
  return ('rateLimitReset' in outcome ? rateLimitDelayMs(outcome.rateLimitReset, nowMs / 1000) : null) ?? 0;
}

/**
 * How one step shares its credential's rate limit with every other job on it. Independent requests go out together,
 * but at most MAX_IN_FLIGHT at once: 8 is a quarter of HCP Terraform's 30 requests per second, so one step's burst
 * leaves most of the credential's second to other jobs, and it is enough to send a scoped create's look-ups and
 * grants (10 workspaces and 2 projects) in two rounds each. Once an answer has named X-RateLimit-Limit, the step
 * never sends more than that many requests in any second on its own; after a 429, nothing goes before its reset.
 */
export const MAX_IN_FLIGHT = 8;

/** X-RateLimit-Limit outside this range is not a limit this action paces itself by (an odd proxy, a typo). */
const MAX_TRUSTED_LIMIT = 100_000;
const SECOND_MS = 1000;

export interface PacerClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export class Pacer {
  readonly #clock: PacerClock;
  readonly #waiting: Array<() => void> = [];
  /** When each request of the last second was sent, oldest first. */
  readonly #sent: number[] = [];
  #inFlight = 0;
  #limit = Infinity;
  #notBefore = 0;

  constructor(clock: PacerClock) {
    this.#clock = clock;
  }

  /** Runs `send` once a slot is free and the limit allows; the slot is freed when it settles. */
  async run<T>(send: () => Promise<T>): Promise<T> {
    await this.#slot();
    try {
      await this.#turn();
      return await send();
    } finally {
      this.#free();
    }
  }

  /** Reads X-RateLimit-Limit from an answer; the lowest limit seen wins. */
  learnLimit(header: string | string[] | undefined): void {
    const value = Number(Array.isArray(header) ? header[0] : header);
    if (Number.isInteger(value) && value > 0 && value <= MAX_TRUSTED_LIMIT) this.#limit = Math.min(this.#limit, value);
  }

  /** No request of this step is sent before `time` (epoch ms): the server's reset after a 429. */
  holdUntil(time: number): void {
    this.#notBefore = Math.max(this.#notBefore, time);
  }

  async #slot(): Promise<void> {
    if (this.#inFlight < MAX_IN_FLIGHT) {
      this.#inFlight++;
      return;
    }
    // The slot is handed over by #free, so the count stays as it is.
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #free(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#inFlight--;
  }

  /** Waits until a reset has passed and fewer than the limit were sent in the last second, then counts this send. */
  async #turn(): Promise<void> {
    for (;;) {
      const now = this.#clock.now();
      while (this.#sent.length > 0 && (this.#sent[0] as number) <= now - SECOND_MS) this.#sent.shift();
      const paced = this.#sent.length >= this.#limit ? (this.#sent[0] as number) + SECOND_MS - now : 0;
      const wait = Math.max(this.#notBefore - now, paced);
      if (wait <= 0) {
        this.#sent.push(now);
        return;
      }
      await this.#clock.sleep(wait);
    }
  }
}
