import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorsOf } from '../support/assertions/lines.js';
import { holdsUndici, LOAD_PROBE_ENV, probeReport, ROOT, runStep } from '../support/steps/runner.js';
import { startWorld, type World } from '../support/steps/world.js';

// The action is loaded four ways: the ncc bundle (the runner), compiled source (`node lib/src/index.js`), jest, and
// @github/local-action (imports src/main.ts and calls run()). Each must load, and the bundle must run each step once.

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.emulator.close());

const byId = () => ({ 'team-id': world.teamId });
const posts = () => world.calls().filter((call) => call.startsWith('POST '));

describe('the bundles', () => {
  test.each(['main', 'post'])(
    'dist/%s: no undici in the entry bundle; only the GitHub client chunk (rotate) has it',
    async (entry) => {
      const files = (await readdir(join(ROOT, 'dist', entry))).filter((name) => name.endsWith('.js'));
      expect(files).toContain('index.js');
      const holders: string[] = [];
      for (const file of files) {
        const text = await readFile(join(ROOT, 'dist', entry, file), 'utf8');
        // @actions/github brings undici for its proxy fetch; that chunk is loaded by mode: rotate's dynamic import
        // only.
        if (!holdsUndici(text)) continue;
        holders.push(file);
        expect({ file, octokit: /octokit/i.test(text) }).toEqual({
          file: expect.not.stringMatching(/^index/),
          octokit: true,
        });
      }
      // Not true by silence: the check does find undici where it is (main's rotate chunk); post has no such chunk.
      expect(holders.length > 0).toBe(entry === 'main');
    },
  );

  test('runs main exactly once and post exactly once', async () => {
    world.emulator.clearRequests();
    const { main, post } = await world.job(byId());
    expect(errorsOf(main)).toEqual([]);
    expect(posts()).toEqual([`POST /teams/${world.teamId}/authentication-tokens`]);
    expect(world.calls().filter((call) => call.startsWith('DELETE '))).toEqual([
      `DELETE /authentication-tokens/${main.outputs['token-id']}`,
    ]);
    expect(post.code).toBe(0);
  });
});

describe('what a step loads', () => {
  const probe = { env: LOAD_PROBE_ENV };
  const network = ['https', 'http', 'tls', 'child_process', 'crypto'];

  test('a bad input fails before @actions/core or the HTTP stack is loaded; a good one loads them', async () => {
    const failed = probeReport(await world.main({ ...byId(), expiry: 'soon' }, probe));
    for (const name of network) expect(failed.builtins).not.toContain(name);
    expect(failed.loaded).toEqual(['dist/main/index.js']);
    const created = await world.main(byId(), probe);
    expect(probeReport(created).builtins).toEqual(expect.arrayContaining(['https', 'tls']));
    await world.post(created, byId());
  });

  test('a per-job create loads at most 150 KB of the bundle, and no mode chunk it does not run', async () => {
    const created = await world.main(byId(), probe);
    const { loaded } = probeReport(created);
    const sizes = await Promise.all(loaded.map((file) => stat(join(ROOT, file)).then((info) => info.size)));
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(150 * 1024);
    for (const file of loaded) {
      expect(await readFile(join(ROOT, file), 'utf8')).not.toMatch(/octokit|libsodium|grantWorkspace/);
    }
    await world.post(created, byId());
  });

  test('the post step of a mode that makes no token loads nothing and says nothing', async () => {
    const list = { mode: 'list', organization: 'acme' };
    const post = await world.post(await world.main(list), list, probe);
    for (const name of network) expect(probeReport(post).builtins).not.toContain(name);
    expect(probeReport(post).loaded).toEqual(['dist/post/index.js']);
    expect(post.stdout).toBe('');
    expect(post.code).toBe(0);
  });
});

describe('compiled source: node lib/src/index.js and lib/src/post-index.js', () => {
  test('runs the whole job once, like the bundle', async () => {
    world.emulator.clearRequests();
    const script = (entry: string) => join(ROOT, 'lib', 'src', `${entry}.js`);
    const main = await world.main(byId(), { script: script('index') });
    expect(errorsOf(main)).toEqual([]);
    expect(main.code).toBe(0);
    expect(main.outputs['token-id']).toMatch(/^at-/);
    const post = await world.post(main, byId(), { script: script('post-index') });
    expect(post.stdout).toContain(`Deleted team token ${main.outputs['token-id']}`);
    expect(posts()).toHaveLength(1);
    expect(world.emulator.tokens().filter((token) => token.id === main.outputs['token-id'])).toEqual([]);
  });
});

