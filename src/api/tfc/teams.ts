import type { Json, ListCap, TfcClient } from './client.js';
import { checkedId, isId } from './ids.js';
import type { Team, TeamDetails } from './types.js';

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
      `No team named "${name}" in organization "${organization}" is visible to this credential. Check the name (it ` +
        `is case-sensitive) or use team-id; a secret team needs a credential that can see it.`,
    );
  }
  throw new Error(`${teams.length} teams named "${name}" in organization "${organization}"; use team-id instead.`);
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#list-teams
/** Every team the credential can see (all pages), as the API returns them; `q` narrows by name. */
export function listTeams(
  client: TfcClient,
  organization: string,
  query: { q?: string } = {},
  cap?: ListCap,
): Promise<unknown[]> {
  return client.getAll(`/organizations/${encodeURIComponent(organization)}/teams`, query, undefined, cap);
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

/** Every documented organization permission, all off: organization access would override the team's grants. */
const NO_ORGANIZATION_ACCESS = Object.fromEntries(
  [
    'manage-policies',
    'manage-policy-overrides',
    'manage-run-tasks',
    'manage-workspaces',
    'manage-vcs-settings',
    'manage-agent-pools',
    'manage-providers',
    'manage-modules',
    'manage-projects',
    'read-projects',
    'read-workspaces',
    'manage-membership',
    'manage-teams',
    'manage-organization-access',
  ].map((key) => [key, false]),
);

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#create-a-team
/** A secret team with no organization-level access. The docs answer 200; any 2xx is accepted. */
export async function createTeam(client: TfcClient, organization: string, name: string): Promise<Team> {
  const document = await client.post(`/organizations/${encodeURIComponent(organization)}/teams`, {
    data: { type: 'teams', attributes: { name, visibility: 'secret', 'organization-access': NO_ORGANIZATION_ACCESS } },
  });
  const team = teamFrom(document['data']);
  return { ...team, organization: team.organization ?? organization };
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#delete-a-team
export function deleteTeam(client: TfcClient, teamId: string): Promise<'deleted' | 'not-found'> {
  return client.delete(`/teams/${encodeURIComponent(teamId)}`);
}

/** The team called exactly `name`, or null if the credential sees none (one request). */
export async function lookUpTeam(client: TfcClient, organization: string, name: string): Promise<TeamDetails | null> {
  const document = await client.get(`/organizations/${encodeURIComponent(organization)}/teams`, {
    'filter[names]': name,
    'page[size]': 100,
  });
  const team = ((document['data'] ?? []) as unknown[]).map(detailsFrom).find((candidate) => candidate.name === name);
  return team ?? null;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#show-team-information
/** The team with its visibility and member count, or null when the API answers 404 (gone, or not visible). */
export async function readTeamDetails(client: TfcClient, teamId: string): Promise<TeamDetails | null> {
  try {
    return detailsFrom((await client.get(`/teams/${encodeURIComponent(teamId)}`))['data']);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
}

/** `users-count`, and the `users` relationship where the server lists it: the larger of the two is the count. */
function detailsFrom(resource: unknown): TeamDetails {
  const data = (resource ?? {}) as Json;
  const attributes = (data['attributes'] ?? {}) as Json;
  const users = (((data['relationships'] ?? {}) as Json)['users'] as Json | undefined)?.['data'];
  const count = attributes['users-count'];
  const counted = typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null;
  const listed = Array.isArray(users) ? users.length : 0;
  return {
    ...teamFrom(resource),
    visibility: typeof attributes['visibility'] === 'string' ? attributes['visibility'] : null,
    usersCount: counted === null ? null : Math.max(counted, listed),
  };
}
