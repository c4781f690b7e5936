import { AmbiguousRequestError, ApiError, errorMessage } from '../errors.js';
import type { CreateTeamToken } from '../inputs.js';
import * as teamTokens from '../tfc/team-tokens.js';
import { readTeam } from '../tfc/teams.js';
import type { MintedToken } from '../tfc/types.js';
import { resolveTeamId, type OperationContext } from './context.js';
import { warnIfOwnersTeam } from './owners-warning.js';

export async function createTeamToken(context: OperationContext, inputs: CreateTeamToken): Promise<MintedToken> {
  const teamId = await resolveTeamId(context.client, inputs.team, inputs.organization);
  const token = inputs.legacy ? await createLegacy(context, inputs, teamId) : await createDescribed(context, inputs, teamId);
  context.publisher.tokenOutputs({ ...token, teamId });
  warnIfOwnersTeam(context.io, 'name' in inputs.team ? inputs.team.name : null);
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

/** A create that may have been processed is looked up, never blindly repeated; a found orphan is deleted. */
const MAX_CREATES = 3;

async function createDescribed(context: OperationContext, inputs: CreateTeamToken, teamId: string): Promise<MintedToken> {
  const { client, ledger, publisher } = context;
  for (let attempt = 1; ; attempt++) {
    const description = attempt === 1 ? inputs.description : `${inputs.description} retry-${context.randomHex()}`;
    const record = { kind: 'team', organization: inputs.organization, teamId, description, expiredAt: inputs.expiresAt.toISOString(), ephemeral: inputs.ephemeral } as const;
    try {
      return await ledger.track(record, () => teamTokens.create(client, teamId, { description, expiredAt: inputs.expiresAt }, publisher.mask));
    } catch (error) {
      if (!mayHaveCreated(error) || attempt === MAX_CREATES) throw await explainCreateFailure(context, error, teamId, description);
      await reconcile(context, inputs, teamId, description, error);
    }
  }
}

function mayHaveCreated(error: unknown): boolean {
  return error instanceof AmbiguousRequestError || (error instanceof ApiError && error.status >= 500);
}

/**
 * The server may hold a token whose secret we never received. Found: delete it (a token nobody can use is only a
 * risk). Not found: it may still land later, so its record stays for the post step, and the next try uses a fresh
 * description so the two can never collide.
 */
async function reconcile(context: OperationContext, inputs: CreateTeamToken, teamId: string, description: string, error: unknown): Promise<void> {
  const { client, io, ledger } = context;
  io.warning(`Creating the token may or may not have succeeded (${errorMessage(error)}); looking it up by its description.`);
  if (!inputs.organization) {
    throw new Error(
      `${errorMessage(error)} The token may exist under the description "${description}", and finding it needs the organization: set the organization input (or TF_CLOUD_ORGANIZATION).`,
    );
  }
  const team = 'name' in inputs.team ? { id: teamId, name: inputs.team.name } : await readTeam(client, teamId);
  const orphan = await teamTokens.findByDescription(client, inputs.organization, team, description);
  if (orphan) {
    await teamTokens.deleteById(client, orphan.id);
    ledger.settle(description);
    io.info(`Deleted token ${orphan.id}, created by the interrupted request; its secret never arrived. Creating a new one.`);
  } else {
    io.info('The server has no token under that description; creating a new one.');
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
