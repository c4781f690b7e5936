import type { TfcClient } from './client.js';
import type { Team } from './types.js';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#list-teams
/**
 * The team called exactly `name`. filter[names] may match case-insensitively, so the answer is compared exactly;
 * a secret team the credential cannot see is simply absent.
 */
export async function findTeamByName(client: TfcClient, organization: string, name: string): Promise<Team> {
  const document = await client.get(`/organizations/${encodeURIComponent(organization)}/teams`, {
    'filter[names]': name,
    'page[size]': 100,
  });
  const teams = ((document['data'] ?? []) as unknown[]).map(teamFrom).filter((team) => team.name === name);
  if (teams.length === 1) return teams[0] as Team;
  if (teams.length === 0) {
    throw new Error(
      `No team named "${name}" in organization "${organization}" is visible to this credential. Check the name (it is case-sensitive) or use team-id; a secret team needs a credential that can see it.`,
    );
  }
  throw new Error(`${teams.length} teams named "${name}" in organization "${organization}"; use team-id instead.`);
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#show-team-information
export async function readTeam(client: TfcClient, teamId: string): Promise<Team> {
  const document = await client.get(`/teams/${encodeURIComponent(teamId)}`);
  return teamFrom(document['data']);
}

function teamFrom(resource: unknown): Team {
  const data = (resource ?? {}) as { id?: unknown; attributes?: { name?: unknown } };
  return { id: String(data.id), name: String(data.attributes?.name ?? '') };
}
