import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type AgentOptions } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';

type Created = (error: Error | null, socket?: Duplex) => void;

/**
 * A keep-alive agent whose connections go through `CONNECT host:port` at an HTTP(S) proxy, as @actions/http-client's
 * tunnel does; the TLS session to the API runs inside the tunnel, so the proxy sees neither the token nor the answers.
 */
export function proxyAgent(proxy: URL, secure: boolean, options: AgentOptions): HttpAgent {
  const pending = new Set<ClientRequest>();
  const open = (target: ClientRequestArgs, done: Tunnelled) =>
    pending.add(tunnel(proxy, target, options.ca, (error, socket) => done(error, socket)));
  const finish = (agent: HttpAgent) => {
    for (const request of pending) request.destroy();
    pending.clear();
    HttpAgent.prototype.destroy.call(agent);
  };
  if (secure) {
    return new (class extends HttpsAgent {
      override createConnection(target: ClientRequestArgs, created: Created): Duplex {
        open(target, (error, socket) => {
          if (error) created(error);
          else created(null, tlsConnect({ ...(target as ConnectionOptions), socket }));
        });
        // Node's agent waits for the callback when nothing is returned.
        return undefined as unknown as Duplex;
      }
      override destroy(): void {
        finish(this);
      }
    })(options);
  }
  return new (class extends HttpAgent {
    override createConnection(target: ClientRequestArgs, created: Created): Duplex {
      open(target, (error, socket) => created(error, socket));
      return undefined as unknown as Duplex;
    }
    override destroy(): void {
      finish(this);
    }
  })({ keepAlive: options.keepAlive ?? false });
}

type Tunnelled = (error: Error | null, socket?: Socket) => void;

function tunnel(proxy: URL, target: ClientRequestArgs, ca: AgentOptions['ca'], done: Tunnelled): ClientRequest {
  const host = String(target.host ?? target.hostname);
  const authority = `${host.includes(':') ? `[${host}]` : host}:${target.port}`;
  const basic = Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64');
  const credentials = proxy.username ? { 'Proxy-Authorization': `Basic ${basic}` } : {};
  const secureProxy = proxy.protocol === 'https:';
  const request = (secureProxy ? httpsRequest : httpRequest)({
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: proxy.port || (secureProxy ? 443 : 80),
    method: 'CONNECT',
    path: authority,
    headers: { Host: authority, ...credentials },
    agent: false,
    ...(secureProxy && ca ? { ca } : {}),
  });
  request.once('connect', (response, socket) => {
    if (response.statusCode === 200) return done(null, socket);
    socket.destroy();
    done(new Error(`the proxy ${proxy.host} refused a tunnel to ${authority} (HTTP ${response.statusCode})`));
  });
  request.once('error', (error) => {
    const cause = (error as { code?: string }).code ?? error.message;
    done(new Error(`the proxy ${proxy.host} could not be reached (${cause})`));
  });
  request.end();
  return request;
}
