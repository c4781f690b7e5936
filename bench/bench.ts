import { execFile } from 'node:child_process';
import { readdir, stat, writeFile, readFile, mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { Emulator } from '../emulator/server.js';
import { holdsUndici, LOAD_PROBE_ENV, probeReport, ROOT, runStep } from '../__tests__/support/steps/runner.js';
import { makeTestTls } from '../emulator/tls.js';
import { fleetRun, roundTripsThroughProxy, type FleetRow } from './fleet.js';

/**
 * `npm run bench`: start-up against a floor, round trips per operation, bundle sizes, 40 concurrent jobs under the
 * API rate limit, a fleet of jobs on one credential, and round trips through a delay proxy. A tool, not a test: it
 * reports; it asserts nothing about time. `--short` runs a small form.
 */
const short = process.argv.includes('--short');
const RUNS = short ? 3 : 21;
const JOBS = short ? 10 : 40;
const tls = await makeTestTls();
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

async function world(rateLimit = 0) {
  const emulator = await Emulator.start({ tls, rateLimit });
  emulator.addOrganization('acme');
  const teamId = emulator.addTeam('acme', 'platform');
  const credential = emulator.addCredential({ organization: 'acme', role: 'owner' });
  const inputs = { 'api-token': credential, hostname: emulator.hostname, 'team-id': teamId };
  return { emulator, teamId, credential, inputs };
}

/** Wall time of one process; `exitCode` is the code it must end with. */
function timeProcess(node: string, args: string[], env: Record<string, string>, exitCode = 0): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) =>
    execFile(
      node,
      args,
      { env: { PATH: process.env['PATH'] ?? '', NODE_EXTRA_CA_CERTS: tls.caCertPath, ...env } },
      (error) =>
        (error?.code ?? 0) !== exitCode
          ? reject(error ?? new Error(`exit 0, expected ${exitCode}`))
          : resolve(Number(process.hrtime.bigint() - started) / 1e6),
    ),
  );
}

async function timeStep(
  entry: 'main' | 'post',
  options: Parameters<typeof runStep>[1],
  expectFailure = false,
): Promise<{ ms: number; state: Record<string, string> }> {
  const step = await runStep(entry, options);
  if ((step.code !== 0) !== expectFailure || (expectFailure && !step.stdout.includes('::error::')))
    throw new Error(`${entry} ended unexpectedly: ${step.stdout}`);
  return { ms: step.elapsedMs, state: step.state };
}

const FLOOR_CREATE = join(ROOT, 'bench', 'floor-create.mjs');
const FLOOR_DELETE = join(ROOT, 'bench', 'floor-delete.mjs');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

interface Pairs {
  action: number[];
  floor: number[];
  ratios: number[];
}

/** One action run and one floor run, in alternating order, so drift in the machine's load hits both sides alike. */
async function pair(
  pairs: Pairs,
  index: number,
  action: () => Promise<number>,
  floor: () => Promise<number>,
): Promise<void> {
  let a: number;
  let f: number;
  if (index % 2 === 0) {
    a = await action();
    f = await floor();
  } else {
    f = await floor();
    a = await action();
  }
  pairs.action.push(a);
  pairs.floor.push(f);
  pairs.ratios.push(a / f);
}

const newPairs = (): Pairs => ({ action: [], floor: [], ratios: [] });

