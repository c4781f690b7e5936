import type { DeleteAgentToken, DeleteOrganizationToken, DeleteTeamToken } from '../inputs/parse.js';
import * as organizationTokens from '../api/tfc/organization-tokens.js';
import { requireHcpTerraform } from '../api/tfc/platform.js';
import * as teamTokens from '../api/tfc/team-tokens.js';
import type { Token } from '../api/tfc/types.js';
import { resolveTeamId, type OperationContext } from '../tokens/context.js';

type DeleteInputs = DeleteTeamToken | DeleteOrganizationToken | DeleteAgentToken;
type Outcome = { readonly deletedId: string | null; readonly note: string; readonly owner: string };

export async function deleteToken(context: OperationContext, inputs: DeleteInputs): Promise<void> {
  const outcome = await deleteOutcome(context, inputs);
  if (outcome.deletedId) context.io.info(outcome.note);
  else context.io.notice(outcome.note);
  const tokenId = outcome.deletedId ?? inputs.tokenId;
  if (tokenId) context.io.setOutput('token-id', tokenId);
  await context.publisher.summary('HCP Terraform token deleted', [
    ['Type', typeLabel(inputs)],
    ['Token ID', tokenId ?? '(none)'],
    ['Owner', outcome.owner],
    ['Result', outcome.note],
  ]);
}

async function deleteOutcome(context: OperationContext, inputs: DeleteInputs): Promise<Outcome> {
  const { client } = context;
  if (inputs.operation === 'delete-organization-token') {
    const { organization, tokenType } = inputs;
    if (tokenType === 'audit-trail') await requireHcpTerraform(client);
    const current = await organizationTokens.read(client, organization, tokenType);
    const owner = `organization "${organization}" (${tokenType} token)`;
    return deleteSingleton(current, inputs.tokenId, owner, () =>
      organizationTokens.delete(client, organization, tokenType),
    );
  }
  if (inputs.operation === 'delete-agent-token' || !inputs.legacy) {
    const tokenId = inputs.tokenId as string; // parseInputs requires it here
    const result = await teamTokens.delete(client, tokenId);
    const owner = '(named by token id)';
    return result === 'deleted'
      ? { deletedId: tokenId, note: `Deleted token ${tokenId}.`, owner }
      : {
          deletedId: null,
          note: `Token ${tokenId} is already gone (or not visible to this credential); nothing to delete.`,
          owner,
        };
  }
  const teamId = await resolveTeamId(client, inputs.team!, inputs.organization);
  const current = await teamTokens.readLegacy(client, teamId);
  return deleteSingleton(current, inputs.tokenId, `team ${teamId}`, () => teamTokens.deleteLegacy(client, teamId));
}

/** A singleton token is deleted only while it is still the one asked for: someone may have replaced it since. */
async function deleteSingleton(
  current: Token | null,
  expectedId: string | null,
  owner: string,
  remove: () => Promise<'deleted' | 'not-found'>,
): Promise<Outcome> {
  if (!current) return { deletedId: null, note: `The ${owner} has no token; nothing to delete.`, owner };
  if (expectedId && current.id !== expectedId) {
    return {
      deletedId: null,
      note: `Token ${expectedId} is already gone: the ${owner} now has token ${current.id}, which was left alone.`,
      owner,
    };
  }
  const result = await remove();
  return result === 'deleted'
    ? { deletedId: current.id, note: `Deleted token ${current.id} of the ${owner}.`, owner }
    : { deletedId: null, note: `The ${owner} token is already gone; nothing to delete.`, owner };
}

function typeLabel(inputs: DeleteInputs): string {
  if (inputs.operation === 'delete-organization-token') return inputs.tokenType;
  if (inputs.operation === 'delete-agent-token') return 'agent';
  return inputs.legacy ? 'team (legacy single token)' : 'team';
}