describe('modules that only define a step: node lib/src/main.js and lib/src/post.js', () => {
  // Only index.ts and post-index.ts start a step; main.ts and post.ts export run() and start nothing themselves.
  test.each(['main', 'post'])('lib/src/%s.js started by Node runs nothing and sends nothing', async (entry) => {
    world.emulator.clearRequests();
    const script = join(ROOT, 'lib', 'src', `${entry}.js`);
    const step = await runStep(entry as 'main' | 'post', { inputs: byId(), caCertPath: null, script });
    expect([step.code, step.stdout, step.files.output, step.files.state]).toEqual([0, '', '', '']);
    expect(world.calls()).toEqual([]);
  });
});

describe('jest: importing the entry files', () => {
  test('runs nothing until run() is called, and run() reports bad input as the step failure', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const main = await import('../../src/main.js');
      const post = await import('../../src/post.js');
      expect(written).toEqual([]);
      expect(typeof main.run).toBe('function');
      expect(typeof post.run).toBe('function');
      await main.run(); // no INPUT_* in this process
      expect(written.join('')).toMatch(/^::error::Input "[a-z-]+" /m);
      expect(process.exitCode).toBe(1);
    } finally {
      spy.mockRestore();
      process.exitCode = 0;
    }
  });
});

describe('@github/local-action', () => {
  // The .env files' folders go after the tests: the run's TMPDIR must end empty (global-teardown.ts).
  const envDirs: string[] = [];
  afterAll(() => Promise.all(envDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  test('runs src/main.ts then src/post.ts through their exported run(), once each', async () => {
    world.emulator.clearRequests();
    const dir = await mkdtemp(join(tmpdir(), 'local-action-'));
    envDirs.push(dir);
    const envFile = join(dir, '.env');
    await writeFile(envFile, localActionEnv(world));
    const { stdout } = await localAction(['run', ROOT, 'src/main.ts', envFile, '--post', 'src/post.ts'], world);
    expect(stdout).not.toContain('::error::');
    const created = /Created team token (at-[A-Za-z0-9]+)/.exec(stdout);
    expect(created).not.toBeNull();
    expect(stdout.match(/Created team token/g)).toHaveLength(1);
    expect(stdout).toContain(`Deleted team token ${created![1]}.`);
    expect(posts()).toHaveLength(1);
    expect(world.emulator.tokens().filter((token) => token.id === created![1])).toEqual([]);
  }, 90_000);

  test('a bad input is reported through its @actions/core: the credential is masked, never printed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'local-action-'));
    envDirs.push(dir);
    const envFile = join(dir, '.env');
    await writeFile(envFile, `${localActionEnv(world)}INPUT_EXPIRY=soon\n`);
    const { stdout } = await localAction(['run', ROOT, 'src/main.ts', envFile], world);
    expect(stdout).toMatch(/Input "expiry" must be a duration/);
    expect(stdout).not.toContain(world.credential);
    expect(stdout).not.toContain('::add-mask::');
  }, 90_000);
});

/** The README's `.env` example, filled in for this emulator. */
function localActionEnv(w: World): string {
  return [
    'GITHUB_REPOSITORY=octo-org/infra',
    'GITHUB_RUN_ID=1',
    'GITHUB_RUN_ATTEMPT=1',
    'GITHUB_JOB=local',
    `INPUT_API-TOKEN=${w.credential}`,
    `INPUT_HOSTNAME=${w.emulator.hostname}`,
    `INPUT_TEAM-ID=${w.teamId}`,
    '',
  ].join('\n');
}

function localAction(args: string[], w: World): Promise<{ stdout: string }> {
  const bin = join(ROOT, 'node_modules', '.bin', 'local-action');
  return new Promise((resolve, reject) =>
    execFile(
      bin,
      args,
      {
        cwd: ROOT,
        timeout: 80_000,
        maxBuffer: 16 * 1024 * 1024,
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: process.env['HOME'] ?? tmpdir(),
          NODE_EXTRA_CA_CERTS: w.caCertPath,
        },
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve({ stdout }),
    ),
  );
}
