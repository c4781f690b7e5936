import { createServer, connect, type Socket } from 'node:net';
import { rateLimitedCount, sentBeforeReset } from '../__tests__/support/steps/fleet.js';
import { runStep, type StepOptions, type StepResult } from '../__tests__/support/steps/runner.js';
import { startWorld } from '../__tests__/support/steps/world.js';
import { Emulator } from '../emulator/server.js';
import type { TestTls } from '../emulator/tls.js';
import type { RequestRecord } from '../emulator/types.js';

/** Fleet load and round trips, for `npm run bench` (sections 5 and 6). Reports; asserts nothing about time. */

export interface FleetRow {
  readonly model: string;
  readonly jobs: number;
  readonly limit: number;
  readonly failedSteps: number;
  readonly tokensLeft: number;
  readonly distinctTokens: number;
  readonly rateLimited: number;
  readonly wallMs: number;
  readonly floorMs: number;
  /**
   * The same burst with the limit off: what starting and ending its 200 step processes costs this machine. On a
   * runner fleet every job starts on its own machine; here they share 2 cores, so no request goes out until most of
   * a phase's processes have started. Null for the spread model, whose jobs start one by one.
   */
  readonly unlimitedWallMs: number | null;
  /**
   * From the first request the emulator received to the last, in each phase (creates, then deletes), added up: the
   * time the burst spent against the limit once its processes had started. Null for the spread model.
   */
  readonly requestSpanMs: number | null;
  readonly beforeReset: number;
}

/**
 * `jobs` jobs on one credential: 'burst' starts every main step at once, then every post step at once; 'spread'
 * starts each job (main, then its post) at a random moment within `spreadMs`.
 */
export async function fleetRun(
  tls: TestTls,
  node: string,
  options: { jobs: number; limit: number; spreadMs: number },
): Promise<FleetRow> {
  const unlimitedWallMs = options.spreadMs > 0 ? null : await unlimitedBurstMs(tls, node, options.jobs);
  const { emulator, step } = await fleetWorld(tls, node, options.limit);
  const started = performance.now();
  const jobs =
    options.spreadMs > 0 ? await spread(step, options.jobs, options.spreadMs) : await burst(step, options.jobs);
  const wallMs = performance.now() - started;
  const requests = emulator.requests();
  const served = requests.filter((request) => request.status !== 429).length;
  const row: FleetRow = {
    model: options.spreadMs > 0 ? `spread over ${options.spreadMs / 1000} s` : 'burst: all mains, then all posts',
    jobs: options.jobs,
    limit: options.limit,
    failedSteps:
      jobs.filter(({ main }) => !mainSucceeded(main)).length + jobs.filter(({ post }) => !postSucceeded(post)).length,
    tokensLeft: emulator.tokens().length,
    distinctTokens: new Set(jobs.map(({ main }) => main.outputs['token-id']).filter(Boolean)).size,
    rateLimited: rateLimitedCount(requests),
    wallMs,
    floorMs: Math.max((served / options.limit) * 1000, options.spreadMs),
    unlimitedWallMs,
    requestSpanMs: options.spreadMs > 0 ? null : spanMs(requests, 'POST') + spanMs(requests, 'DELETE'),
    beforeReset: sentBeforeReset(requests).length,
  };
  if (process.env['BENCH_DEBUG']) debugFleet(requests);
  await emulator.close();
  return row;
}

async function fleetWorld(
  tls: TestTls,
  node: string,
  limit: number,
): Promise<{ emulator: Emulator; step: StepOptions }> {
  const emulator = await Emulator.start({ tls, rateLimit: limit });
  emulator.addOrganization('acme');
  const teamId = emulator.addTeam('acme', 'platform');
  const credential = emulator.addCredential({ organization: 'acme', role: 'owner' });
  const step: StepOptions = {
    inputs: { 'api-token': credential, hostname: emulator.hostname, 'team-id': teamId },
    caCertPath: tls.caCertPath,
    debug: false,
    node,
    timeoutMs: 20 * 60_000,
  };
  return { emulator, step };
}

function spanMs(requests: readonly RequestRecord[], method: string): number {
  const times = requests.filter((request) => request.method === method).map((request) => request.receivedMs);
  return times.length === 0 ? 0 : Math.max(...times) - Math.min(...times);
}

async function unlimitedBurstMs(tls: TestTls, node: string, jobs: number): Promise<number> {
  const { emulator, step } = await fleetWorld(tls, node, 0);
  const started = performance.now();
  const results = await burst(step, jobs);
  const wallMs = performance.now() - started;
  const failed = results.filter(({ main, post }) => !mainSucceeded(main) || !postSucceeded(post)).length;
  const left = emulator.tokens().length;
  await emulator.close();
  if (failed > 0 || left > 0)
    throw new Error(`the burst without a limit failed ${failed} jobs and left ${left} tokens`);
  return wallMs;
}

