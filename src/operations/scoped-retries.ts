import * as access from '../api/tfc/team-access.js';
import * as teamTokens from '../api/tfc/team-tokens.js';
import type { MintedToken, Team } from '../api/tfc/types.js';
import type { CreateScopedToken } from '../inputs/scoped.js';
import type { OperationContext } from './context.js';
import { withNonce } from './ownership.js';
import { createByNonce, createOrFind } from './reconcile.js';

/**
 * The scoped flow's creates, each settled before it is repeated: a grant is read back from the team's access, the
 * token is looked up by its nonce. The temporary team itself is adopted by name (create-scoped-token.ts).
 */

type Target = { readonly id: string; readonly name: string };

export function grantWorkspace(
  context: OperationContext,
  team: Team,
  workspace: Target,
  level: access.WorkspaceAccess,
): Promise<string> {
  const { client } = context;
  return createOrFind(
    context,
    `Granting ${team.name} access to workspace ${workspace.id}`,
    () => access.grantWorkspace(client, team.id, workspace.id, level),
    () => access.findWorkspaceGrant(client, team.id, workspace.id),
  );
}

export function grantProject(
  context: OperationContext,
  team: Team,
  project: Target,
  level: access.ProjectAccess,
): Promise<string> {
  const { client } = context;
  return createOrFind(
    context,
    `Granting ${team.name} access to project ${project.id}`,
    () => access.grantProject(client, team.id, project.id, level),
    () => access.findProjectGrant(client, team.id, project.id),
  );
}

/** `create` sends one token create under the description it is given (and records it for the post step). */
export function mintScoped(
  context: OperationContext,
  inputs: CreateScopedToken,
  team: Team,
  create: (description: string) => Promise<MintedToken>,
): Promise<MintedToken> {
  const { client } = context;
  return createByNonce(context, {
    describe: (nonce) => withNonce(inputs.description, nonce),
    create,
    teamId: team.id,
    expiredAt: inputs.expiresAt.toISOString(),
    list: () => teamTokens.list(client, inputs.organization, { teamName: team.name }),
    remove: (tokenId) => teamTokens.delete(client, tokenId),
  });
}
