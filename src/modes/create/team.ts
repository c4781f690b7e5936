import * as teamTokens from '../../api/tfc/team-tokens.js';
import * as teams from '../../api/tfc/teams.js';
import { ApiError } from '../../common/errors.js';
import { expiresClause } from '../../runner/io.js';
import type { CreateTeamToken } from '../../inputs/parse.js';
import { hasMultipleTeamTokens } from '../../api/tfc/platform.js';
import type { MintedToken, Token } from '../../api/tfc/types.js';
import { resolveTeamId, teamWithOrganization, warnIfOwnersTeam, type OperationContext } from '../../tokens/context.js';
import { createToken } from '../../tokens/create.js';

export async function createTeamToken(context: OperationContext, inputs: CreateTeamToken): Promise<MintedToken> {
  const teamId = await resolveTeamId(context.client, inputs.team, inputs.organization);
  const token = inputs.legacy
    ? await createLegacy(context, inputs, teamId)
    : await createDescribed(context, inputs, teamId);
  context.publisher.tokenOutputs({ ...token, teamId });
  warnIfOwnersTeam(context.io, 'name' in inputs.team ? inputs.team.name : null);
  if (inputs.exportEnv) context.publisher.exportTerraformCredential(context.client.hostname, token.secret);
  context.io.info(`Created team token ${token.id} for ${teamId}; ${expiresClause(token.expiredAt)}.`);
  await context.publisher.summary('HCP Terraform team token created', [
    ['Type', inputs.legacy ? 'team (legacy single token)' : 'team'],
    ['Token ID', token.id],
    ['Team', teamId],
    ['Description', token.description ?? ''],
    ['Expires', token.expiredAt ?? 'never'],
    ['Deleted when the job ends', inputs.ephemeral ? 'yes' : 'no'],
  ]);
  return token;
}

/** Many per team (the multiple-team-tokens API): each proven this run's by the nonce its description ends in. */
async function createDescribed(
  context: OperationContext,
  inputs: CreateTeamToken,
  teamId: string,
): Promise<MintedToken> {
  const { client, publisher } = context;
  return createToken(context, {
    owner: { kind: 'team', organization: inputs.organization, teamId, ephemeral: inputs.ephemeral },
    description: inputs.description,
    expiresAt: inputs.expiresAt,
    expiryDefaulted: inputs.expiryDefaulted,
    send: (description, expiresAt) =>
      teamTokens.create(client, teamId, { description: description!, expiredAt: expiresAt! }, publisher.mask),
    candidates: () => tokensOfTeam(context, inputs, teamId),
  }).catch(async (error: unknown) => {
    throw await explainCreateFailure(context, error, teamId);
  });
}

/** The team's tokens, where an interrupted create's token would be; listing them needs the team's organization. */
async function tokensOfTeam(context: OperationContext, inputs: CreateTeamToken, teamId: string): Promise<Token[]> {
  const team =
    'name' in inputs.team && inputs.organization
      ? { name: inputs.team.name, organization: inputs.organization }
      : await teamWithOrganization(context.client, teamId, inputs.organization);
  return teamTokens.list(context.client, team.organization, { teamName: team.name });
}

/**
 * A 404 from the create of a team the credential can read has two causes, told apart by what the server is (from the
 * headers of answers already received, so no request of its own): the credential may not manage the team's tokens,
 * or the server has no multiple-team-tokens API (Terraform Enterprise before 1.1.0). HCP Terraform always has it.
 */
async function explainCreateFailure(context: OperationContext, error: unknown, teamId: string): Promise<unknown> {
  if (!(error instanceof ApiError)) return error;
  if (!error.is(404) || !(await teamIsReadable(context, teamId))) return error;
  const has = hasMultipleTeamTokens(context.client.server);
  const start = `Team ${teamId} exists but POST /teams/:id/authentication-tokens answered 404`;
  const permission =
    "this credential may see the team but not manage its tokens: use an organization owner's token, the " +
    'organization token, a token of a team with the Manage teams permission (plus Include secret teams for a secret ' +
    "team), or a member's token when the team allows member token management";
  const legacy =
    'the server has no multiple-team-tokens API (Terraform Enterprise before 1.1.0): upgrade it, or set ' +
    "legacy-team-token: true to use the team's single legacy token (creating one revokes the current one)";
  if (has === true)
    return new Error(`${start}. ${serverName(context)} has the multiple-team-tokens API, so ${permission}.`);
  if (has === false) return new Error(`${start}: ${legacy}.`);
  return new Error(`${start}, and the server did not say what it is. Either ${permission}; or ${legacy}.`);
}

function serverName(context: OperationContext): string {
  const { appName, currentVersion } = context.client.server;
  return appName === 'HCP Terraform' ? 'HCP Terraform' : `Terraform Enterprise ${currentVersion ?? ''}`.trim();
}

async function teamIsReadable(context: OperationContext, teamId: string): Promise<boolean> {
  try {
    await teams.read(context.client, teamId);
    return true;
  } catch {
    return false;
  }
}

/** The legacy token is one per team: replacing it revokes whatever other pipelines use, so that needs consent. */
async function createLegacy(context: OperationContext, inputs: CreateTeamToken, teamId: string): Promise<MintedToken> {
  const { client, publisher } = context;
  const existing = await teamTokens.readLegacy(client, teamId);
  if (existing && !inputs.replaceExisting) {
    throw new Error(
      `Team ${teamId} already has a legacy token (${existing.id}); creating another would revoke it at once. ` +
        `Nothing was changed. Set replace-existing: true to replace it.`,
    );
  }
  const token = await createToken(context, {
    owner: { kind: 'team-legacy', organization: inputs.organization, teamId, ephemeral: inputs.ephemeral },
    description: null,
    expiresAt: inputs.expiresAt,
    expiryDefaulted: inputs.expiryDefaulted,
    send: (_description, expiresAt) => teamTokens.createLegacy(client, teamId, expiresAt!, publisher.mask),
  });
  if (existing) context.io.info(`Replaced the team's previous legacy token ${existing.id}, which is now revoked.`);
  return token;
}
