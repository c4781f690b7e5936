import { expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { callEmulator } from '../../__tests__/support/steps/emulator-call.js';
import { parseFileCommands, ROOT } from '../../__tests__/support/steps/runner.js';

/**
 * The compiled lib/emulator/cli.js, started as people and the e2e workflow start it: stopped by a signal, it must
 * remove its temporary folder (its CA) and die of that signal.
 */

const CLI = join(ROOT, 'lib', 'emulator', 'cli.js');

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

test.each(SIGNALS)('stopped with %s, it exits and removes its temporary folder', async (signal) => {
  // Its own TMPDIR, so the folder the emulator makes is the only one besides the env file.
  const dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
  const envFile = join(dir, 'emulator.env');
  await writeFile(envFile, '');
  const child = spawn(process.execPath, [CLI, '--env-file', envFile], {
    env: { PATH: process.env['PATH'] ?? '', TMPDIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const exited = new Promise((resolve) => child.on('exit', (code, killedBy) => resolve({ code, signal: killedBy })));
    await listening(child);
    const env = parseFileCommands(await readFile(envFile, 'utf8'));
    const caFolder = dirname(env['EMULATOR_CA']!);
    expect(dirname(caFolder)).toBe(dir);
    const cli = { baseUrl: `https://${env['EMULATOR_HOSTNAME']!}` };
    const ping = { method: 'GET', path: '/ping', bearer: null, contentType: null };
    expect((await callEmulator(cli, { caCert: await readFile(env['EMULATOR_CA']!, 'utf8') }, ping)).status).toBe(204);
    child.kill(signal);
    expect(await exited).toEqual({ code: null, signal });
    expect(existsSync(caFolder)).toBe(false);
    expect(await readdir(dir)).toEqual(['emulator.env']);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

/** Resolves when the CLI says it listens (it has written the env file by then); rejects if it exits first. */
function listening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Emulator listening on https://')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening: ${stderr}`)));
  });
}
