import type { Json, TfcClient } from './client.js';
import { checkedId, isId } from './ids.js';
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

/** The organization comes from `relationships.organization` (the API and its OpenAPI description name it there). */
function teamFrom(resource: unknown): Team {
  const data = (resource ?? {}) as Json;
  const attributes = (data['attributes'] ?? {}) as Json;
  const relationships = (data['relationships'] ?? {}) as Json;
  const organization = ((relationships['organization'] as Json | undefined)?.['data'] as Json | undefined)?.['id'];
  return {
    id: checkedId('team', data['id'], 'a team id'),
    name: typeof attributes['name'] === 'string' ? attributes['name'] : '',
    organization: isId('name', organization) ? organization : null,
  };
}
