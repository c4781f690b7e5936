import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { httpClientTransport, stepTrust, type StepTrust, type Transport } from '../../../src/transport/transport.js';
import { TransportError } from '../../../src/transport/retry.js';
import { startConnectProxy, type ConnectProxy } from '../../support/fakes/connect-proxy.js';
import { createTestTls, makeTestTls, removeTls, type LeafKind, type TestTls } from '../../../emulator/tls.js';

// Real sockets on loopback: the deadline, the cap and TLS classification are properties of a connection.
let tls: TestTls;
const servers: Array<Server | TcpServer> = [];
const transports: Transport[] = [];
beforeAll(async () => {
  tls = await makeTestTls();
});
afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          (server as Server).closeAllConnections?.();
          server.close(resolve);
        }),
    ),
  );
});

async function listen<T extends Server | TcpServer>(server: T): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
const http = (handler: RequestListener) => listen(createServer(handler));
const transport = (timeoutMs = 5_000, extra: { ca?: string; maxBodyBytes?: number; trust?: StepTrust } = {}) => {
  const { ca, ...rest } = extra;
  // The machine's store is not read here: the fallback to it has tests of its own with a store they hand in.
  const trust = stepTrust({ ca: ca ?? null, machineStore: () => [] });
  const made = httpClientTransport({ userAgent: 'test', timeoutMs, trust, ...rest });
  transports.push(made);
  return made;
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Error,
  );

describe('a real deadline per request', () => {
  test('a server that drips one byte every 100 ms is cut off at the deadline, not kept alive by the drip', async () => {
    const port = await http((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => response.write(' '), 100);
      response.on('close', () => clearInterval(drip));
    });
    const started = Date.now();
    const error = await failure(transport(800).send('GET', `http://127.0.0.1:${port}/api/v2/ping`, null, {}));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toMatch(/^ETIMEDOUT/);
    expect((error as TransportError).connected).toBe(true);
  });

  test('a server that never answers the headers is cut off at the deadline too', async () => {
    const port = await http(() => undefined);
    const error = (await failure(
      transport(300).send('POST', `http://127.0.0.1:${port}/x`, '{}', {}),
    )) as TransportError;
    expect(error.code).toMatch(/^ETIMEDOUT/);
    expect(error.connected).toBe(true);
  });

  test('a connection that never completes (no TLS handshake answer) times out as not connected', async () => {
    const held: Array<{ destroy(): void }> = [];
    const port = await listen(createTcpServer((socket) => void held.push(socket))); // accepts TCP, never speaks TLS
    const error = (await failure(
      transport(300).send('POST', `https://127.0.0.1:${port}/x`, '{}', {}),
    )) as TransportError;
    for (const socket of held) socket.destroy();
    expect(error.code).toMatch(/^ETIMEDOUT/);
    expect(error.connected).toBe(false);
  });

  test('a complete answer well within the deadline is returned whole', async () => {
    const port = await http((_request, response) => response.end('{"ok":true}'));
    const answer = await transport(1_000).send('GET', `http://127.0.0.1:${port}/`, null, {});
    expect(answer).toMatchObject({ status: 200, body: '{"ok":true}' });
  });
});

