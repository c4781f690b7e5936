import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export const JSON_API = 'application/vnd.api+json';

export interface ApiAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** the parsed body; null when it is empty or not JSON */
  readonly body: any;
  /** false when the connection ended before the whole body arrived */
  readonly complete: boolean;
}

export interface ApiRequest {
  readonly method: string;
  /** without /api/v2 */
  readonly path: string;
  readonly body?: unknown;
  /** null sends no Authorization header */
  readonly bearer: string | null;
  /** JSON:API unless given; null sends no Content-Type header */
  readonly contentType?: string | null;
}

/**
 * The one HTTPS request of the tests to an emulator (or the emulator CLI), as a client other than the action: on a
 * connection of its own (no keep-alive), trusting only the test CA. Resolves once the connection closes, so a cut
 * answer arrives as `complete: false`; rejects when no answer came.
 */
export function callEmulator(
  emulator: { readonly baseUrl: string },
  tls: { readonly caCert: string },
  request: ApiRequest,
): Promise<ApiAnswer> {
  const text = request.body === undefined ? undefined : JSON.stringify(request.body);
  const { bearer, contentType = JSON_API } = request;
  const headers: Record<string, string> = {};
  if (bearer !== null) headers['Authorization'] = `Bearer ${bearer}`;
  if (contentType !== null) headers['Content-Type'] = contentType;
  // Node frames no body of a DELETE unless told its length.
  if (text !== undefined) headers['Content-Length'] = String(Buffer.byteLength(text));
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${emulator.baseUrl}/api/v2${request.path}`,
      { method: request.method, headers, ca: tls.caCert, agent: false },
      (res) => {
        let answer = '';
        res.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        res.on('error', () => undefined);
        res.on('close', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: answer,
            body: parsed(answer),
            complete: res.complete,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

function parsed(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
