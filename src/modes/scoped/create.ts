import * as teamTokens from '../../api/tfc/team-tokens.js';
import * as teams from '../../api/tfc/teams.js';
import { ApiError, errorMessage, mayHaveLanded } from '../../common/errors.js';
import { teamsEntitled } from '../../api/tfc/entitlements.js';
import { expiresClause, printable } from '../../runner/io.js';
import { createToken } from '../../tokens/create.js';
import { isOwnedBy } from '../../tokens/context.js';
import { grantProject, grantWorkspace } from './grants.js';
import { resolveTargets, type Targets } from './targets.js';
import type { CreateScopedToken } from '../../inputs/scoped.js';
import type { CleanupRecord } from '../../state/ledger.js';
import type { MintedToken, Team } from '../../api/tfc/types.js';
import type { OperationContext } from '../../tokens/context.js';

/**
 * A token that can reach exactly the listed workspaces and projects: a temporary secret team with no organization
 * access, one grant per workspace and project, one token. Anything failing after the team exists removes the team.
 */
export async function createScopedToken(context: OperationContext, inputs: CreateScopedToken): Promise<MintedToken> {
  const targets = await resolveTargets(context.client, inputs);
  const team = await createTemporaryTeam(context, inputs);
  let token: MintedToken;
  try {
    token = await grantAndMint(context, inputs, team, targets);
  } catch (error) {
    const failure = error instanceof GrantOrMintFailure ? error : new GrantOrMintFailure([error], 'absent');
    throw await rollBack(context, team, failure, failure.token);
  }
  await publish(context, inputs, team, targets, token);
  return token;
}

function teamRecord(inputs: CreateScopedToken, teamId: string | null): CleanupRecord {
  const base = {
    organization: inputs.organization,
    description: null,
    tokenId: null,
    expiredAt: inputs.expiresAt.toISOString(),
  };
  return { kind: 'scoped-team', ...base, teamId, teamName: inputs.teamName, ephemeral: true };
}

const sameTeam = (name: string) => (record: CleanupRecord) => record.kind === 'scoped-team' && record.teamName === name;

/** The name is in state before the create, so a post step after any interruption knows what to look for. */
async function createTemporaryTeam(context: OperationContext, inputs: CreateScopedToken): Promise<Team> {
  const { ledger, io } = context;
  ledger.put(teamRecord(inputs, null), sameTeam(inputs.teamName));
  try {
    // The name we chose, not the server's echo of it, is what gets printed and saved.
    const team = {
      id: (await createOrAdopt(context, inputs)).id,
      name: inputs.teamName,
      organization: inputs.organization,
    };
    ledger.put(teamRecord(inputs, team.id), sameTeam(inputs.teamName));
    io.info(`Created the temporary team ${team.name} (${team.id}): secret, no organization access.`);
    return team;
  } catch (error) {
    // A refusal created nothing; anything else may have, and the post step looks the name up.
    if (error instanceof ApiError && error.status < 500) ledger.remove(sameTeam(inputs.teamName));
    throw await explainTeamCreateFailure(context, inputs, error);
  }
}