/** Start-up of each step against its floor, on one Node binary. Both sides go through the same step runner. */
async function startup(node: Runtime): Promise<void> {
  const { emulator, teamId, credential, inputs } = await world();
  const floorEnv = { FLOOR_HOSTNAME: emulator.hostname, FLOOR_TEAM_ID: teamId, FLOOR_TOKEN: credential };
  const main = newPairs();
  const post = newPairs();
  const firstError = newPairs();
  const step = { caCertPath: tls.caCertPath, debug: false, node: node.path };
  for (let i = 0; i < RUNS; i++) {
    let state: Record<string, string> = {};
    let victim = '';
    await pair(
      main,
      i,
      async () => {
        const run = await timeStep('main', { ...step, inputs });
        state = run.state;
        return run.ms;
      },
      async () => {
        const run = await runStep('main', { ...step, script: FLOOR_CREATE, env: floorEnv });
        victim = run.outputs['token-id'] ?? '';
        return run.elapsedMs;
      },
    );
    await pair(
      post,
      i,
      async () => (await timeStep('post', { ...step, inputs, state })).ms,
      async () =>
        (await runStep('post', { ...step, script: FLOOR_DELETE, env: { ...floorEnv, FLOOR_TOKEN_ID: victim } }))
          .elapsedMs,
    );
    // No inputs at all: the bundle loads, parses inputs and fails before any request.
    await pair(
      firstError,
      i,
      async () => (await timeStep('main', { ...step, inputs: { 'api-token': '' } }, true)).ms,
      () => timeProcess(node.path, ['-e', '0'], {}),
    );
  }
  const left = emulator.tokens().length;
  await emulator.close();
  const row = (name: string, pairs: Pairs, floorName: string, target: string) =>
    say(
      `| ${name} | ${node.version} | ${median(pairs.action).toFixed(0)} ms | ${floorName} ` +
        `${median(pairs.floor).toFixed(0)} ms | **${median(pairs.ratios).toFixed(2)}** | ` +
        `${Math.min(...pairs.ratios).toFixed(2)}–${Math.max(...pairs.ratios).toFixed(2)} | ${target} |`,
    );
  say(`### Node ${node.version} (${node.label})`);
  say();
  say('| step | Node | action (median) | floor (median) | median of paired ratios | range of ratios | target |');
  say('| --- | --- | --- | --- | --- | --- | --- |');
  row('main: create team token by id', main, 'floor-create.mjs', '≤ 1.20');
  row('post: delete it', post, 'floor-delete.mjs', '≤ 1.20');
  row('load to first error (no inputs)', firstError, '`node -e 0`', '≤ 1.60');
  say();
  say(`Tokens left in the emulator after these runs (action and floor each delete what they created): ${left}.`);
  say();
}

/**
 * How much of each step's cost is @actions/core, which the action must use: the floor scripts again, with the toolkit
 * loaded first, bundled with ncc like the action. The action's steps are then compared with these toolkit floors.
 */
async function toolkitFloor(node: Runtime): Promise<void> {
  const out = await mkdtemp(join(tmpdir(), 'bench-toolkit-'));
  const bundle = async (name: string) => {
    const ncc = join(ROOT, 'node_modules', '.bin', 'ncc');
    await promisify(execFile)(ncc, ['build', join(ROOT, 'bench', `${name}.mjs`), '-o', join(out, name), '-m', '-q']);
    return join(out, name, 'index.mjs'); // ncc keeps the entry's extension
  };
  const toolkitCreate = await bundle('toolkit-floor-create');
  const toolkitDelete = await bundle('toolkit-floor-delete');
  const { emulator, teamId, credential, inputs } = await world();
  const env = { FLOOR_HOSTNAME: emulator.hostname, FLOOR_TEAM_ID: teamId, FLOOR_TOKEN: credential };
  const step = { caCertPath: tls.caCertPath, debug: false, node: node.path };
  const floorCreate = async (script: string) => {
    const run = await runStep('main', { ...step, script, env });
    if (run.code !== 0 || !run.outputs['token-id']) throw new Error(`${script} failed: ${run.stderr}`);
    await runStep('post', { ...step, script: FLOOR_DELETE, env: { ...env, FLOOR_TOKEN_ID: run.outputs['token-id'] } });
    return run.elapsedMs;
  };
  const core = newPairs();
  const main = newPairs();
  const post = newPairs();
  for (let i = 0; i < RUNS; i++) {
    await pair(
      core,
      i,
      () => floorCreate(toolkitCreate),
      () => floorCreate(FLOOR_CREATE),
    );
    let state: Record<string, string> = {};
    await pair(
      main,
      i,
      async () => {
        const run = await timeStep('main', { ...step, inputs });
        state = run.state;
        return run.ms;
      },
      async () => {
        const run = await runStep('main', { ...step, script: toolkitCreate, env });
        const victim = { ...env, FLOOR_TOKEN_ID: run.outputs['token-id'] ?? '' };
        await runStep('post', { ...step, script: toolkitDelete, env: victim });
        return run.elapsedMs;
      },
    );
    await pair(
      post,
      i,
      async () => (await timeStep('post', { ...step, inputs, state })).ms,
      async () => {
        const created = await runStep('main', { ...step, script: FLOOR_CREATE, env });
        const victim = { ...env, FLOOR_TOKEN_ID: created.outputs['token-id'] ?? '' };
        return (await runStep('post', { ...step, script: toolkitDelete, env: victim })).elapsedMs;
      },
    );
  }
  const left = emulator.tokens().length;
  await emulator.close();
  const row = (name: string, pairs: Pairs, floorName: string) =>
    say(
      `| ${name} | ${median(pairs.action).toFixed(0)} ms | ${floorName} ${median(pairs.floor).toFixed(0)} ms | ` +
        `**${median(pairs.ratios).toFixed(2)}** | ` +
        `${Math.min(...pairs.ratios).toFixed(2)}–${Math.max(...pairs.ratios).toFixed(2)} |`,
    );
  say(`### How much is @actions/core (Node ${node.version}, ${RUNS} pairs per row)`);
  say();
  say(
    'The toolkit floors are the floor scripts with `@actions/core` imported first and one input read through it, ' +
      'bundled with ncc like the action (`bench/toolkit-floor-*.mjs`).',
  );
  say();
  say('| compared | first (median) | second (median) | median of paired ratios | range of ratios |');
  say('| --- | --- | --- | --- | --- |');
  row('toolkit floor (create) vs floor-create.mjs', core, 'floor-create.mjs');
  row('main step vs toolkit floor (create)', main, 'toolkit-floor-create');
  row('post step vs toolkit floor (delete)', post, 'toolkit-floor-delete');
  say();
  say(`Tokens left in the emulator after these runs: ${left}.`);
  say();
}

