import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Settings } from './context.js';
import { deliver, FaultQueue, rateLimited, type Delivery } from './faults.js';
import { error, JSON_API, noContent, notFound, type Reply } from './jsonapi.js';
import { Model, type Identity } from './model.js';
import { RateLimiter } from './rate-limit.js';
import { findRoute } from './routes.js';
import { createTestTls, removeTls, type TestTls } from './tls.js';
import type { PolicyTokenType } from './token-policies.js';
import type { CredentialOptions, EmulatorOptions, Fault, RequestRecord, TeamOptions, TokenRecord } from './types.js';
import type { VariableRecord, VariableSeed, VariableSetOptions, WorkspaceOptions } from './variables.js';

export type { PolicyTokenType } from './token-policies.js';
export type { VariableRecord, VariableSeed, VariableSetOptions, WorkspaceOptions } from './variables.js';
export type {
  CredentialOptions,
  EmulatorOptions,
  Fault,
  FaultKind,
  Platform,
  RequestRecord,
  Role,
  TeamOptions,
  TokenKind,
  TokenRecord,
} from './types.js';

/**
 * A stateful HTTPS emulator of the HCP Terraform / Terraform Enterprise token API (tfc-token-api.md), for tests, the
 * demo and the benchmark. It keeps organizations, teams, agent pools, credentials and tokens in memory, enforces
 * authentication, permissions (404 for what a caller may not see) and the rate limit, logs every request, and
 * can inject faults (proxy errors, resets, hangs, cut bodies) into chosen requests.
 */
export class Emulator {
  readonly port: number;
  readonly hostname: string;
  readonly baseUrl: string;
  /** The CA it made for itself when started without `tls`; null when the caller brought its own. */
  readonly ownTls: TestTls | null;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #model: Model;
  readonly #settings: Settings;
  readonly #limiter: RateLimiter;
  readonly #faults = new FaultQueue();
  #log: RequestRecord[] = [];
  #closing: Promise<void> | undefined;