function debugFleet(requests: readonly RequestRecord[]): void {
  const statuses = new Map<string, number>();
  for (const request of requests) statuses.set(String(request.status), (statuses.get(String(request.status)) ?? 0) + 1);
  console.error('statuses', JSON.stringify([...statuses]));
  const start = requests[0]?.receivedMs ?? 0;
  for (const method of ['POST', 'DELETE']) {
    const firsts = new Map<string, number>();
    const lasts = new Map<string, number>();
    for (const request of requests.filter((record) => record.method === method)) {
      if (!firsts.has(request.fingerprint)) firsts.set(request.fingerprint, request.receivedMs - start);
      lasts.set(request.fingerprint, request.receivedMs - start);
    }
    const spread = (map: Map<string, number>) => `${Math.min(...map.values())}-${Math.max(...map.values())} ms`;
    console.error(method, 'first sends', spread(firsts), 'last sends', spread(lasts));
  }
  for (const early of sentBeforeReset(requests)) {
    const same = requests.filter((request) => request.fingerprint === early.fingerprint);
    console.error(
      'early',
      same.map(
        (request) => `${request.method} ${request.status} ${request.receivedMs.toFixed(0)} ${request.rateLimitReset}`,
      ),
    );
  }
}

type Job = { main: StepResult; post: StepResult };

async function burst(step: StepOptions, count: number): Promise<Job[]> {
  const mains = await Promise.all(Array.from({ length: count }, () => runStep('main', step)));
  const posts = await Promise.all(mains.map((main) => runStep('post', { ...step, state: main.state })));
  return mains.map((main, index) => ({ main, post: posts[index]! }));
}

function spread(step: StepOptions, count: number, spreadMs: number): Promise<Job[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * spreadMs));
      const main = await runStep('main', step);
      return { main, post: await runStep('post', { ...step, state: main.state }) };
    }),
  );
}

const mainSucceeded = (main: StepResult) => main.code === 0 && Boolean(main.outputs['token-id']);
const postSucceeded = (post: StepResult) => post.code === 0 && !post.stdout.includes('::warning::');

export interface DelayProxy {
  readonly port: number;
  /** From the first connection to the last byte handed to a client since the last call (ms), then starts afresh. */
  span(): number;
  close(): Promise<void>;
}

/**
 * A TCP forwarder on 127.0.0.1 that delays every chunk by `oneWayMs` each way, and holds the client's first bytes
 * one round trip longer (the TCP handshake a loopback connect skips), so TCP and TLS cost real round trips.
 */