/** An ambiguous create is reconciled by name (unique in an organization), so a repeat can never make a second team. */
async function createOrAdopt(context: OperationContext, inputs: CreateScopedToken): Promise<Team> {
  const { client, io } = context;
  try {
    return await teams.create(client, inputs.organization, inputs.teamName);
  } catch (error) {
    if (!mayHaveLanded(error)) throw error;
    io.warning(
      `Creating the team ${inputs.teamName} may or may not have succeeded (${errorMessage(error)}); looking it up ` +
        `by name.`,
    );
  }
  const found = await teams.readByName(client, inputs.organization, inputs.teamName);
  if (found) return found;
  try {
    return await teams.create(client, inputs.organization, inputs.teamName);
  } catch (error) {
    if (error instanceof ApiError && error.is(422) && /already been taken/i.test(error.message)) {
      throw new Error(
        `The interrupted request created the team ${inputs.teamName}, but this credential cannot see it (a secret ` +
          `team); the post step tries to remove it.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** 404 or 422 from a team create: the entitlement set tells a plan without teams from a credential without rights. */
async function explainTeamCreateFailure(
  context: OperationContext,
  inputs: CreateScopedToken,
  error: unknown,
): Promise<unknown> {
  if (!(error instanceof ApiError) || !(error.is(404) || error.is(422))) return error;
  let entitled: boolean | null = null;
  try {
    entitled = await teamsEntitled(context.client, inputs.organization);
  } catch {
    // the entitlement set is only a hint; the create's own error still stands
  }
  if (entitled === false) {
    return new Error(
      `Organization "${inputs.organization}" has no team management on its plan (its entitlement set says teams: ` +
        `false), so no temporary team can be made and scoped tokens cannot work there. Nothing was created. ` +
        `(${errorMessage(error)})`,
    );
  }
  if (error.is(404)) {
    return new Error(
      `This credential may not create teams in organization "${inputs.organization}" (${errorMessage(error)}) ` +
        `Scoped tokens need an owners-team or organization token, or an owner's user token. Nothing was created.`,
    );
  }
  return error;
}

/** What a failed grant-and-mint leaves of the token: nothing, one this run knows by id, or one it must look up. */
type TokenLeft = 'absent' | { readonly id: string } | 'unconfirmed';

class GrantOrMintFailure extends Error {
  constructor(
    readonly causes: readonly unknown[],
    readonly token: TokenLeft,
  ) {
    super(causes.map(errorMessage).join(' '));
  }
}

/**
 * Every grant and the token create go out together (independent requests; the client caps how many are in flight).
 * The token is returned only once every grant has landed; otherwise every failure is reported together, with what
 * the create left behind so the rollback removes exactly that.
 */
async function grantAndMint(
  context: OperationContext,
  inputs: CreateScopedToken,
  team: Team,
  targets: Targets,
): Promise<MintedToken> {
  const [grants, minted] = await Promise.all([
    Promise.allSettled(grantRequests(context, inputs, team, targets)),
    Promise.allSettled([mintScoped(context, inputs, team)]).then(([result]) => result!),
  ]);
  const causes = grants.flatMap((grant) => (grant.status === 'rejected' ? [grant.reason as unknown] : []));
  if (minted.status === 'fulfilled' && causes.length === 0) return minted.value;
  if (minted.status === 'fulfilled') throw new GrantOrMintFailure(causes, { id: minted.value.id });
  // The ledger kept every try whose outcome is unknown (tokens/create.ts): those are what the rollback looks up.
  const left = context.ledger.unconfirmed(team.id).length > 0 ? 'unconfirmed' : 'absent';
  throw new GrantOrMintFailure([...causes, minted.reason], left);
}

/** One promise per grant, each a single request the caller may wrap; a refusal is explained with what it needs. */
function grantRequests(
  context: OperationContext,
  inputs: CreateScopedToken,
  team: Team,
  targets: Targets,
): Array<Promise<unknown>> {
  return [
    ...targets.workspaces.map((workspace) =>
      grantWorkspace(context, team, workspace, inputs.workspaceAccess).catch((error: unknown) => {
        throw explainGrantFailure(
          error,
          `workspace "${printable(workspace.name)}" (${workspace.id})`,
          'POST /team-workspaces',
          WORKSPACE_GRANTERS,
        );
      }),
    ),
    ...targets.projects.map((project) =>
      grantProject(context, team, project, inputs.projectAccess).catch((error: unknown) => {
        throw explainGrantFailure(
          error,
          `project "${printable(project.name)}" (${project.id})`,
          'POST /team-projects',
          PROJECT_GRANTERS,
        );
      }),
    ),
  ];
}

const WORKSPACE_GRANTERS =
  "Granting a secret team access to a workspace needs an organization owner (the owners team's token or an owner's " +
  'user token) or the organization token; workspace admins cannot manage secret teams.';
const PROJECT_GRANTERS =
  "Granting a secret team access to a project needs an organization owner (the owners team's token or an owner's " +
  'user token), the organization token, or Manage all projects; project admins cannot manage secret teams.';

/** The credential could read the target and create the team, so a 404 here means the grant permission is missing. */
function explainGrantFailure(error: unknown, target: string, call: string, needs: string): unknown {
  if (!(error instanceof ApiError) || !error.is(404)) return error;
  return new Error(
    `This credential created the team but may not grant it access to ${target}: ${call} answered 404. ${needs}`,
  );
}

/** The token create (tokens/create.ts): each try's nonce, recorded in the ledger, is what a rollback looks for. */
function mintScoped(context: OperationContext, inputs: CreateScopedToken, team: Team): Promise<MintedToken> {
  const { client, publisher } = context;
  return createToken(context, {
    owner: { kind: 'team', organization: inputs.organization, teamId: team.id, ephemeral: true },
    description: inputs.description,
    expiresAt: inputs.expiresAt,
    send: (description, expiresAt) =>
      teamTokens.create(client, team.id, { description: description!, expiredAt: expiresAt! }, publisher.mask),
    candidates: () => teamTokens.list(client, inputs.organization, { teamName: team.name }),
  });
}

/**
 * Removes the team before the step fails. The token goes first: by its id when its create answered, looked up by
 * its nonce when the create may have succeeded, because the docs do not say that deleting a team revokes its tokens.
 */
async function rollBack(context: OperationContext, team: Team, cause: unknown, token: TokenLeft): Promise<Error> {
  const { client, io, ledger } = context;
  try {
    if (token === 'unconfirmed') await removeUnconfirmedTokens(context, team);
    else if (token !== 'absent') await removeMintedToken(context, token.id);
    await teams.delete(client, team.id);
    ledger.remove(sameTeam(team.name));
    return new Error(`${errorMessage(cause)} The temporary team ${team.name} was removed again.`);
  } catch (error) {
    io.warning(
      `Could not remove the temporary team ${team.name} (${team.id}) after the failure: ${errorMessage(error)} The ` +
        `post step tries again.`,
    );
    return new Error(
      `${errorMessage(cause)} The temporary team ${team.name} (${team.id}) is still there; the post step tries to ` +
        `remove it.`,
    );
  }
}

async function removeMintedToken(context: OperationContext, tokenId: string): Promise<void> {
  await teamTokens.delete(context.client, tokenId);
  context.ledger.forget(tokenId);
}

/** Every try whose outcome is unknown is in the ledger: its token, found by the nonce, is deleted. */
async function removeUnconfirmedTokens(context: OperationContext, team: Team): Promise<void> {
  const organization = team.organization as string;
  const tokens = await teamTokens.list(context.client, organization, { teamName: team.name });
  for (const attempt of context.ledger.unconfirmed(team.id)) {
    const orphan = tokens.find((token) => isOwnedBy(token, attempt));
    if (orphan) await teamTokens.delete(context.client, orphan.id);
    context.ledger.settle(attempt.description as string);
  }
}

async function publish(
  context: OperationContext,
  inputs: CreateScopedToken,
  team: Team,
  targets: Targets,
  token: MintedToken,
): Promise<void> {
  const { publisher, io, client } = context;
  publisher.tokenOutputs({ ...token, teamId: team.id });
  io.setOutput('team-name', team.name);
  if (inputs.exportEnv) publisher.exportTerraformCredential(client.hostname, token.secret);
  const scope = [
    ...targets.workspaces.map(
      (workspace) => `${inputs.workspaceAccess} on workspace ${printable(workspace.name)} (${workspace.id})`,
    ),
    ...targets.projects.map(
      (project) => `${inputs.projectAccess} on project ${printable(project.name)} (${project.id})`,
    ),
  ];
  io.info(
    `Created scoped token ${token.id} for the temporary team ${team.name} (${team.id}): ${scope.join('; ')}; ` +
      `${expiresClause(token.expiredAt ?? null)}, and the team and token are removed when the job ends.`,
  );
  await publisher.summary('HCP Terraform scoped team token created', [
    ['Type', 'team (scoped, temporary team)'],
    ['Token ID', token.id],
    ['Team', `${team.name} (${team.id})`],
    ['Access', scope.join('; ')],
    ['Expires', token.expiredAt ?? 'never'],
    ['Deleted when the job ends', 'yes (token and team)'],
  ]);
}
