import type { Agent, ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { getProxyUrl } from '@actions/http-client/lib/proxy';

/**
 * HttpClient's proxy agent (the `tunnel` package) as this file uses it: an EventEmitter with Node's agent entry point
 * and the options of its CONNECT requests.
 */
export interface TunnelAgent extends Agent {
  keepAlive: boolean;
  readonly proxyOptions: Record<string, unknown>;
  addRequest(request: ClientRequest, target: { host: string; port: number }): void;
}

/**
 * Like Node's own agent, which drops a free socket a second before the server's keep-alive limit: a socket idle for
 * longer may be closing on the server's side right now (servers commonly close idle connections after 5 s).
 */
const IDLE_LIMIT_MS = 4_000;
const GONE = ['error', 'close', 'end', 'agentRemove'] as const;

interface Idle {
  readonly socket: Socket;
  readonly since: number;
  readonly drop: () => void;
}

export interface KeptTunnels {
  /** Destroys the idle tunnels (the tunnel agent has no destroy() of its own). */
  close(): void;
}

/**
 * The one piece of connection handling the action keeps of its own on top of HttpClient: one tunnel per host for the
 * whole step, as Node's keep-alive agent gives a direct connection. The tunnel agent destroys a socket as soon as its
 * answer is read (unless a request is already queued for it, which never happens with unlimited sockets), so without
 * this every request behind a proxy pays a new CONNECT and a new TLS handshake, and a proxy sees a connection per
 * request. This parks each freed tunnelled socket and hands it to the next request to the same host and port.
 * Guarded by "share it (keep-alive)" in __tests__/unit/transport/transport.test.ts and "one tunnel per step" in
 * __tests__/scenarios/proxy.test.ts.
 */
export function keepTunnelsAlive(agent: TunnelAgent, now: () => number = Date.now): KeptTunnels {
  // Node's ClientRequest asks to keep the connection only of an agent with keepAlive set or finite maxSockets.
  agent.keepAlive = true;
  const idle = new Map<string, Idle[]>();
  agent.removeAllListeners('free');
  agent.on('free', (socket: Socket, target: { host: string; port: number }) => {
    const parked = idle.get(key(target)) ?? [];
    idle.set(key(target), parked);
    park(parked, socket, now());
  });
  const open = agent.addRequest.bind(agent);
  agent.addRequest = (request, target) => {
    const socket = reusable(idle.get(key(target)) ?? [], now());
    if (!socket) return open(request, target);
    request.reusedSocket = true;
    request.onSocket(socket);
  };
  return { close: () => [...idle.values()].flat().forEach((entry) => entry.drop()) };
}

function key(target: { host: string; port: number }): string {
  return `${target.host}:${target.port}`;
}

function park(parked: Idle[], socket: Socket, since: number): void {
  if (socket.destroyed) return;
  const drop = () => {
    const at = parked.indexOf(entry);
    if (at >= 0) parked.splice(at, 1);
    socket.destroy();
  };
  const entry: Idle = { socket, since, drop };
  parked.push(entry);
  socket.unref(); // an idle tunnel does not keep the step's process alive
  // A server closing an idle tunnelled TLS socket may show only as 'end'; an 'error' must not go unhandled.
  for (const event of GONE) socket.once(event, drop);
}

/** The most recently parked socket that is still open and fresh; the others are closed. */
function reusable(parked: Idle[], now: number): Socket | undefined {
  for (let entry = parked.pop(); entry; entry = parked.pop()) {
    for (const event of GONE) entry.socket.removeListener(event, entry.drop);
    const { socket } = entry;
    if (!socket.destroyed && !socket.readableEnded && now - entry.since <= IDLE_LIMIT_MS) return socket.ref();
    socket.destroy();
  }
  return undefined;
}

/** HttpClient's tunnel reports every failed CONNECT as ECONNRESET with one of these texts, before any socket. */
const TUNNEL_FAILURE = /^tunneling socket could not be established, (?:statusCode=(\d+)|cause=(.*))$/s;

/** What a failed CONNECT means, in words; null for a failure that is not the proxy's. */
export function proxyFailure(error: Error, target: URL): string | null {
  const failure = TUNNEL_FAILURE.exec(error.message);
  if (!failure) return null;
  const proxy = getProxyUrl(target)?.host ?? 'the proxy';
  const authority = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`;
  const [, status, cause = ''] = failure;
  const what = status
    ? `refused a tunnel to ${authority} (HTTP ${status})`
    : `could not be reached (${/\bE[A-Z]+\b/.exec(cause)?.[0] ?? cause})`;
  return `the proxy ${proxy} ${what}`;
}
