import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { proxyAgent } from './proxy-tunnel.js';
import { CERTIFICATE_ERROR, NOT_CONNECTED_CODES } from './retry.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
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

/** No answer of the APIs this action calls comes near this; a bigger one is refused rather than held in memory. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface TransportOptions {
  readonly userAgent: string;
  /** One deadline per request: connecting, the TLS handshake, sending, the headers and the whole body. */
  readonly timeoutMs: number;
  readonly maxBodyBytes?: number;
  /** Extra trusted CAs, for tests that run the transport in-process (a child process uses NODE_EXTRA_CA_CERTS). */
  readonly ca?: string;
}

/**
 * node:http(s) with keep-alive (a look-up and a create share one TLS handshake), no redirects (the credential goes
 * to the configured host only) and no retries of its own (the policy lives in retry.ts). HTTPS_PROXY / HTTP_PROXY /
 * NO_PROXY are read as @actions/http-client reads them; a proxy is used through a CONNECT tunnel, so TLS stays
 * end to end.
 */
export function nodeTransport(options: TransportOptions): Transport {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const tls = options.ca ? { ca: options.ca } : {};
  const agents = new Map<string, HttpAgent>();
  const agentFor = (url: URL): HttpAgent => {
    const proxy = getProxyUrl(url);
    const key = `${url.protocol}${proxy ? ` via ${proxy.href}` : ''}`;
    let agent = agents.get(key);
    if (!agent) {
      const secure = url.protocol === 'https:';
      agent = proxy
        ? proxyAgent(proxy, secure, { keepAlive: true, ...tls })
        : secure
          ? new HttpsAgent({ keepAlive: true, ...tls })
          : new HttpAgent({ keepAlive: true });
      agents.set(key, agent);
    }
    return agent;
  };
  return {
    send(method, url, body, headers) {
      const target = new URL(url);
      const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const outgoing = request(target, {
        method,
        agent: agentFor(target),
        headers: {
          ...headers,
          'User-Agent': options.userAgent,
          ...(body === null ? {} : { 'Content-Length': Buffer.byteLength(body) }),
        },
      });
      return exchange(outgoing, body, { method, path: target.pathname, timeoutMs: options.timeoutMs, maxBodyBytes });
    },
    close() {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}

interface ExchangeLimits {
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
}

/** Sends the request and reads the whole answer, or rejects once: never hangs past the deadline. */
function exchange(outgoing: ClientRequest, body: string | null, limits: ExchangeLimits): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    // Until the connection (and its TLS handshake) is up, nothing of the request has left this process.
    let connected = false;
    const finish = (error: Error | null, response?: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (error) {
        outgoing.destroy();
        reject(error);
      } else resolve(response as RawResponse);
    };
    const deadline = setTimeout(() => {
      const seconds = Math.round(limits.timeoutMs / 1000);
      finish(new TransportError(`ETIMEDOUT (no complete answer within ${seconds} s)`, connected));
    }, limits.timeoutMs);
    outgoing.on('socket', (socket) => {
      // A fresh TLS socket cannot have finished its handshake yet: that takes a round trip.
      if (outgoing.reusedSocket) connected = true;
      else if ('encrypted' in socket) socket.once('secureConnect', () => (connected = true));
      else if (socket.connecting) socket.once('connect', () => (connected = true));
      else connected = true;
    });
    outgoing.on('error', (error) => finish(asTransportError(error, connected)));
    outgoing.on('response', (message) => {
      readBody(message, limits).then(
        (text) => finish(null, { status: message.statusCode ?? 0, headers: message.headers, body: text }),
        (error: Error) => finish(error),
      );
    });
    outgoing.end(body ?? undefined);
  });
}

/** A failure before the connection was up (refused, DNS, TLS certificate or handshake, proxy refusal) sent nothing. */
function asTransportError(error: Error, connected: boolean): TransportError {
  if (error instanceof TransportError) return error;
  const code = (error as { code?: unknown }).code;
  const name = typeof code === 'string' ? code : error.message;
  if (CERTIFICATE_ERROR.test(name) && !connected) {
    const hint = "the server's TLS certificate was refused; for a private CA set NODE_EXTRA_CA_CERTS";
    return new TransportError(`${name} (${hint})`, false);
  }
  return new TransportError(name, connected && !NOT_CONNECTED_CODES.has(name));
}

function readBody(message: IncomingMessage, limits: ExchangeLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      message.destroy();
      reject(oversized(limits));
    };
    const declared = Number(message.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) tooLarge();
      else chunks.push(chunk);
    });
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    message.on('close', () => {
      if (!message.complete) reject(new TransportError('connection closed before the response was complete', true));
    });
    message.on('error', () => undefined);
  });
}

/**
 * The server answered, so the request was processed: for a POST that is the ambiguous case the caller reconciles
 * (a token may exist); any other request fails at once, since asking again would bring the same answer.
 */
function oversized({ method, path, maxBodyBytes }: ExchangeLimits): Error {
  const what = `the answer is larger than ${maxBodyBytes / 1024 / 1024} MiB and was not read`;
  if (method === 'POST') return new TransportError(what, true);
  return new Error(`${method} ${path} failed: ${what} (a proxy or a misbehaving server in the way?)`);
}
