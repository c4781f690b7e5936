import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { HttpClient } from '@actions/http-client';
import type { RequestHandler } from '@actions/http-client/lib/interfaces';
import { ACTION_VERSION } from '../common/version.js';
import { keepTunnelsAlive, proxyFailure, type KeptTunnels, type TunnelAgent } from './proxy.js';
import { CERTIFICATE_ERROR, NOT_CONNECTED_CODES, TransportError } from './retry.js';
import { TlsTrust, type TrustOptions } from './trust.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
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
  /** The CAs that verify servers, shared by the step's transports (default: Node's own, then the machine's). */
  readonly trust?: StepTrust;
}

/**
 * A step's trust, shared by its transports. It is built at once for a ca-certificate input; otherwise only when a
 * server's certificate is refused, so the usual request reads no store and builds no context (see trust.ts).
 */
export interface StepTrust {
  tls: TlsTrust | undefined;
  readonly options: TrustOptions;
}

export function stepTrust(options: TrustOptions = {}): StepTrust {
  return { tls: options.ca ? new TlsTrust(options) : undefined, options };
}

/** The step's TlsTrust, made now if no refusal made it before. */
function madeTrust(trust: StepTrust): TlsTrust {
  return (trust.tls ??= new TlsTrust(trust.options));
}

const USER_AGENT = `tfc-token-action/${ACTION_VERSION}`;

/**
 * The transports of one step: each with its own request timeout, all with one trust, made with the first one's CA
 * (the step's ca-certificate input): once the machine's store is added for an unknown issuer, every later one has it.
 */
export function stepTransports(notice: (message: string) => void): (timeoutMs: number, ca: string | null) => Transport {
  let shared: StepTrust | undefined;
  return (timeoutMs, ca) => {
    shared ??= stepTrust({ ca, notice });
    return httpClientTransport({ userAgent: USER_AGENT, timeoutMs, trust: shared });
  };
}

/** One request on its way: its abort signal, the CAs it trusts, and whether its connection (TLS included) is up. */
interface Attempt {
  readonly controller: AbortController;
  readonly trusted: SecureContext | undefined;
  connected: boolean;
}

/**
 * Every request goes through @actions/http-client's HttpClient: its keep-alive agents, its reading of HTTPS_PROXY /
 * NO_PROXY and its CONNECT tunnel (TLS end to end through a proxy). Redirects are returned, never followed (the
 * credential goes to the configured host only), and HttpClient retries nothing (the policy lives in retry.ts).
 * On top of it: one deadline per request (HttpClient's socketTimeout is an idle timeout, which a drip never trips),
 * a cap on the body, "not sent" told apart from "may have been processed", and TLS and proxy failures named.
 */
export function httpClientTransport(options: TransportOptions): Transport {
  const limits = { timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES };
  const trust = options.trust ?? stepTrust();
  const tunnels = new Map<Agent, KeptTunnels>();
  const hooks = attemptHooks((agent) => {
    if (isTunnelAgent(agent)) tunnels.set(agent, keepTunnelsAlive(agent));
  });
  // HttpClient keeps one direct agent for whichever protocol it met first: one client per protocol.
  const clients = new Map<string, HttpClient>();
  const clientFor = (protocol: string) => {
    const client = clients.get(protocol) ?? new HttpClient(options.userAgent, [hooks.handler], clientOptions(limits));
    clients.set(protocol, client);
    return client;
  };
  const inFlight = new Set<AbortController>();
  const exchange = (method: string, target: URL, body: string | null, headers: Record<string, string>) => {
    const attempt: Attempt = { controller: new AbortController(), trusted: trust.tls?.context, connected: false };
    inFlight.add(attempt.controller);
    const answer = hooks.start(attempt, () => clientFor(target.protocol).request(method, target.href, body, headers));
    const read = answer.then(
      ({ message }) => readAnswer(message, { ...limits, method, path: target.pathname }),
      (error: Error) => Promise.reject(asTransportError(error, attempt.connected, target, trust)),
    );
    const settled = withinDeadline(read, attempt, limits.timeoutMs).finally(() => inFlight.delete(attempt.controller));
    return { attempt, settled };
  };
  return {
    send(method, url, body, headers) {
      const target = new URL(url);
      const first = exchange(method, target, body, headers);
      // An issuer unknown to Node's roots: nothing was sent, so the connection is tried once more with the
      // machine's store added.
      return first.settled.catch((error: unknown) => {
        const unsent = error instanceof TransportError && !error.connected;
        if (!unsent || !CERTIFICATE_ERROR.test(error.code)) throw error;
        const tls = madeTrust(trust);
        if (!tls.widenAfter(error.code, first.attempt.trusted)) throw error;
        return exchange(method, target, body, headers).settled.then((answer) => {
          tls.verifiedByMachine(target.host);
          return answer;
        });
      });
    },
    close() {
      for (const controller of inFlight) controller.abort(new Error('the transport was closed'));
      inFlight.clear();
      for (const client of clients.values()) client.dispose();
      clients.clear();
      for (const kept of tunnels.values()) kept.close();
      tunnels.clear();
    },
  };
}

function clientOptions(limits: { timeoutMs: number }) {
  // socketTimeout is HttpClient's idle timeout: set past the deadline, which always ends the request first.
  const socketTimeout = limits.timeoutMs + 60_000;
  return { allowRedirects: false, allowRetries: false, maxRetries: 0, keepAlive: true, socketTimeout };
}

