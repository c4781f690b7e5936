import { checkedId, relatedId } from './client.js';
import type { TfcClient } from './client.js';

export type WorkspaceAccess = 'read' | 'plan' | 'write' | 'admin';
export type ProjectAccess = 'read' | 'write' | 'maintain' | 'admin';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-access#add-team-access-to-a-workspace
/** Returns the tws-… id. The docs answer 200 and the OpenAPI description 201: the client accepts any 2xx. */
export async function grantWorkspace(
  client: TfcClient,
  teamId: string,
  workspaceId: string,
  access: WorkspaceAccess,
): Promise<string> {
  const document = await client.post('/team-workspaces', {
    data: {
      type: 'team-workspaces',
      attributes: { access },
      relationships: {
        workspace: { data: { type: 'workspaces', id: workspaceId } },
        team: { data: { type: 'teams', id: teamId } },
      },
    },
  });
  return checkedId('team access', (document['data'] as { id?: unknown } | undefined)?.id, 'the team-workspace id');
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/project-team-access#add-project-team-access
/** Returns the tprj-… id; 200 or 201 as above. */
export async function grantProject(
  client: TfcClient,
  teamId: string,
  projectId: string,
  access: ProjectAccess,
): Promise<string> {
  const document = await client.post('/team-projects', {
    data: {
      type: 'team-projects',
      attributes: { access },
      relationships: {
        project: { data: { type: 'projects', id: projectId } },
        team: { data: { type: 'teams', id: teamId } },
      },
    },
  });
  return checkedId('project access', (document['data'] as { id?: unknown } | undefined)?.id, 'the team-project id');
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-access#list-team-access-to-a-workspace
/** The team's grant on the workspace (its tws-… id), or null: how an interrupted grant is read back. */
export async function findWorkspaceGrant(
  client: TfcClient,
  teamId: string,
  workspaceId: string,
): Promise<string | null> {
  const grants = await client.getAll('/team-workspaces', { 'filter[workspace][id]': workspaceId });
  return grantOf(grants, teamId, 'team access', 'the team-workspace id');
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/project-team-access#list-team-access-to-a-project
/** The team's grant on the project (its tprj-… id), or null. */
export async function findProjectGrant(client: TfcClient, teamId: string, projectId: string): Promise<string | null> {
  const grants = await client.getAll('/team-projects', { 'filter[project][id]': projectId });
  return grantOf(grants, teamId, 'project access', 'the team-project id');
}

function grantOf(
  grants: readonly unknown[],
  teamId: string,
  kind: 'team access' | 'project access',
  what: string,
): string | null {
  const grant = grants.find((candidate) => relatedId(candidate, 'team') === teamId);
  return grant === undefined ? null : checkedId(kind, (grant as { id?: unknown } | null)?.id, what);
}
