/** The environment a step runs in, as the runner hands it over. */
export type StepEnv = Readonly<Record<string, string | undefined>>;

/**
 * Reads an input as the runner passes it: `INPUT_<NAME>` (spaces become underscores, upper-cased, dashes kept),
 * trimmed, '' when unset, as @actions/core's getInput does. Reading it directly lets a step check its inputs before
 * @actions/core and the rest of the action are loaded (see main.ts).
 */
export function runnerInput(env: StepEnv): (name: string) => string {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
