import { runnerDependencies } from './deps.js';
import { isProgramEntry } from './entry.js';
import { errorMessage } from './errors.js';
import { runMain } from './run-main.js';

/** The main step. Hosts that import this file (local-action, tests) call it; run as a program, it calls itself. */
export async function run(): Promise<void> {
  const deps = runnerDependencies();
  await runMain(deps).catch((error: unknown) => deps.io.fail(errorMessage(error)));
}

if (isProgramEntry(import.meta.url)) await run();
