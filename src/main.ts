import { errorMessage } from './common/errors.js';
import { readApiToken, parseInputs, type Inputs } from './inputs/parse.js';
import { runContextFrom } from './inputs/rules.js';
import { reportBadInput, type CommandSink } from './runner/bad-input.js';
import { Publisher, runnerInput, randomHex, runnerDependencies, type Dependencies } from './runner/io.js';
import { CleanupLedger } from './state/ledger.js';
import type { OperationContext } from './tokens/context.js';

/** The main step's whole budget; a sweep of a large organization is the longest run this allows for. */
export const MAIN_BUDGET_MS = 15 * 60_000;

/**
 * The main step. Inputs are checked first, before @actions/core or the HTTP stack is loaded, so a bad input fails at
 * once and nothing is sent; good inputs load the rest (@actions/core, the HTTP stack, the mode's code). A bad input
 * goes to `sink` (index.ts passes stdout); a host that imports this and calls run() (local-action, tests) gets it
 * through its @actions/core, which may record masks rather than print them.
 */
export async function run(sink?: () => CommandSink): Promise<void> {
  const env = process.env;
  const source = { get: runnerInput(env), env };
  // Read before anything can fail, so even the input error masks them.
  const credentials = [readApiToken(source), source.get('github-token')].filter(Boolean);
  let inputs: Inputs;
  try {
    inputs = parseInputs({ ...source, now: Date.now(), run: runContextFrom(env), randomHex });
  } catch (error) {
    return reportBadInput(
      errorMessage(error),
      credentials,
      sink?.() ?? (await import(/* webpackMode: "eager" */ '@actions/core')),
    );
  }
  const deps = await runnerDependencies();
  await mainStep(deps, inputs, credentials).catch((error: unknown) => deps.io.fail(errorMessage(error)));
}

/** Runs the checked inputs' mode; `credentials` are masked before anything is printed. */
export async function mainStep(deps: Dependencies, inputs: Inputs, credentials: readonly string[]): Promise<void> {
  const publisher = new Publisher(deps.io);
  for (const credential of credentials) publisher.mask(credential);
  const deadline = deps.now() + MAIN_BUDGET_MS;
  const client = deps.connect({ ...inputs, deadline });
  try {
    const context: OperationContext = {
      io: deps.io,
      client,
      publisher,
      ledger: new CleanupLedger(deps.io, inputs.hostname),
      randomHex: deps.randomHex,
      now: deps.now,
      deadline,
      connectAs: (apiToken) => deps.connect({ ...inputs, apiToken, deadline }),
      transport: () => deps.transport(inputs),
    };
    await runMode(context, inputs);
  } finally {
    client.close();
  }
}

/** The per-job create is in the bundle's one file; every other mode is loaded when it runs. */
function runMode(context: OperationContext, inputs: Inputs): Promise<unknown> {
  switch (inputs.operation) {
    case 'create-team-token':
      return import(/* webpackMode: "eager" */ './modes/create/team.js').then((mode) =>
        mode.createTeamToken(context, inputs),
      );
    case 'create-scoped-token':
      return import('./modes/scoped/create.js').then((mode) => mode.createScopedToken(context, inputs));
    case 'create-organization-token':
      return import('./modes/create/organization.js').then((mode) => mode.createOrganizationToken(context, inputs));
    case 'create-agent-token':
      return import('./modes/create/agent.js').then((mode) => mode.createAgentToken(context, inputs));
    case 'delete-team-token':
    case 'delete-organization-token':
    case 'delete-agent-token':
      return import('./modes/delete.js').then((mode) => mode.deleteToken(context, inputs));
    case 'rotate-token':
      return import('./modes/rotate/rotate.js').then((mode) => mode.rotateToken(context, inputs));
    case 'list-tokens':
      return import('./modes/list/list.js').then((mode) => mode.listTokens(context, inputs));
    case 'sweep-tokens':
      return import('./modes/sweep/sweep.js').then((mode) => mode.sweepTokens(context, inputs));
  }
}