async function roundTrips(): Promise<void> {
  const { emulator, inputs } = await world();
  const count = async (entryInputs: Record<string, string>, state?: Record<string, string>) => {
    emulator.clearRequests();
    const step = await runStep(state ? 'post' : 'main', {
      inputs: { ...inputs, ...entryInputs },
      caCertPath: tls.caCertPath,
      debug: false,
      ...(state ? { state } : {}),
    });
    return { requests: emulator.requests().length, state: step.state };
  };
  const byId = await count({});
  const byName = await count({ 'team-id': '', 'team-name': 'platform', organization: 'acme' });
  const post = await count({}, byId.state);
  const organization = await count({ 'team-id': '', 'token-type': 'organization', organization: 'acme' });
  const core = emulator.addProject('acme', 'Core');
  for (const name of ['app', 'db']) emulator.addWorkspace('acme', name, core);
  const scopedInputs = { 'team-id': '', organization: 'acme', workspaces: 'app,db', projects: 'Core' };
  const scoped = await count(scopedInputs);
  const scopedPost = await count(scopedInputs, scoped.state);
  await emulator.close();
  say("## 2. Round trips per operation (counted in the emulator's request log)");
  say();
  say('| operation | requests | target |');
  say('| --- | --- | --- |');
  say(`| create team token by team id | ${byId.requests} | 1 |`);
  say(`| create team token by team name | ${byName.requests} | 2 |`);
  say(`| post step delete | ${post.requests} | 1 |`);
  say(`| organization token create, none existing | ${organization.requests} | 2 |`);
  say(
    `| scoped create: 2 workspaces and 1 project by name | ${scoped.requests} | 8 (2 + 1 look-ups, team, 3 grants, ` +
      `token) |`,
  );
  say(`| scoped post step (token with the team read, then team) | ${scopedPost.requests} | 3 |`);
  say();
}

/** Which files of dist/ a step loads, seen by a module hook preloaded into the step's process (Node 24). */
async function loadedFiles(node: Runtime): Promise<Map<string, string[]>> {
  const { emulator, inputs } = await world();
  const step = { caCertPath: tls.caCertPath, debug: false, node: node.path, env: LOAD_PROBE_ENV };
  const created = await runStep('main', { ...step, inputs });
  const post = await runStep('post', { ...step, inputs, state: created.state });
  const failed = await runStep('main', { ...step, inputs: { 'api-token': '' } });
  await emulator.close();
  const by = new Map<string, string[]>();
  for (const [label, run] of [
    ['main: create', created],
    ['post', post],
    ['main: bad input', failed],
  ] as const) {
    for (const file of probeReport(run).loaded) by.set(file, [...(by.get(file) ?? []), label]);
  }
  return by;
}

