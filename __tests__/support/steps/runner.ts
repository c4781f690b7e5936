import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * Runs dist/main or dist/post the way the GitHub runner does: INPUT_* with action.yml defaults, file commands, STATE_*.
 */

/** The project root, whether this file runs from __tests__/ (jest) or lib/__tests__/ (compiled). */
export const ROOT = findRoot(fileURLToPath(new URL('.', import.meta.url)));

function findRoot(dir: string): string {
  return existsSync(join(dir, 'action.yml')) || dir === dirname(dir) ? dir : findRoot(dirname(dir));
}

export interface StepOptions {
  readonly inputs?: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  /** For the post step: the state the main step saved. */
  readonly state?: Readonly<Record<string, string>>;
  /** NODE_EXTRA_CA_CERTS of the step; null leaves it unset (Node's bundled roots, then the machine's store). */
  readonly caCertPath: string | null;
  readonly timeoutMs?: number;
  /** Step debug on (ACTIONS_STEP_DEBUG), as a hygiene check must assume the worst. */
  readonly debug?: boolean;
  /** Run this file instead of dist/<entry>/index.js (compiled source, another load mode). */
  readonly script?: string;
  /** The Node binary for this step (ACTION_NODE sets it for every step). */
  readonly node?: string;
}

export interface StepResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly state: Record<string, string>;
  readonly exported: Record<string, string>;
  readonly summary: string;
  /** Wall time of the step's process alone, for the benchmark. */
  readonly elapsedMs: number;
  /** The raw file-command files, for secret scans. */
  readonly files: { readonly output: string; readonly state: string; readonly env: string; readonly summary: string };
}

let defaults: Promise<Record<string, string>> | undefined;

/** Every declared input with its default, as the runner materialises them (no default ⇒ ''). */
export function actionDefaults(): Promise<Record<string, string>> {
  defaults ??= readFile(join(ROOT, 'action.yml'), 'utf8').then((text) => {
    const inputs = (parse(text) as { inputs: Record<string, { default?: string }> }).inputs;
    return Object.fromEntries(Object.entries(inputs).map(([name, spec]) => [name, String(spec.default ?? '')]));
  });
  return defaults;
}

/** The step's files (and its HOME and RUNNER_TEMP) live in a temporary folder, removed once they are read. */
export async function runStep(entry: 'main' | 'post', options: StepOptions): Promise<StepResult> {
  const dir = await mkdtemp(join(tmpdir(), 'tfc-step-'));
  try {
    return await stepIn(dir, entry, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function stepIn(dir: string, entry: 'main' | 'post', options: StepOptions): Promise<StepResult> {
  const files = {
    output: join(dir, 'output'),
    state: join(dir, 'state'),
    env: join(dir, 'env'),
    summary: join(dir, 'summary'),
  };
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')));
  const inputs = { ...(await actionDefaults()), ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    RUNNER_TEMP: dir,
    ...(options.caCertPath === null ? {} : { NODE_EXTRA_CA_CERTS: options.caCertPath }),
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'octo-org/infra',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'deploy',
    ...(options.debug === false ? {} : { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' }),
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]),
    ),
    ...Object.fromEntries(Object.entries(options.state ?? {}).map(([name, value]) => [`STATE_${name}`, value])),
    ...options.env,
  };
  const started = process.hrtime.bigint();
  const { code, stdout, stderr } = await run(
    options.node ?? (process.env['ACTION_NODE'] || process.execPath),
    [options.script ?? join(ROOT, 'dist', entry, 'index.js')],
    env,
    options.timeoutMs ?? 60_000,
  );
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const raw = {
    output: await readFile(files.output, 'utf8'),
    state: await readFile(files.state, 'utf8'),
    env: await readFile(files.env, 'utf8'),
    summary: await readFile(files.summary, 'utf8'),
  };
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(raw.output),
    state: parseFileCommands(raw.state),
    exported: parseFileCommands(raw.env),
    summary: raw.summary,
    elapsedMs,
    files: raw,
  };
}

/** main, then post with main's state and the same inputs, as a job does. */
export async function runJob(options: StepOptions): Promise<{ main: StepResult; post: StepResult }> {
  const main = await runStep('main', options);
  const post = await runStep('post', { ...options, state: main.state });
  return { main, post };
}

function run(command: string, args: string[], env: Record<string, string>, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolvePromise, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Reads `name=value` and `name<<DELIM … DELIM` entries as the runner does; later entries win. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] as string, i + 1);
      if (end < 0) throw new Error(`Unterminated file command for ${heredoc[1]}`);
      result[heredoc[1] as string] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      result[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return result;
}

/**
 * Whether a bundle file holds undici's code. HttpClient is bundled with the stand-in of shims/undici-not-bundled,
 * whose refusal names undici; that sentence is not undici.
 */
export function holdsUndici(text: string): boolean {
  return /undici/i.test(text.replace(/undici is not bundled with tfc-token-action[^"]*/g, ''));
}

/** Step env that preloads `load-probe.mjs`, which reports what the step's process loaded (read it with probeReport). */
export const LOAD_PROBE_ENV = { NODE_OPTIONS: `--import=${join(ROOT, '__tests__', 'support', 'load-probe.mjs')}` };

/** The files of dist/ and the built-in modules a probed step loaded. */
export function probeReport(step: { readonly stderr: string }): { loaded: string[]; builtins: string[] } {
  const line = (tag: string) => {
    const found = step.stderr.split('\n').find((text) => text.startsWith(`${tag} `));
    if (!found) throw new Error(`the load probe did not report ${tag}: ${step.stderr}`);
    return JSON.parse(found.slice(tag.length + 1)) as string[];
  };
  return { loaded: line('LOADED'), builtins: line('BUILTINS') };
}
