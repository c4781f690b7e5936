import { AmbiguousRequestError, ApiError } from '../../common/errors.js';
import { UntrustedAnswerError } from './ids.js';
import { MAX_IN_FLIGHT, Pacer } from '../../transport/pacer.js';
import { decideRetry, nextHistory, rateLimitDelayMs, type Outcome, type RetryHistory } from '../../transport/retry.js';
import { TransportError, type RawResponse, type Transport } from '../../transport/transport.js';

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

/** A list longer than this many pages of 100 is not one this action was made for (or a server that never stops). */
export const MAX_PAGES = 200;

export type Json = Record<string, unknown>;

/** At most this much of one list held at once: items, and bytes of the answers they came in. */
export interface ListCap {
  readonly items: number;
  readonly bytes: number;
}

/** What the server's answers said it is: TFP-AppName and the Terraform Enterprise version headers, as last sent. */
export interface ServerHeaders {
  readonly appName: string | null;
  /** X-TFE-Current-Version, numeric (`1.1.0`). */
  readonly currentVersion: string | null;
  /** X-TFE-Version, the release string (`v202409-1`). */
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

  /**
   * Every item of a paginated list, 100 a page. The first page's `total-pages` names the rest, which are read
   * together (the client caps how many are in flight); without it, page after page as `next-page` says. The
   * server's page numbers are checked, not trusted: `next-page` must grow and stay within `total-pages`, and
   * MAX_PAGES ends any list. A list that grew while it was read is followed on from its last page.
   */
  async getAll(
    path: string,
    query: Query = {},
    onPage?: (page: number, totalPages: number) => void,
    cap?: ListCap,
  ): Promise<unknown[]> {
    const held = new Holding(path, cap);
    const read = async (page: number) => {
      held.check(); // past the cap, no further page is asked for
      const { document, bytes } = await this.#sized('GET', path, { ...query, 'page[number]': page, 'page[size]': 100 });
      held.add(itemsOf(document).length, bytes);
      return document;
    };
    const first = await read(1);
    const items = itemsOf(first);
    let { next, totalPages } = nextPage(first, 1, path);
    onPage?.(1, totalPages);
    if (next !== null && totalPages > 1) {
      checkPageCount(next, totalPages, path);
      held.expect(first, totalPages);
      const documents = await readPages(totalPages - 1, (index) => read(index + 2));
      for (const [index, document] of documents.entries()) {
        items.push(...itemsOf(document));
        ({ next } = nextPage(document, index + 2, path));
        onPage?.(index + 2, totalPages);
      }
    }
    while (next !== null) {
      checkPageCount(next, totalPages, path);
      const page: number = next;
      const document = await read(page);
      items.push(...itemsOf(document));
      ({ next, totalPages } = nextPage(document, page, path));
      onPage?.(page, totalPages);
    }
    return items;
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
   * One request to its final answer: 429s are waited out until the step's deadline (never before their reset, which
   * also holds back this step's other requests); other failures follow the retry policy's own limits.
   */
  async #send(method: string, path: string, query: Query, body: Json | null, repeatable = false): Promise<RawResponse> {
    const url = this.#url(path, query);
    const asMethod = repeatable ? 'PUT' : method; // a repeatable PATCH is retried as the policy retries a PUT
    let history: RetryHistory = { attempt: 0, elapsedMs: 0, rateLimited: 0 };
    for (let attempts = 0; ;) {
      const started = this.#options.now();
      const outcome = await this.#pacer.run(() => this.#attemptInBudget(method, path, url, body));
      history = nextHistory(history, outcome.summary, this.#options.now() - started);
      const now = this.#options.now();
      const clock = { nowSeconds: now / 1000, random: this.#options.random };
      const decision = decideRetry(asMethod, outcome.summary, history, clock);
      if (history.rateLimited > 0) this.#pacer.holdUntil(now + resetMs(outcome.summary, clock.nowSeconds));
      if (!decision.retry || now + decision.delayMs >= this.#deadline) return outcome.finish();
      if (history.rateLimited === 0) history = { ...history, elapsedMs: history.elapsedMs + decision.delayMs };
      this.#options.log(
        `${method} ${path}: attempt ${++attempts} ${outcome.what}; retrying in ${decision.delayMs} ms.`,
      );
      await this.#options.sleep(decision.delayMs);
    }
  }

  /** A wait for a free slot or for the rate limit may end past the deadline: then nothing is sent. */
  #attemptInBudget(method: string, path: string, url: string, body: Json | null) {
    if (this.#options.now() >= this.#deadline)
      throw new Error(`${method} ${path} was not sent: the step's time budget is spent.`);
    return this.#attempt(method, path, url, body);
  }

  async #attempt(method: string, path: string, url: string, body: Json | null) {
    const headers = {
      Authorization: this.#authorization,
      'Content-Type': JSON_API,
      Accept: JSON_API,
    };
    try {
      const response = await this.#options.transport.send(method, url, body ? JSON.stringify(body) : null, headers);
      this.#pacer.learnLimit(response.headers['x-ratelimit-limit']);
      this.#learnServer(response.headers);
      const reset = response.headers['x-ratelimit-reset'];
      const summary: Outcome = { status: response.status, rateLimitReset: Array.isArray(reset) ? reset[0] : reset };
      return { summary, what: `answered ${response.status}`, finish: () => response };
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      const summary: Outcome = { networkError: error.code, connected: error.connected };
      return {
        summary,
        what: `failed (${error.code})`,
        finish: (): never => {
          // Sent means maybe applied: once connected, a write's outcome is unknown whatever its method.
          if (error.connected && method !== 'GET') throw new AmbiguousRequestError(method, path, error.code);
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

function itemsOf(document: Json): unknown[] {
  return Array.isArray(document['data']) ? [...(document['data'] as unknown[])] : [];
}

/**
 * Pages read together, at most as many at once as the pacer lets out, each asked for only when a reader is free: a
 * list that passes its cap stops asking for more.
 */
async function readPages(count: number, read: (index: number) => Promise<Json>): Promise<Json[]> {
  const documents: Json[] = new Array<Json>(count);
  let next = 0;
  const reader = async () => {
    for (let index = next++; index < count; index = next++) documents[index] = await read(index);
  };
  await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, count) }, reader));
  return documents;
}

/** What one list holds so far, refused past its cap (if it has one) with an error that names the cap. */
class Holding {
  #items = 0;
  #bytes = 0;

  constructor(
    readonly path: string,
    readonly cap: ListCap | undefined,
  ) {}

  add(items: number, bytes: number): void {
    this.#items += items;
    this.#bytes += bytes;
    this.check();
  }

  /** A list whose first page announces more than the cap is refused before its other pages are read. */
  expect(first: Json, totalPages: number): void {
    const count = (((first['meta'] as Json | undefined)?.['pagination'] ?? {}) as Json)['total-count'];
    const announced = Number.isInteger(count) ? (count as number) : (totalPages - 1) * 100 + 1;
    if (this.cap && announced > this.cap.items) this.#refuse(`announces ${announced} items`);
  }

  check(): void {
    if (!this.cap) return;
    if (this.#items > this.cap.items) this.#refuse(`holds more than ${this.cap.items} items`);
    if (this.#bytes > this.cap.bytes) this.#refuse(`took more than ${this.cap.bytes / MIB} MiB of answers`);
  }

  #refuse(what: string): never {
    const cap = `${this.cap?.items} items and ${(this.cap?.bytes ?? 0) / MIB} MiB`;
    throw new ListCapError(`GET ${this.path} ${what}, past its cap of ${cap}; stopped reading rather than hold more.`);
  }
}

const MIB = 1024 * 1024;

/** A list longer than its cap: nothing of it is used. */
export class ListCapError extends Error {
  override name = 'ListCapError';
}

function checkPageCount(next: number, totalPages: number, path: string): void {
  if (next > MAX_PAGES || totalPages > MAX_PAGES) {
    throw new Error(
      `GET ${path} has more than ${MAX_PAGES} pages of 100; stopped reading rather than run without end.`,
    );
  }
}

function resetMs(outcome: Outcome, nowSeconds: number): number {
  return ('rateLimitReset' in outcome ? rateLimitDelayMs(outcome.rateLimitReset, nowSeconds) : null) ?? 0;
}

/**
 * The next page to read (null: the last was read), from a list document's `meta.pagination`. Without a
 * `total-pages` the page count is unknown (shown as the current page) and only MAX_PAGES bounds it.
 */
function nextPage(document: Json, page: number, path: string): { next: number | null; totalPages: number } {
  const pagination = ((document['meta'] as Json | undefined)?.['pagination'] ?? {}) as Json;
  const total = pagination['total-pages'];
  const known = Number.isInteger(total) && (total as number) >= page;
  const totalPages = known ? (total as number) : page;
  const next = pagination['next-page'];
  if (next === null || next === undefined) return { next: null, totalPages };
  const limit = known ? totalPages : Infinity;
  if (!Number.isInteger(next) || (next as number) <= page || (next as number) > limit) {
    throw new UntrustedAnswerError(
      `GET ${path} page ${page} of ${totalPages} names a next page that does not follow it`,
    );
  }
  return { next: next as number, totalPages };
}

/** One line from a JSON:API error answer: status, title, detail, and what usually causes it. */
export function describeFailure(response: RawResponse): string {
  const errors = jsonApiErrors(response.body);
  const text = errors.length > 0 ? errors.join('; ') : statusText(response.status);
  const hint = HINTS[response.status] ?? (response.status >= 500 ? 'a server-side error; try again later.' : '');
  if (response.status >= 300 && response.status < 400) {
    return (
      `a redirect${locationOf(response)}, which is not followed so the credential goes to the configured host only; ` +
      'check the hostname input.'
    );
  }
  return hint ? `${text}. Likely cause: ${hint}` : `${text}.`;
}

const HINTS: Readonly<Record<number, string>> = {
  401: 'the credential (api-token) is invalid, expired or revoked.',
  403: 'the credential is not allowed to do this.',
  404: 'it does not exist, or the credential lacks permission to see it (the API answers 404 for both).',
  415: 'the request lacked the JSON:API content type.',
  422: 'the server rejected the request as invalid (see the detail above).',
  429: "the API rate limit (30 requests per second per user) stayed exceeded until the step's time budget ran out.",
};

/**
 * Decodes both `errors: [{status,title,detail}]` and the older `errors: ["…"]`; anything else yields nothing. The
 * text is kept whole (the transport bounds a body at 4 MiB): the guarded printer scrubs every secret out of it
 * before it cuts the line, so no cut here can leave a fragment of an echoed credential.
 */
export function jsonApiErrors(body: string): string[] {
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    return [];
  }
  const errors = (document as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.slice(0, 5).map((error: unknown) => {
    if (typeof error === 'string') return error;
    const { title, detail } = (error ?? {}) as { title?: unknown; detail?: unknown };
    return [title, detail].filter((part) => typeof part === 'string' && part).join(': ') || 'unknown error';
  });
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return texts[status] ?? `HTTP ${status}`;
}

function locationOf(response: RawResponse): string {
  const location = response.headers['location'];
  if (typeof location !== 'string') return '';
  try {
    return ` to ${new URL(location).host}`;
  } catch {
    return '';
  }
}