async function bundleSizes(node: Runtime): Promise<void> {
  const loaded = await loadedFiles(node);
  say('## 3. Bundle sizes');
  say();
  say(
    `Which step loads each file was seen by a module hook in the step's process ` +
      `(\`__tests__/support/load-probe.mjs\`, Node ${node.version}).`,
  );
  say();
  say('| file | bytes | loaded by |');
  say('| --- | --- | --- |');
  const totals = new Map<string, number>();
  for (const entry of ['main', 'post']) {
    for (const file of (await readdir(join(ROOT, 'dist', entry))).filter((name) => name.endsWith('.js'))) {
      const size = (await stat(join(ROOT, 'dist', entry, file))).size;
      const by = loaded.get(`dist/${entry}/${file}`) ?? [];
      for (const label of by) totals.set(label, (totals.get(label) ?? 0) + size);
      say(`| dist/${entry}/${file} | ${size} | ${by.join(', ') || 'only the mode that needs it (dynamic import)'} |`);
    }
  }
  say();
  say(
    `Bytes loaded: ${[...totals].map(([label, bytes]) => `${label} ${bytes}`).join('; ')}. ` +
      'Target for the main bundle: at most 150 KB (153600 bytes).',
  );
  say();
  const main = await readFile(join(ROOT, 'dist', 'main', 'index.js'), 'utf8');
  const post = await readFile(join(ROOT, 'dist', 'post', 'index.js'), 'utf8');
  const undici = (text: string) => (holdsUndici(text) ? 'yes' : 'no');
  say(
    `libsodium code in dist/main/index.js itself: ${/libsodium/.test(main) ? 'yes' : 'no'}. ` +
      `undici in dist/main/index.js: ${undici(main)}; in dist/post/index.js: ${undici(post)}; ` +
      `in the chunks: ${(await undiciChunks()).join(', ') || 'none'} (the GitHub client, loaded by mode: rotate only).`,
  );
  say();
}

async function undiciChunks(): Promise<string[]> {
  const found: string[] = [];
  for (const entry of ['main', 'post']) {
    for (const file of (await readdir(join(ROOT, 'dist', entry))).filter(
      (name) => name.endsWith('.js') && name !== 'index.js',
    )) {
      if (holdsUndici(await readFile(join(ROOT, 'dist', entry, file), 'utf8'))) found.push(`dist/${entry}/${file}`);
    }
  }
  return found;
}

/** 40 jobs at once through the action, then the same through the floor scripts (order alternating per round). */
async function scale(node: Runtime): Promise<void> {
  const limit = 30;
  const rounds = short ? 1 : 3;
  say(
    `## 4. Scale: ${JOBS} concurrent jobs (main then post), one credential, ${limit} requests per second, Node ` +
      `${node.version}`,
  );
  say();
  say(
    `${rounds} round(s); in each, the action's ${JOBS} jobs and the floor scripts' ${JOBS} jobs run back to back ` +
      `(alternating which goes first), each against a fresh emulator with the same rate limit.`,
  );
  say();
  say(
    "| round | action wall time | floor scripts' wall time | ratio | requests / limit | requests | of which 429 | " +
      'failures | tokens left |',
  );
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    let action: Awaited<ReturnType<typeof actionJobs>>;
    let floorMs: number;
    if (round % 2 === 1) {
      action = await actionJobs(limit, node);
      floorMs = await floorJobs(limit, node);
    } else {
      floorMs = await floorJobs(limit, node);
      action = await actionJobs(limit, node);
    }
    ratios.push(action.wallMs / floorMs);
    say(
      `| ${round} | ${(action.wallMs / 1000).toFixed(2)} s | ${(floorMs / 1000).toFixed(2)} s | ` +
        `${(action.wallMs / floorMs).toFixed(2)} | ${(action.served / limit).toFixed(2)} s | ${action.requests} | ` +
        `${action.requests - action.served} | ${action.failures} | ${action.left} |`,
    );
  }
  say();
  say(
    `Median ratio of the action's wall time to the floor scripts' wall time: **${median(ratios).toFixed(2)}** ` +
      `(target ≤ 1.25). The floor scripts are one plain POST process, then one plain DELETE process per job, ` +
      `all at once, waiting out a 429 as the action does; every job starts two Node processes on ${cpus().length} ` +
      `cores, so this is what this machine can do.`,
  );
  say();
}

