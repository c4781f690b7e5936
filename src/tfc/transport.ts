import type { IncomingMessage } from 'node:http';
import { HttpClient } from '@actions/http-client';
import { NOT_CONNECTED_CODES } from './retry.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** Answers larger than this are refused: no answer the action reads comes near it (a list page is about 100 KB). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The answer was cut off at MAX_BODY_BYTES: an error of its own, never retried (the next answer would be as big). */
export class OversizedAnswerError extends Error {
  constructor() {
    super(`the answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; refused rather than read`);
    this.name = 'OversizedAnswerError';
  }
}

/** The connection failed; `connected` says whether the server may have received the request. */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    readonly connected: boolean,
  ) {
    super(code);
    this.name = 'TransportError';
  }
}

export interface Transport {
  send(method: string, url: string, body: string | null, headers: Record<string, string>): Promise<RawResponse>;
  close(): void;
}

/**
 * @actions/http-client with redirects off (the credential must reach the configured host only), no retries of
 * its own (the retry policy lives in retry.ts) and keep-alive so a look-up and a create share one TLS handshake.
 */
export function httpClientTransport(userAgent: string, timeoutMs: number): Transport {
  const client = new HttpClient(userAgent, [], {
    allowRedirects: false,
    allowRetries: false,
    keepAlive: true,
    socketTimeout: timeoutMs,
  });
  return {
    async send(method, url, body, headers) {
      let message: IncomingMessage;
      try {
        message = (await client.request(method, url, body, headers)).message;
      } catch (error) {
        throw asTransportError(error);
      }
      return { status: message.statusCode ?? 0, headers: message.headers, body: await readBody(message, timeoutMs) };
    },
    close: () => client.dispose(),
  };
}

function asTransportError(error: unknown): TransportError {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return new TransportError(code, !NOT_CONNECTED_CODES.has(code));
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError(message.startsWith('Request timeout') ? 'ETIMEDOUT' : message, true);
}

/** http-client's own readBody never settles when a connection drops mid-body; this one rejects instead. */
function readBody(message: IncomingMessage, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      message.destroy();
      reject(new TransportError('ETIMEDOUT reading the response body', true));
    }, timeoutMs);
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      clearTimeout(timer);
      message.destroy();
      reject(new OversizedAnswerError());
    });
    message.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    message.on('close', () => {
      clearTimeout(timer);
      if (!message.complete) reject(new TransportError('connection closed before the response was complete', true));
    });
    message.on('error', () => undefined);
  });
}
