import * as access from '../../api/tfc/team-access.js';
import { errorMessage, mayHaveLanded } from '../../common/errors.js';
import type { Team } from '../../api/tfc/types.js';
import type { OperationContext } from '../../tokens/context.js';

/**
 * The scoped flow's grants, each settled before it is repeated: a grant that may have landed is read back from the
 * team's access. (The token is settled by its nonce in tokens/create.ts; the team is adopted by name in create.ts.)
 */

/** A grant is sent at most this often; each uncertain try is read back before the next. */
const MAX_GRANTS = 3;

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

/** A grant (or any create with one natural key) that may have landed is read back before it is sent again. */
async function createOrFind<T>(
  context: OperationContext,
  what: string,
  create: () => Promise<T>,
  find: () => Promise<T | null>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!mayHaveLanded(error) || attempt === MAX_GRANTS) throw error;
      context.io.info(`${what} may or may not have succeeded (${errorMessage(error)}); reading it back.`);
      const found = await find();
      if (found !== null) return found;
    }
  }
}