async function actionJobs(limit: number, node: Runtime) {
  const { emulator, inputs } = await world(limit);
  const step = { inputs, caCertPath: tls.caCertPath, debug: false, node: node.path };
  const started = process.hrtime.bigint();
  const results = await Promise.all(
    Array.from({ length: JOBS }, async () => {
      const main = await runStep('main', step);
      const post = await runStep('post', { ...step, state: main.state });
      return main.code === 0 && post.code === 0 && !/::warning::Could not delete/.test(post.stdout);
    }),
  );
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const requests = emulator.requests();
  const left = emulator.tokens().length;
  await emulator.close();
  const served = requests.filter((request) => request.status !== 429).length;
  return { wallMs, requests: requests.length, served, failures: results.filter((ok) => !ok).length, left };
}

/** The same jobs with the floor scripts, through the same step runner, to measure what this machine can do. */
async function floorJobs(limit: number, node: Runtime): Promise<number> {
  const { emulator, teamId, credential } = await world(limit);
  const env = { FLOOR_HOSTNAME: emulator.hostname, FLOOR_TEAM_ID: teamId, FLOOR_TOKEN: credential };
  const step = { caCertPath: tls.caCertPath, debug: false, node: node.path };
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: JOBS }, async () => {
      const created = await runStep('main', { ...step, script: FLOOR_CREATE, env });
      await runStep('post', {
        ...step,
        script: FLOOR_DELETE,
        env: { ...env, FLOOR_TOKEN_ID: created.outputs['token-id'] ?? '' },
      });
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (emulator.tokens().length !== 0) throw new Error('the floor scripts left tokens behind');
  await emulator.close();
  return elapsed;
}

/** The issue's scale model of 1,000 jobs within a minute at 30 requests/s: jobs and limit divided by 10, time not. */
async function fleet(node: Runtime): Promise<void> {
  const models = short
    ? [{ jobs: 20, limit: 4, spreadMs: 0 }]
    : [
        { jobs: 100, limit: 3, spreadMs: 0 },
        { jobs: 100, limit: 3, spreadMs: 60_000 },
      ];
  say(`## 5. Fleet: many jobs on one credential (Node ${node.version})`);
  say();
  say(
    'The scale model of 1,000 jobs starting within one minute on one credential limited to 30 requests per second: ' +
      'job count and limit divided by the same factor, time not. Each job is a main step (create a team token by id) ' +
      'and its post step (delete it), each a fresh process. The rate-limit floor is the answered requests over the ' +
      'limit (and at least the spread). "Before reset" counts requests repeated earlier than the X-RateLimit-Reset ' +
      'of their 429, matched in the emulator by a digest of the request; only creates and deletes are matched, ' +
      "since each carries its own job's nonce or token id (two jobs' identical look-ups cannot be told apart).",
  );
  say();
  say(
    '| model | jobs | limit | failed steps | tokens left | distinct tokens | 429s per job | wall | ' +
      "rate-limit floor | wall / floor | same burst, no limit | requests' span | span / floor | before reset |",
  );
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const model of models) sayFleet(await fleetRun(tls, node.path, model));
  say();
  say(
    'Targets (burst model): 0 failed steps, 0 tokens left, 100 distinct tokens, none before reset, at most 5 answers ' +
      'of 429 per job on average, wall at most 1.5x the floor; spread model: 0 failed steps, 0 tokens left.',
  );
  say();
  say(
    '"Same burst, no limit" is the burst run again against an emulator without a rate limit: what starting and ' +
      "ending its 200 step processes costs this machine's 2 cores. No request goes out until most of a phase's 100 " +
      "processes have started, so the wall pays that start-up twice on top of the drain; a fleet's jobs start on " +
      'machines of their own and do not. "Requests\' span" leaves it out: from the first request the emulator ' +
      'received to the last, in each phase (creates, then deletes), added up; it is what the retry policy decides.',
  );
  say();
}

function sayFleet(row: FleetRow): void {
  const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
  const ratio = (ms: number | null) => (ms === null ? '—' : `**${(ms / row.floorMs).toFixed(2)}**`);
  say(
    `| ${row.model} | ${row.jobs} | ${row.limit}/s | ${row.failedSteps} | ${row.tokensLeft} | ` +
      `${row.distinctTokens} | ${(row.rateLimited / row.jobs).toFixed(2)} | ${seconds(row.wallMs)} | ` +
      `${seconds(row.floorMs)} | ${ratio(row.wallMs)} | ${seconds(row.unlimitedWallMs)} | ` +
      `${seconds(row.requestSpanMs)} | ${ratio(row.requestSpanMs)} | ${row.beforeReset} |`,
  );
}

