import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Emulator } from '../emulator/server.js';
import { makeTestTls, removeSharedTls } from '../emulator/tls.js';
import { ROOT, runStep, type StepResult } from '../__tests__/support/steps/runner.js';

/**
 * `npm run walk`: the rooms a reader walks through. Runs a per-job create (by team-id and by team-name) and its post
 * step from the compiled sources (`lib/src`) with V8 coverage on, and lists every source file in which a function
 * ran: loading a file that only declares things does not count. A tool, not a test: it reports.
 */
const SOURCES = pathToFileURL(join(ROOT, 'lib', 'src')).href + '/';

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** The source files (as `src/….ts`) in which at least one function ran, from one process's coverage folder. */
async function filesRun(dir: string, entryUrl: string): Promise<string[]> {
  const files = new Set<string>();
  for (const name of await readdir(dir)) {
    const coverage = JSON.parse(await readFile(join(dir, name), 'utf8')) as Coverage;
    for (const script of coverage.result) {
      if (!script.url.startsWith(SOURCES)) continue;
      // The first entry is the module's own evaluation (imports and declarations), which every loaded file has; it
      // counts only for the entry file, whose top level is the step.
      const ran = script.functions.slice(1).some((fn) => (fn.ranges[0]?.count ?? 0) > 0);
      if (ran || script.url === entryUrl)
        files.add(relative(join(ROOT, 'lib'), new URL(script.url).pathname).replace(/\.js$/, '.ts'));
    }
  }
  return [...files].sort();
}

async function walkStep(
  entry: 'main' | 'post',
  options: Parameters<typeof runStep>[1],
): Promise<{ step: StepResult; files: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'tfc-walk-'));
  try {
    const script = join(ROOT, 'lib', 'src', entry === 'main' ? 'index.js' : 'post-index.js');
    const step = await runStep(entry, { ...options, script, env: { ...options.env, NODE_V8_COVERAGE: dir } });
    if (step.code !== 0) throw new Error(`${entry} failed: ${step.stdout}`);
    return { step, files: await filesRun(dir, pathToFileURL(script).href) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The central job's rooms: for each way of naming the team, the files the main step and its post step ran code in. */
export async function walkCentralJob(): Promise<{ name: string; main: string[]; post: string[] }[]> {
  const tls = await makeTestTls();
  const emulator = await Emulator.start({ tls });
  try {
    emulator.addOrganization('acme');
    const teamId = emulator.addTeam('acme', 'platform');
    const credential = emulator.addCredential({ organization: 'acme', role: 'owner' });
    const base = { 'api-token': credential, hostname: emulator.hostname };
    const cases: [string, Record<string, string>][] = [
      ['per-job create by team-id', { ...base, 'team-id': teamId }],
      ['per-job create by team-name', { ...base, organization: 'acme', 'team-name': 'platform' }],
    ];
    const walks = [];
    for (const [name, inputs] of cases) {
      const main = await walkStep('main', { inputs, caCertPath: tls.caCertPath });
      const post = await walkStep('post', { inputs, caCertPath: tls.caCertPath, state: main.step.state });
      walks.push({ name, main: main.files, post: post.files });
    }
    return walks;
  } finally {
    await emulator.close();
    await removeSharedTls();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const { name, main, post } of await walkCentralJob()) {
    console.log(`${name}: main step ${main.length} files, post step ${post.length} files`);
    console.log(`  main: ${main.join(' ')}`);
    console.log(`  post: ${post.join(' ')}`);
  }
}
