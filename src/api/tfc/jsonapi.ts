import { ApiError, UntrustedAnswerError } from '../../common/errors.js';
import type { RawResponse } from '../../transport/transport.js';

/** A JSON:API document or resource object, as parsed: every field is read as unknown and checked where used. */
export type Json = Record<string, unknown>;

/** The answer, or null when the API answers 404: none exists, or the credential may not see it (the API says both). */
export async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError && error.is(404)) return null;
    throw error;
  }
}

/** A list longer than this many pages of 100 is not one this action was made for (or a server that never stops). */
export const MAX_PAGES = 200;

/** At most this much of one list held at once: items, and bytes of the answers they came in. */
export interface ListCap {
  readonly items: number;
  readonly bytes: number;
}

/** One page of a list: its document and the size of the answer it came in. */
export type ReadPage = (page: number) => Promise<{ document: Json; bytes: number }>;

/**
 * Every item of a paginated list. The first page's `total-pages` names the rest, which are read together (at most
 * `inFlight` at once); without it, page after page as `next-page` says. The server's page numbers are checked, not
 * trusted: `next-page` must grow and stay within `total-pages`, and MAX_PAGES ends any list. A list that grew while
 * it was read is followed on from its last page.
 */
export async function readAllPages(
  path: string,
  readPage: ReadPage,
  inFlight: number,
  onPage?: (page: number, totalPages: number) => void,
  cap?: ListCap,
): Promise<unknown[]> {
  const held = new Holding(path, cap);
  const read = async (page: number) => {
    held.check(); // past the cap, no further page is asked for
    const { document, bytes } = await readPage(page);
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
    const documents = await readPages(totalPages - 1, inFlight, (index) => read(index + 2));
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

function itemsOf(document: Json): unknown[] {
  return Array.isArray(document['data']) ? [...(document['data'] as unknown[])] : [];
}

/**
 * Pages read together, at most `inFlight` at once, each asked for only when a reader is free: a list that passes its
 * cap stops asking for more.
 */
async function readPages(count: number, inFlight: number, read: (index: number) => Promise<Json>): Promise<Json[]> {
  const documents: Json[] = new Array<Json>(count);
  let next = 0;
  const reader = async () => {
    for (let index = next++; index < count; index = next++) documents[index] = await read(index);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, reader));
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