async function roundTripsDelayed(node: Runtime): Promise<void> {
  const runs = short ? 3 : 15;
  say(`## 6. Round trips through a 40 ms delay proxy (Node ${node.version}, ${runs} pairs per step)`);
  say();
  say(
    'A TCP forwarder on 127.0.0.1 (`bench/fleet.ts` delayProxy) delays every chunk 20 ms each way and holds a new ' +
      "connection's first bytes one round trip (the TCP handshake), so TCP and TLS cost real round trips. Each step " +
      'runs through it and through the same forwarder without delay, alternating; the round trips it waits for are ' +
      'the difference of the network spans (first connection to last byte answered, so process start-up is left ' +
      'out) over 40 ms, from the least span of each side, because CPU contention only ever adds time; the median of ' +
      'the per-pair figures is shown too. The bound is TCP + TLS 1.3 + the chain of requests that depend on each ' +
      'other (independent ones sent together).',
  );
  say();
  say('| step | requests | round trips | median of pairs | bound | before (issue 16) |');
  say('| --- | --- | --- | --- | --- | --- |');
  for (const row of await roundTripsThroughProxy(node.path, runs)) {
    say(
      `| ${row.step} | ${row.requests} | **${row.roundTrips.toFixed(1)}** | ${row.medianOfPairs.toFixed(1)} | ` +
        `${row.bound} | ${row.before} |`,
    );
  }
  say();
}

interface Runtime {
  readonly path: string;
  readonly version: string;
  readonly label: string;
}

/** Node 24 (the action's runtime, from the npm registry's node@24 package) first, then the machine's own Node. */
async function runtimes(): Promise<Runtime[]> {
  const run = promisify(execFile);
  const machine = { path: process.execPath, version: process.version, label: "this machine's Node" };
  const found = await run('npx', ['-y', '-p', 'node@24', '-c', 'command -v node'], { env: process.env }).catch(
    (error: Error) => {
      say(
        `Node 24 could not be installed through npx (${error.message.split('\n')[0]}); start-up is measured on ` +
          `${process.version} only.`,
      );
      return null;
    },
  );
  if (!found) return [machine];
  const path = found.stdout.trim().split('\n').at(-1)!;
  const version = (await run(path, ['--version'])).stdout.trim();
  return version === process.version
    ? [machine]
    : [{ path, version, label: "the action's runtime, npm package node@24" }, machine];
}

say(`# Benchmark results${short ? ' (short form)' : ''}`);
say();
say(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `${platform()} ${release()}); benchmark process on Node ${process.version}; ${new Date().toISOString()}; ` +
    `load average at the start ${loadavg()[0]!.toFixed(1)} (other work on the machine stretches every wall time).`,
);
say(
  'Command: `npm run bench`. The emulator runs in the benchmark process on loopback HTTPS; every action step is a ' +
    'fresh `node dist/<entry>/index.js` process, as on a runner, and every floor script runs through the same step ' +
    'runner (same environment, same file commands).',
);
say();
say('## 1. Start-up: each step against a bare `node:https` floor');
say();
say(
  `${RUNS} pairs per row: one action run and one floor run, alternating which goes first; the figure is the median ` +
    `of the ${RUNS} per-pair ratios. Wall time of each process from spawn to exit.`,
);
say();
// `--only=5,6` runs just those sections (for working on them) and writes no results file.
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (section: number) => !only || only.includes(String(section));
const nodes = await runtimes();
if (wanted(1)) for (const runtime of nodes) await startup(runtime);
if (wanted(1)) await toolkitFloor(nodes[0]!);
if (wanted(2)) await roundTrips();
if (wanted(3)) await bundleSizes(nodes[0]!);
if (wanted(4)) await scale(nodes[0]!);
if (wanted(5)) await fleet(nodes[0]!);
if (wanted(6)) await roundTripsDelayed(nodes[0]!);
if (!short && !only) await writeFile(join(ROOT, 'bench', 'results.md'), lines.join('\n'));