  private constructor(server: Server, options: EmulatorOptions, ownTls: TestTls | null) {
    this.#server = server;
    this.ownTls = ownTls;
    this.port = (server.address() as AddressInfo).port;
    this.hostname = `localhost:${this.port}`;
    this.baseUrl = `https://${this.hostname}`;
    const now = options.now ?? Date.now;
    this.#settings = {
      platform: options.platform ?? 'hcp',
      tfeVersion: options.tfeVersion ?? '2.0.0',
      multipleTeamTokens: options.multipleTeamTokens ?? true,
      platformHeaders: options.platformHeaders ?? true,
      bulkTeamTokenDelete: options.bulkTeamTokenDelete ?? true,
      teamTokenStatusFilter: options.teamTokenStatusFilter ?? true,
      grantStatus: options.grantStatus ?? 200,
      now,
    };
    this.#model = new Model(now);
    this.#limiter = new RateLimiter(options.rateLimit ?? 30);
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void this.#serve(request, response));
  }

  /** Listens on 127.0.0.1 with an ephemeral port; the certificate must cover localhost. */
  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    const ownTls = options.tls ? null : await createTestTls();
    const { key, cert } = options.tls ?? ownTls!;
    const server = createServer({ key, cert });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    } catch (failure) {
      if (ownTls) removeTls(ownTls);
      throw failure;
    }
    return new Emulator(server, options, ownTls);
  }

  addOrganization(name: string): void {
    this.#model.addOrganization(name);
  }

  /** Returns the team id. */
  addTeam(organization: string, name: string, options?: TeamOptions): string {
    return this.#model.addTeam(organization, name, options);
  }

  /** Returns the apool-… id. */
  addAgentPool(organization: string, name: string): string {
    return this.#model.addAgentPool(organization, name);
  }

  /** Returns the bearer secret. Seeded credentials never expire and are not listed by tokens(). */
  addCredential(options: CredentialOptions): string {
    return this.#model.addCredential(options);
  }

  /** Returns the varset-… id. */
  addVariableSet(organization: string, name: string, options?: VariableSetOptions): string {
    return this.#model.variables.addVariableSet(organization, name, options);
  }

  /** Seeds a variable in a workspace or variable set; returns the var-… id. */
  addVariable(ownerId: string, seed: VariableSeed): string {
    return this.#model.variables.addVariable(ownerId, seed);
  }

  /** Every variable with its value (the API itself never shows a sensitive one). */
  variables(): VariableRecord[] {
    return this.#model.variables.variables();
  }

  /** Turns on the organization's maximum TTL for one token type (the others keep the two-year default). */
  setTokenTtlPolicy(organization: string, tokenType: PolicyTokenType, maxTtlMs: number): void {
    this.#model.ttlPolicies.set(organization, tokenType, maxTtlMs, this.#settings.now());
  }

  /** Returns the prj-… id. */
  addProject(organization: string, name: string): string {
    return this.#model.scope.addProject(organization, name);
  }

  /**
   * Returns the ws-… id; in the organization's Default Project unless a project id is given. One workspace, seen by
   * both resource modules: access and grants (scoping.ts) and variables (variables.ts).
   */
  addWorkspace(
    organization: string,
    name: string,
    options?: string | (WorkspaceOptions & { projectId?: string }),
  ): string {
    const { projectId, ...variableOptions } = typeof options === 'string' ? { projectId: options } : (options ?? {});
    const id = this.#model.scope.addWorkspace(organization, name, projectId);
    this.#model.variables.addWorkspace(organization, name, variableOptions, id);
    return id;
  }

  /** Without a call, an organization has team management (a paid plan). */
  setEntitlements(organization: string, entitlements: { teams: boolean }): void {
    this.#model.scope.setEntitlements(organization, entitlements);
  }

  teams(organization: string): Array<{ id: string; name: string; visibility: string }> {
    return this.#model.teamsOf(organization).map(({ id, name, visibility }) => ({ id, name, visibility }));
  }

  /** Every team-workspace and team-project grant, as `kind`, team, target and level. */
  grants(): Array<{ kind: 'workspace' | 'project'; id: string; teamId: string; targetId: string; access: string }> {
    const scope = this.#model.scope;
    return [
      ...scope.workspaceGrants().map((grant) => ({ kind: 'workspace' as const, ...grant })),
      ...scope.projectGrants().map((grant) => ({ kind: 'project' as const, ...grant })),
    ];
  }

  tokens(): TokenRecord[] {
    return this.#model.tokens().map((token) => this.#model.snapshot(token));
  }

  /** Every secret the emulator ever handed out, including those since revoked or deleted. */
  mintedSecrets(): string[] {
    return this.#model.mintedSecrets();
  }

  requests(): RequestRecord[] {
    return this.#log.map((record) => ({ ...record }));
  }

  clearRequests(): void {
    this.#log = [];
  }

  inject(fault: Fault): void {
    this.#faults.add(fault);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  /**
   * Stops listening, destroys every open connection (hung requests and idle keep-alive ones alike) and removes the
   * temporary folder of its own CA, if it made one.
   */
  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      for (const socket of this.#sockets) socket.destroy();
    }).then(() => {
      if (this.ownTls) removeTls(this.ownTls);
    });
    return this.#closing;
  }

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: string;
    try {
      body = await readBody(request);
    } catch {
      return; // the client went away mid-body
    }
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', this.baseUrl);
    const identity = this.#model.identify(bearer(request));
    const record: RequestRecord = {
      method,
      path: url.pathname,
      query: url.search.slice(1),
      status: null,
      fault: null,
      principal: 'caller' in identity ? identity.caller.principal : null,
      at: this.#settings.now(),
      receivedMs: performance.now(),
      fingerprint: fingerprint(method, request.url ?? '', bearer(request), body),
      rateLimitReset: null,
    };
    this.#log.push(record);
    const act = () => this.#withPlatform(this.#act(request, url, identity, body));
    const fault = this.#faults.take(method, url.pathname);
    record.fault = fault?.kind ?? null;
    const delivery: Delivery = fault ? deliver(fault, act) : { reply: act() };
    if (delivery === 'reset') request.socket.destroy();
    else if (delivery === 'hang') return;
    else if ('oversizedBytes' in delivery) record.status = flood(response, delivery.oversizedBytes);
    else if (delivery.drip) record.status = drip(response, delivery.reply);
    else {
      record.status = this.#write(response, delivery.reply, delivery.truncate ?? false);
      const reset = delivery.reply.headers?.['X-RateLimit-Reset'];
      if (delivery.reply.status === 429 && reset !== undefined) record.rateLimitReset = Number(reset);
    }
  }

  /** Everything a request does once no fault stands in the way: rate limit, auth, content type, then the route. */
  #act(request: IncomingMessage, url: URL, identity: Identity, body: string): Reply {
    const method = request.method ?? 'GET';
    const key = 'caller' in identity ? identity.caller.principal : `ip:${request.socket.remoteAddress ?? ''}`;
    const resetSeconds = this.#limiter.take(key);
    if (resetSeconds !== null) return rateLimited(resetSeconds);
    if (method === 'GET' && url.pathname === '/api/v2/ping') return this.#ping();
    if (!('caller' in identity)) return error(401, 'unauthorized', identity.unauthorized);
    const { caller } = identity;
    if (caller.token) caller.token.lastUsedAt = this.#settings.now();
    // go-tfe #1422: the API wants the JSON:API type on every mutating request, DELETE without a body included.
    if (MUTATING.has(method) && mediaType(request) !== JSON_API) {
      return error(415, 'unsupported media type', `Content-Type must be ${JSON_API}.`);
    }
    const route = findRoute(method, url.pathname);
    if (!route) return notFound();
    try {
      return route.handler({
        model: this.#model,
        settings: this.#settings,
        caller,
        params: route.params,
        query: url.searchParams,
        url,
        body,
      });
    } catch (failure) {
      return error(500, 'emulator failure', failure instanceof Error ? failure.message : String(failure));
    }
  }

  #ping(): Reply {
    return { ...noContent(), headers: { 'TFP-API-Version': '2.5' } };
  }

  /**
   * The platform's headers, on every answer of the API itself (not on a fault's, which stands for a proxy). go-tfe
   * reads them from the ping, but the API sets them in its base controller: "You can find the header in the api/v2
   * base controller, search for app_name" (go-tfe #675, on TFP-AppName), and TFE has sent its version "as a header
   * for each response" since v202208-3 (go-tfe #563).
   */
  #withPlatform(reply: Reply): Reply {
    if (!this.#settings.platformHeaders) return reply;
    const tfe = this.#settings.platform === 'tfe';
    const headers: Record<string, string> = { 'TFP-AppName': tfe ? 'Terraform Enterprise' : 'HCP Terraform' };
    if (tfe) headers['X-TFE-Current-Version'] = this.#settings.tfeVersion;
    return { ...reply, headers: { ...headers, ...reply.headers } };
  }

  /** Sends the reply (or, truncated, its head and half its body before a reset) and returns the status sent. */
  #write(response: ServerResponse, reply: Reply, truncate: boolean): number {
    // Without a limit (an admin switched it off on TFE) there is no limit to announce.
    const limit: Record<string, string> =
      this.#limiter.limit > 0 ? { 'X-RateLimit-Limit': String(this.#limiter.limit) } : {};
    const body = Buffer.from(reply.body);
    const length: Record<string, string> = reply.status === 204 ? {} : { 'Content-Length': String(body.length) };
    response.writeHead(reply.status, { ...limit, ...reply.headers, ...length });
    if (truncate) response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
    else response.end(body);
    return reply.status;
  }
}

