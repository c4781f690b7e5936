import { AmbiguousRequestError, ApiError, UntrustedAnswerError } from '../../common/errors.js';
import {
  MAX_IN_FLIGHT,
  Pacer,
  sendRetrying,
  type Attempt,
  type Outcome,
  TransportError,
} from '../../transport/retry.js';
import type { RawResponse, Transport } from '../../transport/transport.js';
import { describeFailure, readAllPages, type Json, type ListCap } from './jsonapi.js';
export { ListCapError, type Json, type ListCap } from './jsonapi.js';

export const JSON_API = 'application/vnd.api+json';

export interface ClientOptions {
  readonly hostname: string;
  readonly apiToken: string;
  readonly transport: Transport;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly random: () => number;
  readonly log: (message: string) => void;
  /** A warning about the server's answer (a value dropped as unreadable); defaults to `log`. */
  readonly warn?: (message: string) => void;
  /**
   * When the step's time budget runs out (epoch ms): no attempt starts, and no retry waits, past it. It is what
   * bounds the waiting out of 429s. Without one, the budget is DEFAULT_BUDGET_MS from the client's creation.
   */
  readonly deadline?: number;
}

export const DEFAULT_BUDGET_MS = 15 * 60_000;

/**
 * What the server's answers said it is, as last sent: TFP-AppName, X-TFE-Current-Version (numeric, `1.1.0`) and
 * X-TFE-Version (the release, `v202409-1`).
 */
export interface ServerHeaders {
  readonly appName: string | null;
  readonly currentVersion: string | null;
  readonly release: string | null;
}
type Query = Readonly<Record<string, string | number>>;

/**
 * One request core for every resource module: base URL, auth, JSON:API headers, the retry policy and error
 * decoding. It never logs or keeps a body, because create answers carry the new secret.
 */