describe('response bodies are capped', () => {
  const big =
    (declareLength: boolean): RequestListener =>
    (_request, response) => {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      response.writeHead(200, declareLength ? { 'content-length': String(5 * 1024 * 1024) } : {});
      let sent = 0;
      const pump = () => {
        while (sent < 5 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    };

  test.each([true, false])(
    'a 5 MiB answer to a GET is a clean error naming the path (content-length declared: %s)',
    async (declared) => {
      const port = await http(big(declared));
      const error = await failure(
        transport().send('GET', `http://127.0.0.1:${port}/api/v2/teams/team-1/authentication-tokens?page=1`, null, {}),
      );
      expect(error).not.toBeInstanceOf(TransportError); // not retried: the same answer would come again
      expect(error.message).toBe(
        'GET /api/v2/teams/team-1/authentication-tokens failed: the answer is larger than 4 MiB and was not read (a ' +
          'proxy or a misbehaving server in the way?)',
      );
    },
  );

  test('a 5 MiB answer to a POST was processed: it is the ambiguous case the client reconciles', async () => {
    const port = await http(big(false));
    const error = (await failure(transport().send('POST', `http://127.0.0.1:${port}/x`, '{}', {}))) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.connected).toBe(true);
    expect(error.code).toContain('larger than 4 MiB');
  });

  test('an answer just under the cap is read', async () => {
    const port = await http((_request, response) => response.end(Buffer.alloc(1024, 'y')));
    const answer = await transport(5_000, { maxBodyBytes: 1024 }).send('GET', `http://127.0.0.1:${port}/`, null, {});
    expect(answer.body).toHaveLength(1024);
  });
});

describe('TLS failures happen before anything is sent', () => {
  const https = (handler: RequestListener = (_request, response) => response.end('{}')) =>
    listen(createHttpsServer({ key: tls.key, cert: tls.cert }, handler));

  test(
    'an untrusted certificate is not-connected, so even a POST may be retried and is never "may have ' +
      'been processed"',
    async () => {
      let requests = 0;
      const port = await https(() => void requests++);
      const error = (await failure(
        transport().send('POST', `https://localhost:${port}/x`, '{}', {}),
      )) as TransportError;
      expect(error).toBeInstanceOf(TransportError);
      const refusal =
        "the server's TLS certificate was refused: neither Node's bundled roots nor this machine's trust store " +
        'know its issuer; for a private CA set the ca-certificate input';
      expect(error.code).toMatch(/^[A-Z_]+ \(/);
      expect(error.code).toContain(`(${refusal})`);
      expect(error.connected).toBe(false);
      expect(requests).toBe(0);
    },
  );

  test('a handshake failure (the server speaks plain HTTP) is not-connected', async () => {
    const port = await http((_request, response) => response.end('{}'));
    const error = (await failure(transport().send('POST', `https://127.0.0.1:${port}/x`, '{}', {}))) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.connected).toBe(false);
  });

  test('a reset after the handshake, once the request went out, is connected (maybe processed)', async () => {
    const port = await https((request) => request.socket.destroy());
    const error = (await failure(
      transport(5_000, { ca: tls.caCert }).send('POST', `https://localhost:${port}/x`, '{}', {}),
    )) as TransportError;
    expect(error.code).toBe('ECONNRESET');
    expect(error.connected).toBe(true);
  });

  test('with the CA trusted, the same server answers', async () => {
    const port = await https();
    await expect(
      transport(5_000, { ca: tls.caCert }).send('GET', `https://localhost:${port}/`, null, {}),
    ).resolves.toMatchObject({ status: 200 });
  });
});

describe('HTTPS_PROXY', () => {
  let proxy: ConnectProxy;
  const saved = { ...process.env };
  beforeAll(async () => {
    proxy = await startConnectProxy();
  });
  afterEach(() => {
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) delete process.env[name];
    Object.assign(process.env, saved);
    proxy.refuseWith(null);
  });
  afterAll(() => proxy.close());

  test('requests go through a CONNECT tunnel, TLS end to end, and share it (keep-alive)', async () => {
    let seen = '';
    const port = await listen(
      createHttpsServer({ key: tls.key, cert: tls.cert }, (request, response) => {
        seen = String(request.headers.host);
        response.end('{"via":"tunnel"}');
      }),
    );
    process.env['HTTPS_PROXY'] = proxy.url;
    const before = proxy.tunnels().length;
    const client = transport(5_000, { ca: tls.caCert });
    expect((await client.send('GET', `https://tfc.test:${port}/a`, null, {})).body).toBe('{"via":"tunnel"}');
    expect((await client.send('POST', `https://tfc.test:${port}/b`, '{}', {})).status).toBe(200);
    expect(proxy.tunnels().slice(before)).toEqual([`tfc.test:${port}`]);
    expect(seen).toBe(`tfc.test:${port}`);
  });

  test('NO_PROXY is honoured as @actions/http-client honours it', async () => {
    process.env['HTTPS_PROXY'] = proxy.url;
    process.env['NO_PROXY'] = '.test';
    const before = proxy.tunnels().length;
    const error = (await failure(
      transport(2_000).send('GET', 'https://unresolvable.test:1/', null, {}),
    )) as TransportError;
    expect(error.connected).toBe(false); // a DNS failure, not the proxy
    expect(proxy.tunnels().length).toBe(before);
  });

  test('a proxy that refuses the tunnel is a not-connected failure naming the proxy', async () => {
    process.env['HTTPS_PROXY'] = proxy.url;
    proxy.refuseWith(407);
    const error = (await failure(transport().send('POST', 'https://tfc.test:1/x', '{}', {}))) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.connected).toBe(false);
    expect(error.code).toContain(`the proxy ${new URL(proxy.url).host} refused a tunnel to tfc.test:1 (HTTP 407)`);
  });
});

