import { execFile } from 'node:child_process';
import { readdir, stat, writeFile, readFile, mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../__tests__/support/emulator.js';
import { ROOT, runStep } from '../__tests__/support/runner.js';
import { makeTestTls } from '../__tests__/support/tls.js';

/**
 * `npm run bench`: start-up against a floor, round trips per operation, bundle sizes, and 40 concurrent jobs under
 * the API rate limit. A tool, not a test: it reports; it asserts nothing about time. `--short` runs a small form.
 */
const short = process.argv.includes('--short');
const RUNS = short ? 3 : 15;
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

function timeProcess(script: string, env: Record<string, string>): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [script], { env: { PATH: process.env['PATH'] ?? '', NODE_EXTRA_CA_CERTS: tls.caCertPath, ...env } }, (error) =>
      error ? reject(error) : resolve(Number(process.hrtime.bigint() - started) / 1e6),
    ),
  );
}

async function timeStep(entry: 'main' | 'post', options: Parameters<typeof runStep>[1]): Promise<{ ms: number; state: Record<string, string> }> {
  const step = await runStep(entry, options);
  if (step.code !== 0) throw new Error(`${entry} failed: ${step.stdout}`);
  return { ms: step.elapsedMs, state: step.state };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function startup(): Promise<void> {
  const { emulator, teamId, credential, inputs } = await world();
  const outputDir = await mkdtemp(join(tmpdir(), 'bench-'));
  const floorEnv = { FLOOR_HOSTNAME: emulator.hostname, FLOOR_TEAM_ID: teamId, FLOOR_TOKEN: credential, GITHUB_OUTPUT: join(outputDir, 'out') };
  await writeFile(floorEnv.GITHUB_OUTPUT, '');
  const times = { main: [] as number[], floorCreate: [] as number[], post: [] as number[], floorDelete: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so drift in the machine's load hits both sides alike.
    const main = await timeStep('main', { inputs, caCertPath: tls.caCertPath, debug: false });
    times.main.push(main.ms);
    times.floorCreate.push(await timeProcess(join(ROOT, 'bench', 'floor-create.mjs'), floorEnv));
    times.post.push((await timeStep('post', { inputs, state: main.state, caCertPath: tls.caCertPath, debug: false })).ms);
    const victim = (await readFile(floorEnv.GITHUB_OUTPUT, 'utf8')).trim().split('\n').at(-1)!.split('=')[1]!;
    times.floorDelete.push(await timeProcess(join(ROOT, 'bench', 'floor-delete.mjs'), { ...floorEnv, FLOOR_TOKEN_ID: victim }));
  }
  await emulator.close();
  const row = (name: string, action: number[], floor: number[]) =>
    say(`| ${name} | ${median(action).toFixed(0)} ms | ${median(floor).toFixed(0)} ms | ${(median(action) / median(floor)).toFixed(2)} | 1.30 |`);
  say(`## 1. Start-up (${RUNS} interleaved runs each, medians of wall time per process)`);
  say();
  say('| step | action | floor | ratio | target |');
  say('| --- | --- | --- | --- | --- |');
  row('main: create team token by id', times.main, times.floorCreate);
  row('post: delete it', times.post, times.floorDelete);
  say();
}

async function roundTrips(): Promise<void> {
  const { emulator, inputs } = await world();
  const count = async (entryInputs: Record<string, string>, state?: Record<string, string>) => {
    emulator.clearRequests();
    const step = await runStep(state ? 'post' : 'main', { inputs: { ...inputs, ...entryInputs }, caCertPath: tls.caCertPath, debug: false, ...(state ? { state } : {}) });
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
  say('## 2. Round trips per operation (counted in the emulator\'s request log)');
  say();
  say('| operation | requests | target |');
  say('| --- | --- | --- |');
  say(`| create team token by team id | ${byId.requests} | 1 |`);
  say(`| create team token by team name | ${byName.requests} | 2 |`);
  say(`| post step delete | ${post.requests} | 1 |`);
  say(`| organization token create, none existing | ${organization.requests} | 2 |`);
  say(`| scoped create: 2 workspaces and 1 project by name | ${scoped.requests} | 8 (2 + 1 look-ups, team, 3 grants, token) |`);
  say(`| scoped post step (token, then team) | ${scopedPost.requests} | 2 |`);
  say();
}

async function bundleSizes(): Promise<void> {
  say('## 3. Bundle sizes');
  say();
  say('| file | bytes | loaded |');
  say('| --- | --- | --- |');
  for (const entry of ['main', 'post']) {
    for (const file of (await readdir(join(ROOT, 'dist', entry))).filter((name) => name.endsWith('.js'))) {
      const size = (await stat(join(ROOT, 'dist', entry, file))).size;
      say(`| dist/${entry}/${file} | ${size} | ${file === 'index.js' ? 'always (target for main: at most 600 KB)' : 'only by mode: rotate (dynamic import)'} |`);
    }
  }
  const main = await readFile(join(ROOT, 'dist', 'main', 'index.js'), 'utf8');
  say();
  say(`GitHub client or libsodium code in dist/main/index.js itself: ${/libsodium|@octokit/.test(main) ? 'yes' : 'no'}.`);
  say();
}

async function scale(): Promise<void> {
  const limit = 30;
  const { emulator, inputs } = await world(limit);
  const started = process.hrtime.bigint();
  const results = await Promise.all(
    Array.from({ length: JOBS }, async () => {
      const main = await runStep('main', { inputs, caCertPath: tls.caCertPath, debug: false });
      const post = await runStep('post', { inputs, state: main.state, caCertPath: tls.caCertPath, debug: false });
      return main.code === 0 && post.code === 0 && !/::warning::Could not delete/.test(post.stdout);
    }),
  );
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const requests = emulator.requests();
  const processFloorMs = await floorJobs();
  const served = requests.filter((request) => request.status !== 429).length;
  const floorMs = (served / limit) * 1000;
  const left = emulator.tokens().length;
  await emulator.close();
  say(`## 4. Scale: ${JOBS} concurrent jobs (main then post), one credential, ${limit} requests per second`);
  say();
  say('| wall time | floor (requests served / limit) | ratio | target | requests | of which 429 | failures | tokens left |');
  say('| --- | --- | --- | --- | --- | --- | --- | --- |');
  say(`| ${(wallMs / 1000).toFixed(2)} s | ${(floorMs / 1000).toFixed(2)} s | ${(wallMs / floorMs).toFixed(2)} | 1.30 | ${requests.length} | ${requests.length - served} | ${results.filter((ok) => !ok).length} | ${left} |`);
  say();
  say(`For scale: the same ${JOBS} jobs done by the floor scripts (one plain POST process, then one plain DELETE process each) take ${(processFloorMs / 1000).toFixed(2)} s here, since every job starts two Node processes on ${cpus().length} cores.`);
  say();
}

/** The same jobs with the floor scripts, to separate process start-up on this machine from the action's own cost. */
async function floorJobs(): Promise<number> {
  // No rate limit here: the floor scripts do not retry, and this measures process start-up alone.
  const { emulator, teamId, credential } = await world(0);
  const hostname = emulator.hostname;
  const dir = await mkdtemp(join(tmpdir(), 'bench-floor-'));
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: JOBS }, async (_, index) => {
      const output = join(dir, `out-${index}`);
      await writeFile(output, '');
      const env = { FLOOR_HOSTNAME: hostname, FLOOR_TEAM_ID: teamId, FLOOR_TOKEN: credential, GITHUB_OUTPUT: output };
      await timeProcess(join(ROOT, 'bench', 'floor-create.mjs'), env);
      const id = (await readFile(output, 'utf8')).trim().split('=')[1] ?? '';
      await timeProcess(join(ROOT, 'bench', 'floor-delete.mjs'), { ...env, FLOOR_TOKEN_ID: id });
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  await emulator.close();
  return elapsed;
}

say(`# Benchmark results${short ? ' (short form)' : ''}`);
say();
say(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores); Node ${process.version}; ${new Date().toISOString()}.`);
say('Command: `npm run bench`. The emulator runs in the benchmark process on loopback HTTPS; every action step is a fresh `node dist/<entry>/index.js` process, as on a runner.');
say();
await startup();
await roundTrips();
await bundleSizes();
await scale();
if (!short) await writeFile(join(ROOT, 'bench', 'results.md'), lines.join('\n'));
