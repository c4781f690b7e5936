import { getOctokit } from '@actions/github';
import { AmbiguousRequestError, errorMessage } from '../../common/errors.js';
import {
  MAX_ELAPSED_MS,
  sendRetrying,
  type Attempt,
  type Outcome,
  type RetryClock,
  TransportError,
} from '../../transport/retry.js';
import type { Transport } from '../../transport/transport.js';

// GitHub's REST calls for the secrets module: @actions/github's Octokit with a fetch backed by the action's transport
// (HttpClient), so the same proxy handling, deadline, body cap and no-redirect rule apply as to every HCP Terraform
// call, and the same retrying path as the HCP Terraform client.

export interface GitHubConnection {
  readonly token: string;
  /** GITHUB_API_URL (GitHub Enterprise Server) or https://api.github.com, without a trailing slash. */
  readonly apiUrl: string;
  readonly userAgent: string;
}

/** A non-2xx answer or an unreachable GitHub, reduced to what is safe to print: never a request or a body. */
export class GitHubCallError extends Error {
  constructor(
    readonly status: number | null,
    detail: string,
  ) {
    super(detail);
    this.name = 'GitHubCallError';
  }
}

/**
 * Where Octokit's own messages go (a deprecation warning quotes the server's `Sunset` and `Link` headers): the
 * caller's guarded printer, never the console, which would print server text unscrubbed and undefused.
 */
export interface GitHubLog {
  debug(message: string): void;
  warning(message: string): void;
}

export interface GitHubCallOptions {
  readonly clock?: RetryClock;
  /**
   * When the step's time budget ends (epoch ms): no request starts, and no retry waits, past it, as for every HCP
   * Terraform request. Without one, only the retry policy's elapsed bound per request.
   */
  readonly deadline?: number;
  readonly log?: GitHubLog;
}

const REAL_CLOCK: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

const GITHUB_API_VERSION = { 'X-GitHub-Api-Version': '2022-11-28' };

export interface Api {
  get(path: string): Promise<unknown>;
  put(path: string, body: Record<string, unknown>): Promise<number>;
}

export function githubApi(connection: GitHubConnection, transport: Transport, options: GitHubCallOptions): Api {
  const clock = options.clock ?? REAL_CLOCK;
  const deadline = options.deadline ?? Infinity;
  const octokit = getOctokit(connection.token, {
    baseUrl: connection.apiUrl,
    userAgent: connection.userAgent,
    // Both: Octokit keeps its own logger, and the request layer reads the one under `request` (or the console).
    request: { fetch: transportFetch(transport), log: octokitLog(options.log) },
    log: octokitLog(options.log),
  });
  type Answer = Awaited<ReturnType<typeof octokit.request>>;
  const attempt = async (method: string, path: string, body: Record<string, unknown> | null) => {
    try {
      const answer = await octokit.request(`${method} ${path}`, { ...body, headers: GITHUB_API_VERSION });
      return { outcome: null, what: 'answered', mayHaveApplied: true, finish: () => answer } as Attempt<Answer>;
    } catch (error) {
      const failure = callError(error, method, path);
      return {
        outcome: outcomeOf(error),
        what: 'failed',
        mayHaveApplied: failure instanceof AmbiguousRequestError,
        finish: (applied: boolean) => {
          throw settledOrNot(failure, applied, method, path);
        },
      } as Attempt<Answer>;
    }
  };
  // A rotation is one job, not a fleet: its GitHub calls, 429s included, end within the policy's elapsed bound, and
  // every one of them within the step's budget, which the HCP Terraform requests share.
  const call = (method: string, path: string, body: Record<string, unknown> | null) =>
    sendRetrying({
      method,
      clock,
      deadline,
      maxTotalMs: MAX_ELAPSED_MS,
      send: () => attempt(method, path, body),
      notSent: (applied) =>
        settledOrNot(
          new GitHubCallError(null, `${method} ${path.split('?')[0]} was not sent: the step's time budget is spent`),
          applied,
          method,
          path,
        ),
    });
  return {
    get: async (path) => (await call('GET', path, null)).data as unknown,
    put: async (path, body) => (await call('PUT', path, body)).status,
  };
}