export class TfcClient {
  readonly #options: ClientOptions;
  readonly #authorization: string;
  readonly #deadline: number;
  readonly #pacer: Pacer;
  #server: ServerHeaders = { appName: null, currentVersion: null, release: null };

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#authorization = `Bearer ${options.apiToken}`;
    this.#deadline = options.deadline ?? options.now() + DEFAULT_BUDGET_MS;
    this.#pacer = new Pacer({ now: options.now, sleep: options.sleep });
  }

  get hostname(): string {
    return this.#options.hostname;
  }

  /** For the decoders: a server value (`what` names it, never quotes it) was not readable and counts as missing. */
  readonly unreadable = (what: string): void =>
    (this.#options.warn ?? this.#options.log)(`The server's ${what} is not a date; it counts as missing.`);

  /** The platform headers of the answers received so far; learning them costs no request. */
  get server(): ServerHeaders {
    return this.#server;
  }

  /** 200 with a JSON:API document. */
  get(path: string, query: Query = {}): Promise<Json> {
    return this.#json('GET', path, query, null);
  }

  /** 201 with a JSON:API document. */
  post(path: string, body: Json, query: Query = {}): Promise<Json> {
    return this.#json('POST', path, query, body);
  }

  /**
   * 200 with a JSON:API document; the body is never logged (it may carry a variable's new value). `repeatable`: the
   * caller knows that sending it twice leaves the same result as once (it sets whole values), so a 5xx or a broken
   * connection is retried as for a PUT.
   */
  patch(path: string, body: Json, { repeatable = false }: { repeatable?: boolean } = {}): Promise<Json> {
    return this.#json('PATCH', path, {}, body, repeatable);
  }

  /** 204 means deleted; a 404 is returned as 'not-found' because callers treat "already gone" as done. */
  async delete(path: string, query: Query = {}, body: Json | null = null): Promise<'deleted' | 'not-found'> {
    const response = await this.#send('DELETE', path, query, body);
    if (response.status === 404) return 'not-found';
    this.#check('DELETE', path, response);
    return 'deleted';
  }

  /** Every item of a paginated list, 100 a page, at most MAX_IN_FLIGHT pages at once (see readAllPages). */
  getAll(
    path: string,
    query: Query = {},
    onPage?: (page: number, totalPages: number) => void,
    cap?: ListCap,
  ): Promise<unknown[]> {
    const readPage = (page: number) => this.#sized('GET', path, { ...query, 'page[number]': page, 'page[size]': 100 });
    return readAllPages(path, readPage, MAX_IN_FLIGHT, onPage, cap);
  }

  /** GET /ping: the platform's identity is in the answer's headers. */
  async ping(): Promise<RawResponse['headers']> {
    const response = await this.#send('GET', '/ping', {}, null);
    this.#check('GET', '/ping', response);
    return response.headers;
  }

  close(): void {
    this.#options.transport.close();
  }

  async #json(method: string, path: string, query: Query, body: Json | null, repeatable = false): Promise<Json> {
    return (await this.#sized(method, path, query, body, repeatable)).document;
  }

  /** The document and the size of the answer it came in. */
  async #sized(
    method: string,
    path: string,
    query: Query,
    body: Json | null = null,
    repeatable = false,
  ): Promise<{ document: Json; bytes: number }> {
    const response = await this.#send(method, path, query, body, repeatable);
    this.#check(method, path, response);
    try {
      const document: unknown = JSON.parse(response.body);
      if (document && typeof document === 'object') return { document: document as Json, bytes: response.body.length };
    } catch {
      // fall through: an unreadable success
    }
    if (method !== 'GET') {
      throw new AmbiguousRequestError(
        method,
        path,
        `the server answered ${response.status} with a body that is not JSON`,
      );
    }
    throw new ApiError(response.status, method, path, 'the answer is not a JSON:API document (a proxy in the way?)');
  }

  #check(method: string, path: string, response: RawResponse): void {
    if (response.status >= 200 && response.status < 300) return;
    throw new ApiError(response.status, method, path, describeFailure(response));
  }

  /**
   * One request to its final answer through the one retrying path (transport/retry.ts), each attempt in a pacing
   * slot: 429s waited out until the deadline, never before their reset; other failures within the policy's limits.
   */
  #send(method: string, path: string, query: Query, body: Json | null, repeatable = false): Promise<RawResponse> {
    const url = this.#url(path, query);
    return sendRetrying({
      method: repeatable ? 'PUT' : method, // a repeatable PATCH is retried as the policy retries a PUT
      clock: this.#options, // now, sleep and random
      deadline: this.#deadline,
      send: () => this.#attempt(method, path, url, body),
      notSent: (applied) =>
        applied && method !== 'GET'
          ? new AmbiguousRequestError(method, path, "an earlier attempt may have acted; the step's time is spent")
          : new Error(`${method} ${path} was not sent: the step's time budget is spent.`),
      pace: (attempt) => this.#pacer.run(attempt),
      onRateLimited: (resetAt) => this.#pacer.holdUntil(resetAt),
      onRetry: (attempt, what, delayMs) =>
        this.#options.log(`${method} ${path}: attempt ${attempt} ${what}; retrying in ${delayMs} ms.`),
    });
  }

  /**
   * Sent means maybe applied: a write whose connection was up, or that a 5xx answered, may have acted, and the
   * request's final failure says so even when a later attempt never connected (a variable may hold the new token).
   */
  async #attempt(method: string, path: string, url: string, body: Json | null): Promise<Attempt<RawResponse>> {
    const headers = { Authorization: this.#authorization, 'Content-Type': JSON_API, Accept: JSON_API };
    try {
      const response = await this.#options.transport.send(method, url, body ? JSON.stringify(body) : null, headers);
      this.#pacer.learnLimit(response.headers['x-ratelimit-limit']);
      this.#learnServer(response.headers);
      const reset = response.headers['x-ratelimit-reset'];
      const summary: Outcome = { status: response.status, rateLimitReset: Array.isArray(reset) ? reset[0] : reset };
      const acted = method !== 'GET' && response.status >= 500;
      return { outcome: summary, what: `answered ${response.status}`, mayHaveApplied: acted, finish: () => response };
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      const summary: Outcome = { networkError: error.code, connected: error.connected };
      return {
        outcome: summary,
        what: `failed (${error.code})`,
        mayHaveApplied: error.connected && method !== 'GET',
        finish: (applied): never => {
          // Once this attempt or an earlier one connected, a write's outcome is unknown whatever its method.
          if ((error.connected || applied) && method !== 'GET')
            throw new AmbiguousRequestError(method, path, error.code);
          throw new Error(`${method} ${path} failed: ${error.code} (could not reach ${this.hostname})`);
        },
      };
    }
  }

  #learnServer(headers: RawResponse['headers']): void {
    const read = (name: string, known: string | null) => {
      const value = headers[name];
      return typeof value === 'string' && value.trim() ? value.trim() : known;
    };
    this.#server = {
      appName: read('tfp-appname', this.#server.appName),
      currentVersion: read('x-tfe-current-version', this.#server.currentVersion),
      release: read('x-tfe-version', this.#server.release),
    };
  }

  #url(path: string, query: Query): string {
    const url = new URL(`https://${this.#options.hostname}/api/v2${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    return url.toString();
  }
}

/**
 * Formats of the ids and names the API hands out and takes, in one place, beside the client whose paths carry them:
 * the inputs check what a user gives against them, and anything from the server or the state file is checked before
 * it goes into a URL, a log line, an output or the state file (an id of `..` or `x/../y` must never become a path).
 *
 * The API documents ids only by their prefix (`ws-…`; its samples carry 16 letters or digits after it, and go-tfe
 * checks only the characters), so an id is its prefix and 1 to 64 letters or digits: a longer id from a future server
 * still reads, and nothing that could leave a path segment passes.
 */
const ID_FORMATS = {
  token: /^at-[A-Za-z0-9]{1,64}$/,
  team: /^team-[A-Za-z0-9]{1,64}$/,
  'agent pool': /^apool-[A-Za-z0-9]{1,64}$/,
  workspace: /^ws-[A-Za-z0-9]{1,64}$/,
  project: /^prj-[A-Za-z0-9]{1,64}$/,
  'variable set': /^varset-[A-Za-z0-9]{1,64}$/,
  variable: /^var-[A-Za-z0-9]{1,64}$/,
  'team access': /^tws-[A-Za-z0-9]{1,64}$/,
  'project access': /^tprj-[A-Za-z0-9]{1,64}$/,
  /** Organization and team names share this shape in every place the action uses them. */
  name: /^[A-Za-z0-9_-]{1,255}$/,
} as const;

/** Names the inputs take that have rules of their own. */
const NAME_FORMATS = {
  /** Letters, digits, - and _, at most 90 (no spaces: the workspaces API refuses them). */
  workspace: /^[A-Za-z0-9_-]{1,90}$/,
  /** Letters, digits, spaces, - and _; 3 to 40 characters; no space at either end (the projects API's rule). */
  project: /^[A-Za-z0-9_-][A-Za-z0-9 _-]{1,38}[A-Za-z0-9_-]$/,
} as const;

export type IdKind = keyof typeof ID_FORMATS;
export type NameKind = keyof typeof NAME_FORMATS;

/** A resource given by its id or by its name (`team-id` or `team-name`, an item of `workspaces`, …). */
export type Ref = { readonly id: string } | { readonly name: string };

export function isId(kind: IdKind, value: unknown): value is string {
  return typeof value === 'string' && ID_FORMATS[kind].test(value);
}

export function isName(kind: NameKind, value: unknown): value is string {
  return typeof value === 'string' && NAME_FORMATS[kind].test(value);
}

type Fields = Record<string, unknown>;

/**
 * The id in a JSON:API resource's `relationships.<name>.data.id`, unchecked (the caller checks it against the format
 * it expects); undefined when the relationship or its data is absent, null when the server says there is none.
 */
export function relatedId(resource: unknown, name: string): unknown {
  const data = related(resource, name);
  return data === null ? null : data?.['id'];
}

/** `relationships.<name>.data` (a resource identifier: type and id), unchecked; absent and null as above. */
export function related(resource: unknown, name: string): Fields | null | undefined {
  const relationships = ((resource ?? {}) as Fields)['relationships'] as Fields | undefined;
  return (relationships?.[name] as Fields | undefined)?.['data'] as Fields | null | undefined;
}

/** The value when it has the format of a `kind` id; otherwise one clear error naming where it came from. */
export function checkedId(kind: IdKind, value: unknown, where: string): string {
  if (isId(kind, value)) return value;
  throw new UntrustedAnswerError(`${where} is not a ${kind} id`);
}