/** Only a digest is kept: a body may carry a secret (a variable's value), and the log never holds one. */
function fingerprint(method: string, url: string, authorization: string | null, body: string): string {
  return createHash('sha256')
    .update(JSON.stringify([method, url, authorization, body]))
    .digest('hex')
    .slice(0, 16);
}

const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** The reply's head at once, then its body one byte a second until done or the client goes away. */
function drip(response: ServerResponse, reply: Reply): number {
  const body = Buffer.from(reply.body);
  response.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
  let sent = 0;
  const timer = setInterval(() => {
    if (sent >= body.length || response.destroyed) return clearInterval(timer);
    response.write(body.subarray(sent, ++sent));
  }, 1000);
  response.on('close', () => clearInterval(timer));
  return reply.status;
}

/** A 200 that announces `bytes` of JSON and streams them until the client hangs up (or all are sent). */
function flood(response: ServerResponse, bytes: number): number {
  response.writeHead(200, { 'Content-Type': JSON_API, 'Content-Length': String(bytes) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let left = bytes;
  const pump = (): void => {
    while (left > 0 && !response.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!response.write(piece)) return void response.once('drain', pump);
    }
    if (left <= 0) response.end();
  };
  pump();
  return 200;
}

function bearer(request: IncomingMessage): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/** The media type without parameters, lower case; '' when absent. */
function mediaType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
