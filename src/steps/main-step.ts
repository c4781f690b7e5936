import { errorMessage } from '../common/errors.js';
import { randomHex } from '../common/random.js';
import { runContextFrom } from '../inputs/description.js';
import { readApiToken } from '../inputs/connection.js';
import { parseInputs, type Inputs } from '../inputs/parse.js';
import { runnerInput } from '../runner/runner-input.js';

/** Reports a bad input: masks the credentials read so far, then fails the step with the message. */
export type InputFailure = (message: string, credentials: readonly string[]) => void | Promise<void>;

/**
 * Inputs are checked first, with only the input rules loaded, so a bad input fails at once and nothing is sent;
 * good inputs load the rest (@actions/core, the HTTP client, the mode's code).
 */
export async function mainStep(failInput: InputFailure): Promise<void> {
  const env = process.env;
  const source = { get: runnerInput(env), env };
  // Read before anything can fail, so even the input error masks them.
  const credentials = [readApiToken(source), source.get('github-token')].filter(Boolean);
  let inputs: Inputs;
  try {
    inputs = parseInputs({ ...source, now: Date.now(), run: runContextFrom(env), randomHex });
  } catch (error) {
    await failInput(errorMessage(error), credentials);
    return;
  }
  // "eager" keeps these modules in the bundle's one file (no second file to read on every job); they, @actions/core
  // and the HTTP stack are still evaluated only here, after the check.
  const [{ runnerDependencies }, { runMain }] = await Promise.all([
    import(/* webpackMode: "eager" */ './dependencies.js'),
    import(/* webpackMode: "eager" */ './run-main.js'),
  ]);
  const deps = runnerDependencies();
  await runMain(deps, inputs, credentials).catch((error: unknown) => deps.io.fail(errorMessage(error)));
}

/**
 * A host may replace @actions/core (local-action records masks instead of printing them), so a host's bad input is
 * reported through it, not as workflow commands on stdout.
 */
export async function failThroughCore(message: string, credentials: readonly string[]): Promise<void> {
  const { runnerDependencies } = await import(/* webpackMode: "eager" */ './dependencies.js');
  const { io } = runnerDependencies();
  for (const credential of credentials) io.setSecret(credential);
  io.fail(message);
}
