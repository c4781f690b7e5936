import * as core from '@actions/core';
import { runnerDependencies } from './deps.js';
import { isProgramEntry } from './entry.js';
import { errorMessage } from './errors.js';
import { runMain } from './run-main.js';

/** The main step. Hosts that import this file (local-action, tests) call it; run as a program, it calls itself. */
export async function run(): Promise<void> {
  await runMain(runnerDependencies()).catch((error: unknown) => core.setFailed(errorMessage(error)));
}

if (isProgramEntry(import.meta.url)) await run();
