/** A bad input: found before any network call, reported as one line that names the input. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input "${input}" ${message}`);
    this.name = 'InputError';
  }
}

/** An answer from the API that is not what the operation needed. Never carries a response body verbatim. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    summary: string,
  ) {
    super(`${method} ${path} answered ${status}: ${summary}`);
    this.name = 'ApiError';
  }

  is(status: number): boolean {
    return this.status === status;
  }
}

/** An answer that breaks the API's own rules: reported without echoing the offending value. */
export class UntrustedAnswerError extends Error {
  constructor(what: string) {
    super(`The server's answer is not one the API gives: ${what}. Nothing was done with it.`);
    this.name = 'UntrustedAnswerError';
  }
}

/**
 * The request may or may not have reached the server (reset after sending, timeout, unreadable answer).
 * For a create this means a token may exist whose secret we never saw.
 */
export class AmbiguousRequestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    cause: string,
  ) {
    super(`${method} ${path} failed and may have been processed by the server: ${cause}`);
    this.name = 'AmbiguousRequestError';
  }
}

/**
 * A write whose outcome is unknown: the request may have reached the server (broken after sending, a timeout, an
 * unreadable answer) or a 5xx came back, which a gateway may send after the server acted.
 */
export function mayHaveLanded(error: unknown): boolean {
  return error instanceof AmbiguousRequestError || (error instanceof ApiError && error.status >= 500);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Not cut here: the printer scrubs secrets (a token pasted into the wrong input) before it cuts a line. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
