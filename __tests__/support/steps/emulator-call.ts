import { request as httpsRequest } from 'node:https';
import type { Emulator } from '../../../emulator/server.js';
import type { TestTls } from '../../../emulator/tls.js';

export interface ApiAnswer {
  readonly status: number;
  readonly body: any;
}

/** One JSON:API request to the emulator over HTTPS, on a connection of its own, as `bearer`. */
export function callEmulator(
  emulator: Emulator,
  tls: TestTls,
  request: { method: string; path: string; body?: unknown; bearer: string },
): Promise<ApiAnswer> {
  const text = request.body === undefined ? undefined : JSON.stringify(request.body);
  // Node frames no body of a DELETE unless told its length.
  const length: Record<string, string> =
    text === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(text)) };
  const headers = { Authorization: `Bearer ${request.bearer}`, 'Content-Type': 'application/vnd.api+json', ...length };
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${emulator.baseUrl}/api/v2${request.path}`,
      { method: request.method, headers, ca: tls.caCert, agent: false },
      (res) => {
        let answer = '';
        res.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: answer ? JSON.parse(answer) : null }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}