/** Octokit's logger: only the message string, never its extra object (which may hold the request and its token). */
function octokitLog(log: GitHubLog | undefined) {
  const say = (print: (message: string) => void) => (message: unknown) => print(String(message));
  const debug = say((message) => log?.debug(message));
  const warning = say((message) => log?.warning(message));
  return { debug, info: debug, warn: warning, error: warning };
}

/** What the one retry policy needs to know of a failed call (the same policy as every HCP Terraform call). */
function outcomeOf(error: unknown): Outcome | null {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof TransportError) return { networkError: cause.code, connected: cause.connected };
  const { status, response } = error as { status?: unknown; response?: { headers?: Record<string, unknown> } };
  if (typeof status !== 'number' || !response) return null;
  const reset = response.headers?.['x-ratelimit-reset'];
  return { status, rateLimitReset: typeof reset === 'string' ? reset : undefined };
}

/**
 * Octokit's errors reduced to a status and GitHub's one-line message; never the request, which holds the token. A
 * write that may have reached GitHub (connected, or a 5xx) is ambiguous: the secret may hold the new value.
 */
function callError(error: unknown, method: string, path: string): Error {
  const plain = reducedError(error, method, path);
  const cause = (error as { cause?: unknown }).cause;
  const sent = cause instanceof TransportError ? cause.connected : (plain.status ?? 0) >= 500;
  if (method !== 'GET' && sent) return new AmbiguousRequestError(method, path.split('?')[0] ?? path, plain.message);
  return plain;
}

/**
 * Sent means maybe applied: once one attempt of a write may have been processed, a later attempt's plain refusal
 * (a 403, say) does not undo it, so the write's outcome stays unknown.
 */
function settledOrNot(failure: Error, applied: boolean, method: string, path: string): Error {
  if (!applied || failure instanceof AmbiguousRequestError) return failure;
  return new AmbiguousRequestError(
    method,
    path.split('?')[0] ?? path,
    `${errorMessage(failure)}, after an earlier attempt that may have been processed`,
  );
}

function reducedError(error: unknown, method: string, path: string): GitHubCallError {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof TransportError)
    return new GitHubCallError(null, `GitHub could not be reached (${clean(cause.code)})`);
  const { status, response } = error as { status?: unknown; response?: { data?: unknown } };
  if (typeof status !== 'number' || (status === 500 && !response)) {
    return new GitHubCallError(null, `GitHub could not be reached (${clean(errorMessage(cause ?? error))})`);
  }
  const data = response?.data;
  if (status >= 200 && status < 300) {
    return new GitHubCallError(null, `GitHub answered ${method} ${path.split('?')[0]} with a body that is not JSON`);
  }
  return new GitHubCallError(
    status,
    `GitHub answered ${status}${githubMessage(typeof data === 'string' ? data : JSON.stringify(data ?? null))}`,
  );
}

/**
 * A fetch for Octokit on top of the action's transport: it sends exactly the request it is given and answers with
 * whatever came back (redirects are not followed, so the token only goes to the API URL).
 */
function transportFetch(transport: Transport): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    const body = typeof init?.body === 'string' ? init.body : null;
    const answer = await transport.send(init?.method ?? 'GET', url, body, headers);
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) answerHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const empty = [204, 205, 304].includes(answer.status);
    const response = new Response(empty ? null : answer.body, { status: answer.status, headers: answerHeaders });
    Object.defineProperty(response, 'url', { value: url });
    return response;
  }) as typeof fetch;
}

/**
 * GitHub's own one-line `message`, without control characters; never the rest of the body. Not cut here: the guarded
 * printer scrubs the github-token out of it first, then cuts the line.
 */
function githubMessage(body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown } | null)?.message;
    return typeof message === 'string' && message ? ` (${clean(message)})` : '';
  } catch {
    return '';
  }
}

function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
