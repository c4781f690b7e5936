import { ApiError, errorMessage } from '../errors.js';
import type { CreateTeamToken } from '../inputs.js';
import * as teamTokens from '../tfc/team-tokens.js';
import { readTeam } from '../tfc/teams.js';
import type { MintedToken } from '../tfc/types.js';
import { resolveTeamId, type OperationContext } from './context.js';

export async function createTeamToken(context: OperationContext, inputs: CreateTeamToken): Promise<MintedToken> {
  const teamId = await resolveTeamId(context.client, inputs.team, inputs.organization);
  const token = inputs.legacy ? await createLegacy(context, inputs, teamId) : await createDescribed(context, inputs, teamId);
  context.publisher.tokenOutputs({ ...token, teamId });
  if (inputs.exportEnv) context.publisher.exportTerraformCredential(context.client.hostname, token.secret);
  context.io.info(`Created team token ${token.id} for ${teamId}; it expires at ${token.expiredAt ?? 'never'}.`);
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

async function createDescribed(context: OperationContext, inputs: CreateTeamToken, teamId: string): Promise<MintedToken> {
  const { client, ledger, publisher } = context;
  const { description } = inputs;
  const record = { kind: 'team', organization: inputs.organization, teamId, description, expiredAt: inputs.expiresAt.toISOString(), ephemeral: inputs.ephemeral } as const;
  try {
    return await ledger.track(record, () => teamTokens.create(client, teamId, { description, expiredAt: inputs.expiresAt }, publisher.mask));
  } catch (error) {
    throw await explainCreateFailure(context, error, teamId, description);
  }
}

/** A 404 from a server without the multiple-tokens API, and a duplicate description, deserve their own advice. */
async function explainCreateFailure(context: OperationContext, error: unknown, teamId: string, description: string): Promise<unknown> {
  if (!(error instanceof ApiError)) return error;
  if (error.is(422) && /already been taken/i.test(error.message)) {
    return new Error(`Team ${teamId} already has a token described "${description}"; descriptions must be unique within a team. ${errorMessage(error)}`);
  }
  if (error.is(404) && (await teamIsReadable(context, teamId))) {
    return new Error(
      `Team ${teamId} exists but this server has no multiple-team-tokens API (POST /teams/:id/authentication-tokens answered 404: Terraform Enterprise before 1.1.0). ` +
        'Upgrade the server, or set legacy-team-token: true to use the team\'s single legacy token (creating one revokes the current one).',
    );
  }
  return error;
}

async function teamIsReadable(context: OperationContext, teamId: string): Promise<boolean> {
  try {
    await readTeam(context.client, teamId);
    return true;
  } catch {
    return false;
  }
}

/** The legacy token is one per team: replacing it revokes whatever other pipelines use, so that needs consent. */
async function createLegacy(context: OperationContext, inputs: CreateTeamToken, teamId: string): Promise<MintedToken> {
  const { client, ledger, publisher } = context;
  const existing = await teamTokens.readLegacy(client, teamId);
  if (existing && !inputs.replaceExisting) {
    throw new Error(
      `Team ${teamId} already has a legacy token (${existing.id}); creating another would revoke it at once. Nothing was changed. Set replace-existing: true to replace it.`,
    );
  }
  const record = { kind: 'team-legacy', organization: inputs.organization, teamId, description: null, expiredAt: inputs.expiresAt.toISOString(), ephemeral: inputs.ephemeral } as const;
  const token = await ledger.track(record, () => teamTokens.createLegacy(client, teamId, inputs.expiresAt, publisher.mask));
  if (existing) context.io.info(`Replaced the team's previous legacy token ${existing.id}, which is now revoked.`);
  return token;
}
