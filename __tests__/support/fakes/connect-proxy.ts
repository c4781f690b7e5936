import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * An HTTP proxy that only tunnels (CONNECT), like a corporate HTTPS proxy. Names under `.test` resolve to 127.0.0.1,
 * so a test can reach a local server under a non-loopback name (loopback names bypass proxies by design).
 */
export interface ConnectProxy {
  readonly url: string;
  /** `host:port` of every tunnel asked for, in order. */
  tunnels(): string[];
  /** Answer every later CONNECT with this status instead of tunnelling. */
  refuseWith(status: number | null): void;
  close(): Promise<void>;
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  let refusal: number | null = null;
  const server: Server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request, client: Socket) => {
    const authority = request.url ?? '';
    tunnels.push(authority);
    sockets.add(client);
    if (refusal) return void client.end(`HTTP/1.1 ${refusal} Refused\r\n\r\n`);
    const { hostname, port } = new URL(`http://${authority}`);
    const upstream = connect(Number(port), hostname.endsWith('.test') ? '127.0.0.1' : hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    for (const socket of [client, upstream]) socket.on('error', () => (client.destroy(), upstream.destroy()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels: () => [...tunnels],
    refuseWith: (status) => void (refusal = status),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