describe('on top of HttpClient', () => {
  let proxy: ConnectProxy;
  const saved = { ...process.env };
  beforeAll(async () => {
    proxy = await startConnectProxy();
  });
  afterEach(() => {
    for (const name of ['HTTPS_PROXY', 'https_proxy']) delete process.env[name];
    Object.assign(process.env, saved);
  });
  afterAll(() => proxy.close());
  const https = (handler: RequestListener) => listen(createHttpsServer({ key: tls.key, cert: tls.cert }, handler));

  test('a redirect is returned as it came, not followed: its target never sees the request', async () => {
    let followed = 0;
    const elsewhere = await http(() => void followed++);
    const port = await http((_request, response) =>
      response.writeHead(302, { location: `http://127.0.0.1:${elsewhere}/steal` }).end(),
    );
    const answer = await transport().send('GET', `http://127.0.0.1:${port}/`, null, { Authorization: 'Bearer x' });
    expect(answer.status).toBe(302);
    expect(followed).toBe(0);
  });

  test("the user agent is the one given, and the caller's headers arrive", async () => {
    let seen: Record<string, unknown> = {};
    const port = await http((request, response) => {
      seen = request.headers;
      response.end('{}');
    });
    await transport().send('POST', `http://127.0.0.1:${port}/`, '{}', { Authorization: 'Bearer x' });
    expect(seen).toMatchObject({ 'user-agent': 'test', authorization: 'Bearer x', 'content-length': '2' });
  });

  test('a proxy silent on CONNECT: the deadline ends the request and closes the proxy connection', async () => {
    const held: Socket[] = [];
    let closed = 0;
    const port = await listen(
      createTcpServer((socket) => {
        held.push(socket.on('close', () => closed++));
        socket.resume();
      }),
    );
    process.env['HTTPS_PROXY'] = `http://127.0.0.1:${port}`;
    const error = (await failure(transport(300).send('POST', 'https://tfc.test:1/x', '{}', {}))) as TransportError;
    expect(error.code).toMatch(/^ETIMEDOUT/);
    expect(error.connected).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const socket of held) socket.destroy();
    expect([held.length, closed]).toEqual([1, 1]); // not left open, holding the step's process, until the proxy quits
  });

  test('a drip through the tunnel is cut off at the deadline, as connected', async () => {
    const port = await https((_request, response) => {
      response.writeHead(200);
      const drip = setInterval(() => response.write(' '), 100);
      response.on('close', () => clearInterval(drip));
    });
    process.env['HTTPS_PROXY'] = proxy.url;
    const started = Date.now();
    const error = (await failure(
      transport(800, { ca: tls.caCert }).send('GET', `https://tfc.test:${port}/`, null, {}),
    )) as TransportError;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.code).toMatch(/^ETIMEDOUT/);
    expect(error.connected).toBe(true);
  });

  test('a kept tunnel that the server closed while idle is replaced by a new one', async () => {
    const served: Socket[] = [];
    const port = await https((request, response) => {
      served.push(request.socket);
      response.end('{}');
    });
    process.env['HTTPS_PROXY'] = proxy.url;
    const before = proxy.tunnels().length;
    const client = transport(5_000, { ca: tls.caCert });
    expect((await client.send('GET', `https://tfc.test:${port}/a`, null, {})).status).toBe(200);
    served[0]?.destroy(); // as a server ends an idle keep-alive connection
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await client.send('GET', `https://tfc.test:${port}/b`, null, {})).status).toBe(200);
    expect(proxy.tunnels().slice(before)).toEqual([`tfc.test:${port}`, `tfc.test:${port}`]);
  });
});

