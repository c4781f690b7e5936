import type { Dependencies } from './dependencies.js';
import type { Inputs } from '../inputs/parse.js';
import { Publisher } from '../runner/publish.js';
import { CleanupLedger } from '../state/ledger.js';
import { createTeamToken } from '../modes/create/team.js';
import type { OperationContext } from '../tokens/context.js';

/** The main step's whole budget; a sweep of a large organization is the longest run this allows for. */
export const MAIN_BUDGET_MS = 15 * 60_000;

/** Runs the checked inputs' operation; `credentials` are masked before anything is printed. */
export async function runMain(deps: Dependencies, inputs: Inputs, credentials: readonly string[]): Promise<void> {
  const publisher = new Publisher(deps.io);
  for (const credential of credentials) publisher.mask(credential);
  const deadline = deps.now() + MAIN_BUDGET_MS;
  const client = deps.connect({ ...inputs, deadline });
  try {
    const context: OperationContext = {
      io: deps.io,
      client,
      publisher,
      ledger: new CleanupLedger(deps.io, inputs.hostname, deps.now),
      randomHex: deps.randomHex,
      now: deps.now,
      connectAs: (apiToken) => deps.connect({ ...inputs, apiToken, deadline }),
      transport: () => deps.transport(inputs),
      deadline,
    };
    await runOperation(context, inputs);
  } finally {
    client.close();
  }
}

function runOperation(context: OperationContext, inputs: Inputs): Promise<unknown> {
  switch (inputs.operation) {
    case 'create-team-token':
      return createTeamToken(context, inputs);
    // Every other mode is loaded when it runs, so the per-job path (above) never parses their code.
    case 'create-scoped-token':
      return import('../modes/scoped/create.js').then((mode) => mode.createScopedToken(context, inputs));
    case 'create-organization-token':
      return import('../modes/create/organization.js').then((mode) => mode.createOrganizationToken(context, inputs));
    case 'create-agent-token':
      return import('../modes/create/agent.js').then((mode) => mode.createAgentToken(context, inputs));
    case 'delete-team-token':
    case 'delete-organization-token':
    case 'delete-agent-token':
      return import('../modes/delete.js').then((mode) => mode.deleteToken(context, inputs));
    case 'rotate-token':
      return import('../modes/rotate/rotate.js').then((mode) => mode.rotateToken(context, inputs));
    case 'list-tokens':
      return import('../modes/list/list.js').then((mode) => mode.listTokens(context, inputs));
    case 'sweep-tokens':
      return import('../modes/sweep/sweep.js').then((mode) => mode.sweepTokens(context, inputs));
  }
}