/**
 * HttpClient calls its handlers' prepareRequest synchronously inside request(), before its first await, and creates
 * the ClientRequest in the same turn: `start` hands the attempt over through `next`. The request gets the attempt's
 * abort signal and a per-request view of HttpClient's agent (the pooled state stays on the agent) that sees the
 * ClientRequest, to watch its connection, and gives the signal to the tunnel's CONNECT request too, which would
 * otherwise go on waiting for a silent proxy after the abort.
 */
function attemptHooks(setUp: (agent: Agent) => void) {
  const seen = new WeakSet<Agent>();
  let next: Attempt | null = null;
  const handler: RequestHandler = {
    prepareRequest(request: RequestOptions) {
      const attempt = next;
      next = null;
      if (!attempt) throw new Error('HttpClient prepared a request the transport did not start');
      const agent = request.agent as Agent;
      if (!seen.has(agent)) setUp(agent);
      seen.add(agent);
      request.signal = attempt.controller.signal;
      trustFor(agent, attempt.trusted);
      request.agent = perRequestView(agent, attempt);
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('the transport handles no authentication challenge')),
  };
  const start = <T>(attempt: Attempt, request: () => T): T => {
    next = attempt;
    try {
      return request();
    } finally {
      next = null;
    }
  };
  return { handler, start };
}

function isTunnelAgent(agent: Agent): agent is TunnelAgent {
  return typeof (agent as Partial<TunnelAgent>).proxyOptions === 'object';
}

/** Both HttpClient's https.Agent and its tunnel agent pass their `options` to every new TLS connection. */
function trustFor(agent: Agent, trusted: SecureContext | undefined): void {
  const tls = (agent as { options?: Record<string, unknown> }).options;
  if (tls && trusted) tls['secureContext'] = trusted;
}

function perRequestView(agent: Agent, attempt: Attempt): Agent {
  const add = (agent as Agent & { addRequest(request: ClientRequest, target: unknown): void }).addRequest.bind(agent);
  const addRequest = (request: ClientRequest, target: unknown) => {
    watchConnection(request, attempt);
    if (!isTunnelAgent(agent)) return add(request, target);
    agent.proxyOptions['signal'] = attempt.controller.signal; // copied into the CONNECT request, if one is made now
    try {
      add(request, target);
    } finally {
      delete agent.proxyOptions['signal'];
    }
  };
  return Object.assign(Object.create(agent) as Agent, { addRequest });
}

/** Until the connection (and its TLS handshake) is up, nothing of the request has left this process. */
function watchConnection(request: ClientRequest, attempt: Attempt): void {
  request.once('socket', (socket: Socket) => {
    const up = () => (attempt.connected = true);
    // A fresh TLS socket cannot have finished its handshake yet: that takes a round trip.
    if (request.reusedSocket) up();
    else if ('encrypted' in socket) socket.once('secureConnect', up);
    else if (socket.connecting) socket.once('connect', up);
    else up(); // plain HTTP through a tunnel the proxy has already opened
  });
}

/** Settles once: with the answer, or with the first failure, or at the deadline, which aborts the request. */
function withinDeadline<T>(work: Promise<T>, attempt: Attempt, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (error: Error) => {
      attempt.controller.abort(error);
      reject(error);
    };
    const deadline = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 1000);
      fail(new TransportError(`ETIMEDOUT (no complete answer within ${seconds} s)`, attempt.connected));
    }, timeoutMs);
    work.then(resolve, fail).finally(() => clearTimeout(deadline));
  });
}

/** A failure before the connection was up (refused, DNS, TLS certificate or handshake, proxy refusal) sent nothing. */
function asTransportError(error: Error, connected: boolean, target: URL, trust: StepTrust): TransportError {
  if (error instanceof TransportError) return error;
  const proxy = connected ? null : proxyFailure(error, target);
  if (proxy) return new TransportError(proxy, false);
  const code = (error as { code?: unknown }).code;
  const name = typeof code === 'string' ? code : error.message;
  if (CERTIFICATE_ERROR.test(name) && !connected) {
    return new TransportError(`${name} (${madeTrust(trust).refusal(name)})`, false);
  }
  return new TransportError(name, connected && !NOT_CONNECTED_CODES.has(name));
}

interface ReadLimits {
  readonly method: string;
  readonly path: string;
  readonly maxBodyBytes: number;
}

function readAnswer(message: IncomingMessage, limits: ReadLimits): Promise<RawResponse> {
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
    message.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      resolve({ status: message.statusCode ?? 0, headers: message.headers, body });
    });
    message.on('close', () => {
      if (!message.complete) reject(new TransportError('connection closed before the response was complete', true));
    });
    message.on('error', () => undefined); // after an abort or a refusal, the request has already settled
  });
}

/**
 * The server answered, so the request was processed: for a POST that is the ambiguous case the caller reconciles
 * (a token may exist); any other request fails at once, since asking again would bring the same answer.
 */
function oversized({ method, path, maxBodyBytes }: ReadLimits): Error {
  const what = `the answer is larger than ${maxBodyBytes / 1024 / 1024} MiB and was not read`;
  if (method === 'POST') return new TransportError(what, true);
  return new Error(`${method} ${path} failed: ${what} (a proxy or a misbehaving server in the way?)`);
}
