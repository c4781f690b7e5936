import { appendFile } from 'node:fs/promises';
import { Emulator } from './server.js';
import { makeTestTls } from './tls.js';

/**
 * Runs the emulator until killed, for the e2e workflow (`uses: ./` against it). Seeds organization `acme` with team
 * `platform` and an owner credential, and appends EMULATOR_HOSTNAME, EMULATOR_CREDENTIAL and EMULATOR_CA to the
 * file named by --env-file (the job's GITHUB_ENV), so later steps can reach it.
 */
const envFile = process.argv[process.argv.indexOf('--env-file') + 1];
if (!process.argv.includes('--env-file') || !envFile) throw new Error('usage: emulator-cli --env-file <path>');
const tls = await makeTestTls();
const emulator = await Emulator.start({ tls });
emulator.addOrganization('acme');
emulator.addTeam('acme', 'platform');
const credential = emulator.addCredential({ organization: 'acme', role: 'owner' });
await appendFile(envFile, `EMULATOR_CA=${tls.caCertPath}\nEMULATOR_CREDENTIAL=${credential}\nEMULATOR_HOSTNAME=${emulator.hostname}\n`);
console.log(`Emulator listening on ${emulator.baseUrl}`);