export async function delayProxy(targetPort: number, oneWayMs = 20): Promise<DelayProxy> {
  const sockets = new Set<Socket>();
  let first: number | null = null;
  let last = 0;
  const server = createServer((client) => {
    first ??= performance.now();
    const upstream = connect(targetPort, '127.0.0.1');
    const handshakeEnds = performance.now() + 2 * oneWayMs;
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => (socket === client ? upstream : client).destroy());
    }
    const later = (at: number, action: () => void) => setTimeout(action, Math.max(0, at - performance.now()));
    client.on('data', (chunk) =>
      later(Math.max(performance.now(), handshakeEnds) + oneWayMs, () => upstream.write(chunk)),
    );
    upstream.on('data', (chunk) =>
      later(performance.now() + oneWayMs, () => {
        client.write(chunk);
        last = performance.now();
      }),
    );
    client.on('end', () => later(Math.max(performance.now(), handshakeEnds) + oneWayMs, () => upstream.end()));
    upstream.on('end', () => later(performance.now() + oneWayMs, () => client.end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    span: () => {
      const span = first === null ? 0 : last - first;
      first = null;
      return span;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface RoundTripRow {
  readonly step: string;
  readonly requests: number;
  /** From the least span of each side: CPU contention on the machine only ever adds time. */
  readonly roundTrips: number;
  readonly medianOfPairs: number;
  readonly bound: string;
  readonly before: string;
}

const RTT_MS = 40;

/**
 * Each scenario runs through a proxy without delay and through the delay proxy, alternating which goes first. The
 * round trips a step waits for are the difference between the two network spans (first connection to last byte
 * answered) over the added round-trip time; process start-up is outside the span.
 */
export async function roundTripsThroughProxy(node: string, runs: number): Promise<RoundTripRow[]> {
  const world = await startWorld({ rateLimit: 0 });
  const direct = await delayProxy(world.emulator.port, 0);
  const delayed = await delayProxy(world.emulator.port, RTT_MS / 2);
  const scenes = await setScene(world);
  const rows: RoundTripRow[] = [];
  try {
    for (const scene of scenes) {
      const extra: number[] = [];
      const lowest = { direct: Infinity, delayed: Infinity };
      let requests = 0;
      for (let run = 0; run < runs; run++) {
        const spans = new Map<DelayProxy, number>();
        for (const proxy of run % 2 === 0 ? [direct, delayed] : [delayed, direct]) {
          const hostname = `localhost:${proxy.port}`;
          const prepared = await scene.prepare(hostname);
          world.emulator.clearRequests();
          proxy.span();
          const step = await runStep(scene.entry, {
            inputs: { 'api-token': world.credential, 'team-id': world.teamId, ...scene.inputs, hostname },
            caCertPath: world.caCertPath,
            debug: false,
            node,
            ...(prepared ? { state: prepared } : {}),
          });
          if (step.code !== 0) throw new Error(`${scene.step} failed: ${step.stdout}`);
          spans.set(proxy, proxy.span());
          requests = world.emulator.requests().length;
          await scene.after?.(step, hostname);
        }
        extra.push(((spans.get(delayed) as number) - (spans.get(direct) as number)) / RTT_MS);
        lowest.direct = Math.min(lowest.direct, spans.get(direct) as number);
        lowest.delayed = Math.min(lowest.delayed, spans.get(delayed) as number);
      }
      if (process.env['BENCH_DEBUG']) console.error(scene.step, extra.map((value) => value.toFixed(1)).join(' '));
      const roundTrips = (lowest.delayed - lowest.direct) / RTT_MS;
      rows.push({ ...scene, requests, roundTrips, medianOfPairs: median(extra) });
    }
  } finally {
    await Promise.all([direct.close(), delayed.close()]);
    await world.emulator.close();
  }
  return rows;
}

interface Scene {
  readonly step: string;
  readonly entry: 'main' | 'post';
  readonly inputs: Record<string, string>;
  readonly bound: string;
  /** What the issue measured before the change. */
  readonly before: string;
  /** Returns the state a post step starts from (made through the same hostname), or null. */
  prepare(hostname: string): Promise<Record<string, string> | null>;
  after?(step: StepResult, hostname: string): Promise<void>;
}

async function setScene(world: Awaited<ReturnType<typeof startWorld>>): Promise<Scene[]> {
  const { emulator } = world;
  const names = Array.from({ length: 10 }, (_, index) => `app-${index + 1}`);
  const projects = ['Core', 'Edge'];
  for (const project of projects) emulator.addProject('acme', project);
  for (const name of names) emulator.addWorkspace('acme', name);
  emulator.addOrganization('listed');
  const listedTeam = emulator.addTeam('listed', 'many');
  const listedOwner = emulator.addCredential({ organization: 'listed', role: 'owner' });
  const expiry = new Date(Date.now() + 86_400_000).toISOString();
  for (let index = 0; index < 250; index++) {
    const answer = await world.api(
      'POST',
      `/teams/${listedTeam}/authentication-tokens`,
      { data: { type: 'authentication-tokens', attributes: { description: `listed ${index}`, 'expired-at': expiry } } },
      listedOwner,
    );
    if (answer.status !== 201) throw new Error(`setting the scene failed: ${answer.status}`);
  }
  const scoped = { 'team-id': '', organization: 'acme', workspaces: names.join(','), projects: projects.join(',') };
  const createThen = (inputs: Record<string, string>) => async (hostname: string) => {
    const main = await runStep('main', {
      inputs: { 'api-token': world.credential, 'team-id': world.teamId, ...inputs, hostname },
      caCertPath: world.caCertPath,
      debug: false,
    });
    if (main.code !== 0) throw new Error(`setting the scene failed: ${main.stdout}`);
    return main.state;
  };
  // A created token is deleted again by a post step, so the organization's lists stay as they were.
  const cleanUp = async (main: StepResult, hostname: string) => {
    await runStep('post', {
      inputs: { 'api-token': world.credential, hostname },
      caCertPath: world.caCertPath,
      debug: false,
      state: main.state,
    });
  };
  const none = async () => null;
  return [
    { step: 'create by team-id', entry: 'main', inputs: {}, bound: '3', before: '2.7', prepare: none, after: cleanUp },
    {
      step: 'create by team-name',
      entry: 'main',
      inputs: { 'team-id': '', 'team-name': 'platform', organization: 'acme' },
      bound: '4',
      before: '4.4',
      prepare: none,
      after: cleanUp,
    },
    { step: 'post delete', entry: 'post', inputs: {}, bound: '3', before: '3.0', prepare: createThen({}) },
    {
      step: 'scoped create, 10 workspaces + 2 projects by name',
      entry: 'main',
      inputs: scoped,
      bound: '5',
      before: '27.4',
      prepare: none,
      after: cleanUp,
    },
    {
      step: 'scoped post (token with the team read, then team)',
      entry: 'post',
      inputs: scoped,
      bound: '3-4',
      before: '3.9',
      prepare: createThen(scoped),
    },
    {
      step: 'list, 250 tokens (3 pages) + policies',
      entry: 'main',
      inputs: { 'api-token': listedOwner, 'team-id': '', mode: 'list', organization: 'listed' },
      bound: '4',
      before: '7.1',
      prepare: none,
    },
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