describe('which CAs are trusted', () => {
  const notices: string[] = [];
  let storeReads = 0;
  afterEach(() => {
    notices.length = 0;
    storeReads = 0;
  });
  /** A trust whose "machine store" is the given list, counting its reads. */
  const trusting = (machine: string[], ca: string | null = null) =>
    transport(5_000, {
      trust: stepTrust({
        ca,
        notice: (message) => notices.push(message),
        machineStore: () => (storeReads++, machine),
      }),
    });
  const https = (material: { key: string; cert: string } = tls) => {
    const seen: string[] = [];
    const served = listen(
      createHttpsServer({ key: material.key, cert: material.cert }, (request, response) => {
        seen.push(String(request.url));
        response.end('{}');
      }),
    );
    return served.then((port) => ({ port, seen }));
  };

  test("an issuer Node's roots do not know: tried again with the machine's store, read once, one notice", async () => {
    const { port, seen } = await https();
    const client = trusting([tls.caCert]);
    expect((await client.send('POST', `https://localhost:${port}/a`, '{}', {})).status).toBe(200);
    expect((await client.send('POST', `https://localhost:${port}/b`, '{}', {})).status).toBe(200);
    expect(seen).toEqual(['/a', '/b']); // the refused handshake sent nothing
    expect(storeReads).toBe(1);
    expect(notices).toEqual([
      `The TLS certificate of localhost:${port} was verified with this machine's trust store (Node's bundled roots ` +
        'do not know its issuer); the step trusts that store from now on.',
    ]);
  });

  test("an issuer the machine's store does not know either: one error naming both and the input", async () => {
    const { port, seen } = await https();
    const client = trusting([]);
    for (const path of ['/a', '/b']) {
      const error = (await failure(
        client.send('POST', `https://localhost:${port}${path}`, '{}', {}),
      )) as TransportError;
      expect(error.code).toContain("neither Node's bundled roots nor this machine's trust store know its issuer");
      expect(error.connected).toBe(false);
    }
    expect([seen, storeReads, notices]).toEqual([[], 1, []]);
  });

  test("the ca-certificate CA is trusted beside Node's roots; the machine's store is then never read", async () => {
    const { port } = await https();
    expect((await trusting([], tls.caCert).send('GET', `https://localhost:${port}/`, null, {})).status).toBe(200);
    const other = await createTestTls();
    try {
      const wrong = trusting([tls.caCert], other.caCert);
      const error = (await failure(wrong.send('GET', `https://localhost:${port}/`, null, {}))) as TransportError;
      expect(error.code).toContain("neither the ca-certificate input nor Node's bundled roots issued it");
    } finally {
      removeTls(other);
    }
    expect(storeReads).toBe(0);
  });

  // One for another name is refused for its unknown issuer first, then, with the machine's store (which holds its
  // CA), for its name; the others are refused for what they are at once, though the store holds their CA or them.
  test.each<[label: string, kind: LeafKind, refusal: string, storeReads: number]>([
    ['for another name', 'other-name', 'ERR_TLS_CERT_ALTNAME_INVALID (%s: it is for another host name)', 1],
    ['that has expired', 'expired', 'CERT_HAS_EXPIRED (%s: it has expired)', 0],
    ['that signed itself', 'self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT (%s: it is self-signed)', 0],
  ])('a certificate %s is refused with its reason, nothing sent', async (_label, kind, refusal, reads) => {
    const material = await createTestTls(kind);
    try {
      const { port, seen } = await https(material);
      const client = trusting([material.caCert, material.cert]);
      const error = (await failure(client.send('POST', `https://localhost:${port}/`, '{}', {}))) as TransportError;
      const code = refusal.replace('%s', "the server's TLS certificate was refused");
      expect([error.code, error.connected, seen, storeReads, notices]).toEqual([code, false, [], reads, []]);
    } finally {
      removeTls(material);
    }
  });
});
