import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import sodium from 'libsodium-wrappers';

/**
 * A fake of GitHub's Actions secrets API for rotation scenarios: public keys per scope, PUT of sealed secrets that
 * it opens with its own key pair, so a test can check the stored plaintext equals the new token.
 */
export interface FakeGitHub {
  readonly url: string;
  readonly token: string;
  /** scope → secret name → plaintext; scopes are `repo:owner/name`, `env:owner/name:env`, `org:login` */
  secrets(): Map<string, Map<string, string>>;
  visibility(org: string, name: string): { visibility: string; selected: number[] } | undefined;
  requests(): string[];
  /** answer every request for this scope with this status (to test permission errors) */
  deny(scope: string, status: number): void;
  /** the next matching request gets this fault, as the emulator's: before acting, after acting, or instead */
  inject(fault: GitHubFault): void;
  /** the next secret write whose plaintext passes `when` waits `ms` before it takes effect (to order two writes) */
  holdWrite(when: (value: string) => boolean, ms: number): void;
  /** headers added to every answer from now on (a `Deprecation` and its `Sunset`, say) */
  addHeaders(headers: Record<string, string>): void;
  /** when each secret write arrived and took effect (epoch ms) and the plaintext it stored */
  writes(): Array<{ arrived: number; at: number; scope: string; name: string; value: string }>;
  seedOrganizationSecret(
    org: string,
    name: string,
    visibility: 'all' | 'private' | 'selected',
    selected?: number[],
  ): void;
  close(): Promise<void>;
}

export interface GitHubFault {
  readonly method: string;
  readonly path: RegExp;
  readonly kind: 'reset-before' | 'reset-after' | 'status' | 'hang' | 'redirect' | 'delay';
  /** for 'status' and 'redirect' (default 307) */
  readonly status?: number;
  /** for 'delay': how long the request waits before it is handled as usual */
  readonly ms?: number;
  /** for 'status': GitHub's `message` (default "Server Error") */
  readonly message?: string;
}

