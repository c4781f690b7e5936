import { runContextFrom } from './description.js';
import { isProgramEntry } from './entry.js';
import { errorMessage } from './errors.js';
import { failOnInput } from './fail-on-input.js';
import { parseInputs, type Inputs } from './inputs.js';
import { readApiToken } from './inputs/connection.js';
import { randomHex } from './random.js';
import { runnerInput } from './runner-input.js';

/**
 * The main step. Hosts that import this file (local-action, tests) call it; run as a program, it calls itself.
 * Inputs are checked first, with only the input rules loaded, so a bad input fails at once and nothing is sent.
 */
export async function run(): Promise<void> {
  const env = process.env;
  const source = { get: runnerInput(env), env };
  // Read before anything can fail, so even the input error masks them.
  const credentials = [readApiToken(source), source.get('github-token')].filter(Boolean);
  let inputs: Inputs;
  try {
    inputs = parseInputs({ ...source, now: Date.now(), run: runContextFrom(env), randomHex });
  } catch (error) {
    failOnInput(errorMessage(error), credentials);
    return;
  }
  const [{ runnerDependencies }, { runMain }] = await Promise.all([import('./deps.js'), import('./run-main.js')]);
  const deps = runnerDependencies();
  await runMain(deps, inputs, credentials).catch((error: unknown) => deps.io.fail(errorMessage(error)));
}

if (isProgramEntry(import.meta.url)) await run();
