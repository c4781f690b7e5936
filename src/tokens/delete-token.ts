import type { DeleteOrganizationToken, DeleteTeamToken } from '../inputs.js';
import * as organizationTokens from '../tfc/organization-tokens.js';
import * as teamTokens from '../tfc/team-tokens.js';
import type { Token } from '../tfc/types.js';
import { resolveTeamId, type OperationContext } from './context.js';

type Outcome = { readonly deletedId: string | null; readonly note: string };

export async function deleteToken(context: OperationContext, inputs: DeleteTeamToken | DeleteOrganizationToken): Promise<void> {
  const outcome = await deleteOutcome(context, inputs);
  if (outcome.deletedId) {
    context.io.info(outcome.note);
    context.io.setOutput('token-id', outcome.deletedId);
  } else {
    context.io.notice(outcome.note);
    if (inputs.tokenId) context.io.setOutput('token-id', inputs.tokenId);
  }
  const owner = inputs.operation === 'delete-organization-token' ? ['Organization', inputs.organization] as const : ['Team', inputs.team ? JSON.stringify(inputs.team) : '(by token id)'] as const;
  await context.publisher.summary('HCP Terraform token deleted', [
    ['Type', inputs.operation === 'delete-organization-token' ? 'organization' : inputs.legacy ? 'team (legacy single token)' : 'team'],
    ['Token ID', outcome.deletedId ?? inputs.tokenId ?? '(none)'],
    owner,
    ['Result', outcome.note],
  ]);
}

async function deleteOutcome(context: OperationContext, inputs: DeleteTeamToken | DeleteOrganizationToken): Promise<Outcome> {
  const { client } = context;
  if (inputs.operation === 'delete-organization-token') {
    const current = await organizationTokens.read(client, inputs.organization);
    return deleteSingleton(current, inputs.tokenId, `organization "${inputs.organization}"`, () => organizationTokens.remove(client, inputs.organization));
  }
  if (!inputs.legacy) {
    const tokenId = inputs.tokenId as string; // parseInputs requires it without legacy-team-token
    const result = await teamTokens.deleteById(client, tokenId);
    return result === 'deleted'
      ? { deletedId: tokenId, note: `Deleted team token ${tokenId}.` }
      : { deletedId: null, note: `Team token ${tokenId} is already gone (or not visible to this credential); nothing to delete.` };
  }
  const teamId = await resolveTeamId(client, inputs.team!, inputs.organization);
  const current = await teamTokens.readLegacy(client, teamId);
  return deleteSingleton(current, inputs.tokenId, `team ${teamId}`, () => teamTokens.deleteLegacy(client, teamId));
}

/** A singleton token is deleted only while it is still the one asked for: someone may have replaced it since. */
async function deleteSingleton(current: Token | null, expectedId: string | null, owner: string, remove: () => Promise<'deleted' | 'not-found'>): Promise<Outcome> {
  if (!current) return { deletedId: null, note: `The ${owner} has no token; nothing to delete.` };
  if (expectedId && current.id !== expectedId) {
    return { deletedId: null, note: `Token ${expectedId} is already gone: the ${owner} now has token ${current.id}, which was left alone.` };
  }
  const result = await remove();
  return result === 'deleted'
    ? { deletedId: current.id, note: `Deleted token ${current.id} of the ${owner}.` }
    : { deletedId: null, note: `The ${owner} token is already gone; nothing to delete.` };
}