/** `tls`: serve HTTPS with this key and certificate (as the real API does), e.g. to reach it through an HTTPS proxy. */
export async function startFakeGitHub(
  token = 'ghp_fakeGitHubTokenForTests0123456789',
  tls?: { readonly key: string; readonly cert: string },
): Promise<FakeGitHub> {
  await sodium.ready;
  const keys = sodium.crypto_box_keypair();
  const store = new Map<string, Map<string, string>>();
  const orgMeta = new Map<string, { visibility: string; selected: number[] }>();
  const denied = new Map<string, number>();
  const log: string[] = [];
  const faults: GitHubFault[] = [];
  const holds: Array<{ when: (value: string) => boolean; ms: number }> = [];
  const writes: Array<{ arrived: number; at: number; scope: string; name: string; value: string }> = [];
  const extraHeaders: Record<string, string> = {};

  const handler: RequestListener = async (request, response) => {
    const arrived = Date.now();
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    log.push(`${request.method} ${path}`);
    const fault = takeFault(faults, request.method ?? 'GET', path);
    if (fault?.kind === 'reset-before') return void request.socket.destroy();
    if (fault?.kind === 'hang') return;
    for (const [name, value] of Object.entries(extraHeaders)) response.setHeader(name, value);
    if (fault?.kind === 'status')
      return sendJson(response, fault.status ?? 500, { message: fault.message ?? 'Server Error' });
    if (fault?.kind === 'redirect') {
      response.writeHead(fault.status ?? 307, { Location: `https://elsewhere.test${path}` });
      return void response.end();
    }
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 1000));
    const send: typeof sendJson = fault?.kind === 'reset-after' ? () => void request.socket.destroy() : sendJson;
    if (request.headers.authorization !== `Bearer ${token}` && request.headers.authorization !== `token ${token}`)
      return send(response, 401, { message: 'Bad credentials' });
    const route = match(path);
    if (!route) return send(response, 404, { message: 'Not Found' });
    const status = denied.get(route.scope);
    if (status) return send(response, status, { message: 'Resource not accessible by integration' });
    if (route.kind === 'public-key')
      return send(response, 200, {
        key_id: 'key-1',
        key: sodium.to_base64(keys.publicKey, sodium.base64_variants.ORIGINAL),
      });
    const secrets = store.get(route.scope) ?? new Map<string, string>();
    store.set(route.scope, secrets);
    const metaKey = `${route.scope}/${route.name}`;
    if (route.kind === 'repositories') {
      const page = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
      const perPage = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('per_page') ?? '30');
      const ids = orgMeta.get(metaKey)?.selected ?? [];
      return send(response, 200, {
        total_count: ids.length,
        repositories: ids.slice((page - 1) * perPage, page * perPage).map((id) => ({ id })),
      });
    }
    if (request.method === 'GET') {
      const meta = orgMeta.get(metaKey);
      return secrets.has(route.name) && meta
        ? send(response, 200, { name: route.name, visibility: meta.visibility })
        : send(response, 404, { message: 'Not Found' });
    }
    const { encrypted_value, key_id, visibility, selected_repository_ids } = JSON.parse(body) as {
      encrypted_value: string;
      key_id: string;
      visibility?: string;
      selected_repository_ids?: number[];
    };
    if (key_id !== 'key-1') return send(response, 422, { message: 'Bad key id' });
    const plain = sodium.crypto_box_seal_open(
      sodium.from_base64(encrypted_value, sodium.base64_variants.ORIGINAL),
      keys.publicKey,
      keys.privateKey,
    );
    const hold = holds.findIndex((candidate) => candidate.when(sodium.to_string(plain)));
    if (hold >= 0) await new Promise((resolve) => setTimeout(resolve, holds.splice(hold, 1)[0]!.ms));
    const existed = secrets.has(route.name);
    secrets.set(route.name, sodium.to_string(plain));
    writes.push({ arrived, at: Date.now(), scope: route.scope, name: route.name, value: sodium.to_string(plain) });
    if (route.scope.startsWith('org:'))
      orgMeta.set(metaKey, { visibility: visibility ?? 'missing', selected: selected_repository_ids ?? [] });
    return send(response, existed ? 204 : 201, null);
  };
  const server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`,
    token,
    secrets: () => store,
    visibility: (org, name) => orgMeta.get(`org:${org}/${name}`),
    requests: () => [...log],
    deny: (scope, status) => denied.set(scope, status),
    inject: (fault) => faults.push(fault),
    holdWrite: (when, ms) => holds.push({ when, ms }),
    writes: () => [...writes],
    addHeaders: (headers) => Object.assign(extraHeaders, headers),
    seedOrganizationSecret(org, name, visibility, selected = []) {
      const scope = `org:${org}`;
      store.set(scope, store.get(scope) ?? new Map());
      store.get(scope)!.set(name, 'old value');
      orgMeta.set(`${scope}/${name}`, { visibility, selected });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Route = { kind: 'public-key' | 'secret' | 'repositories'; scope: string; name: string };

function match(path: string): Route | null {
  const patterns: Array<[RegExp, (m: RegExpExecArray) => Route]> = [
    [
      /^\/repos\/([^/]+\/[^/]+)\/actions\/secrets\/public-key$/,
      (m) => ({ kind: 'public-key', scope: `repo:${m[1]}`, name: '' }),
    ],
    [
      /^\/repos\/([^/]+\/[^/]+)\/actions\/secrets\/([^/]+)$/,
      (m) => ({ kind: 'secret', scope: `repo:${m[1]}`, name: m[2]! }),
    ],
    [
      /^\/repos\/([^/]+\/[^/]+)\/environments\/([^/]+)\/secrets\/public-key$/,
      (m) => ({ kind: 'public-key', scope: `env:${m[1]}:${decodeURIComponent(m[2]!)}`, name: '' }),
    ],
    [
      /^\/repos\/([^/]+\/[^/]+)\/environments\/([^/]+)\/secrets\/([^/]+)$/,
      (m) => ({ kind: 'secret', scope: `env:${m[1]}:${decodeURIComponent(m[2]!)}`, name: m[3]! }),
    ],
    [
      /^\/orgs\/([^/]+)\/actions\/secrets\/public-key$/,
      (m) => ({ kind: 'public-key', scope: `org:${m[1]}`, name: '' }),
    ],
    [
      /^\/orgs\/([^/]+)\/actions\/secrets\/([^/]+)\/repositories$/,
      (m) => ({ kind: 'repositories', scope: `org:${m[1]}`, name: m[2]! }),
    ],
    [/^\/orgs\/([^/]+)\/actions\/secrets\/([^/]+)$/, (m) => ({ kind: 'secret', scope: `org:${m[1]}`, name: m[2]! })],
  ];
  for (const [pattern, route] of patterns) {
    const m = pattern.exec(path);
    if (m) return route(m);
  }
  return null;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => resolve(text));
  });
}

function takeFault(faults: GitHubFault[], method: string, path: string): GitHubFault | null {
  const index = faults.findIndex((fault) => fault.method === method && fault.path.test(path));
  return index < 0 ? null : (faults.splice(index, 1)[0] ?? null);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(body === null ? undefined : JSON.stringify(body));
}
