import { appendFile } from 'node:fs/promises';
import { Emulator } from './server.js';

/**
 * Runs the emulator until killed, for the e2e workflow (`uses: ./` against it) and local runs. Seeds organization
 * `acme` with team `platform` and an owner credential, and appends EMULATOR_HOSTNAME, EMULATOR_CREDENTIAL and
 * EMULATOR_CA to the file named by --env-file (the job's GITHUB_ENV), so later steps can reach it.
 */
const envFile = process.argv[process.argv.indexOf('--env-file') + 1];
if (!process.argv.includes('--env-file') || !envFile) throw new Error('usage: emulator-cli --env-file <path>');
const started = Emulator.start();
// Before the start finishes, so that a signal during it still removes the CA's folder.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal));
const emulator = await started;
emulator.addOrganization('acme');
emulator.addTeam('acme', 'platform');
const credential = emulator.addCredential({ organization: 'acme', role: 'owner' });
// One append, the hostname last: the e2e workflow waits for that line, then reads the others.
const ca = emulator.ownTls!.caCertPath;
const lines = [`EMULATOR_CA=${ca}`, `EMULATOR_CREDENTIAL=${credential}`, `EMULATOR_HOSTNAME=${emulator.hostname}`];
await appendFile(envFile, `${lines.join('\n')}\n`);
console.log(`Emulator listening on ${emulator.baseUrl}`);

/**
 * close() removes the emulator's temporary folder; then the process dies of the same signal (the handler was
 * registered once, so the default action applies), as it would have without the handler.
 */
async function stop(signal: NodeJS.Signals): Promise<void> {
  await (await started).close();
  process.kill(process.pid, signal);
}
