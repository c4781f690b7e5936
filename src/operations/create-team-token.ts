import { AmbiguousRequestError, ApiError, errorMessage } from '../common/errors.js';
import { expiresClause } from '../common/text.js';
import type { CreateTeamToken } from '../inputs/parse.js';
import * as teamTokens from '../api/tfc/team-tokens.js';
import { readTeam } from '../api/tfc/teams.js';
import type { MintedToken } from '../api/tfc/types.js';
import { resolveTeamId, teamWithOrganization, type OperationContext } from './context.js';
import { mint } from './mint.js';
import { isOwnedBy, withNonce } from './ownership.js';
import { createUnderPolicy } from './lifetime-policy.js';
import { warnIfOwnersTeam } from './owners-warning.js';

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

/** A create that may have been processed is looked up, never blindly repeated; a found orphan is deleted. */
const MAX_CREATES = 3;

async function createDescribed(
  context: OperationContext,
  inputs: CreateTeamToken,
  teamId: string,
): Promise<MintedToken> {
  const { client, publisher } = context;
  for (let attempt = 1; ; attempt++) {
    // A fresh nonce per attempt: the proof of ownership, and a description no other create can collide with.
    const description = withNonce(inputs.description, context.randomHex());
    const expiredAt = inputs.expiresAt.toISOString();
    const record = {
      kind: 'team',
      organization: inputs.organization,
      teamId,
      description,
      expiredAt,
      ephemeral: inputs.ephemeral,
    } as const;
    let sent = record;
    try {
      return await createUnderPolicy(context, { ...inputs, kind: 'team' }, (expiresAt) => {
        // A create clamped to the lifetime policy sends another expiry: the look-up must expect that one.
        sent = { ...record, expiredAt: expiresAt.toISOString() };
        return mint(context, sent, () =>
          teamTokens.create(client, teamId, { description, expiredAt: expiresAt }, publisher.mask),
        );
      });
    } catch (error) {
      if (!mayHaveCreated(error) || attempt === MAX_CREATES) throw await explainCreateFailure(context, error, teamId);
      await reconcile(context, inputs, sent, error);
    }
  }
}

function mayHaveCreated(error: unknown): boolean {
  return error instanceof AmbiguousRequestError || (error instanceof ApiError && error.status >= 500);
}

/**
 * The server may hold a token whose secret we never received. Found (by this attempt's nonce, team and expiry, never
 * by description alone): delete it, a token nobody can use is only a risk. Not found: it may still land later, so its
 * record stays for the post step, and the next try draws a fresh nonce so the two can never be confused.
 */
async function reconcile(
  context: OperationContext,
  inputs: CreateTeamToken,
  attempt: { readonly teamId: string; readonly description: string; readonly expiredAt: string },
  error: unknown,
): Promise<void> {
  const { client, io, ledger } = context;
  io.warning(
    `Creating the token may or may not have succeeded (${errorMessage(error)}); looking it up by this run's nonce.`,
  );
  const team =
    'name' in inputs.team && inputs.organization
      ? { id: attempt.teamId, name: inputs.team.name, organization: inputs.organization }
      : await teamWithOrganization(client, attempt.teamId, inputs.organization);
  const tokens = await teamTokens.listAll(client, team.organization, { teamName: team.name });
  const orphan = tokens.find((token) => isOwnedBy(token, attempt));
  if (orphan) {
    await teamTokens.deleteById(client, orphan.id);
    ledger.settle(attempt.description);
    io.info(
      `Deleted token ${orphan.id}, created by the interrupted request; its secret never arrived. Creating a new one.`,
    );
  } else {
    io.info('The server has no token from that request; creating a new one.');
  }
}

/** A 404 from a server without the multiple-tokens API deserves its own advice. */
async function explainCreateFailure(context: OperationContext, error: unknown, teamId: string): Promise<unknown> {
  if (!(error instanceof ApiError)) return error;
  if (error.is(404) && (await teamIsReadable(context, teamId))) {
    return new Error(
      `Team ${teamId} exists but this server has no multiple-team-tokens API (POST ` +
        `/teams/:id/authentication-tokens answered 404: Terraform Enterprise before 1.1.0). ` +
        "Upgrade the server, or set legacy-team-token: true to use the team's single legacy token (creating one " +
        'revokes the current one).',
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
  const { client, publisher } = context;
  const existing = await teamTokens.readLegacy(client, teamId);
  if (existing && !inputs.replaceExisting) {
    throw new Error(
      `Team ${teamId} already has a legacy token (${existing.id}); creating another would revoke it at once. ` +
        `Nothing was changed. Set replace-existing: true to replace it.`,
    );
  }
  const record = {
    kind: 'team-legacy',
    organization: inputs.organization,
    teamId,
    description: null,
    expiredAt: inputs.expiresAt.toISOString(),
    ephemeral: inputs.ephemeral,
  } as const;
  const token = await createUnderPolicy(context, { ...inputs, kind: 'team-legacy' }, (expiresAt) =>
    mint(context, { ...record, expiredAt: expiresAt.toISOString() }, () =>
      teamTokens.createLegacy(client, teamId, expiresAt, publisher.mask),
    ),
  );
  if (existing) context.io.info(`Replaced the team's previous legacy token ${existing.id}, which is now revoked.`);
  return token;
}
