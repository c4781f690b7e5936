import { checkedId, isId, relatedId } from './client.js';
import { orNull, type Json } from './jsonapi.js';
import type { ListCap, TfcClient } from './client.js';
import type { Team, TeamDetails } from './types.js';

const collection = (organization: string) => `/organizations/${encodeURIComponent(organization)}/teams`;

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#list-teams
/**
 * The team called exactly `name` (one request), or null if the credential sees none: filter[names] may match
 * case-insensitively, so the answer is compared exactly, and a secret team the credential cannot see is simply
 * absent. Two teams of exactly that name leave nothing to choose between: an error.
 */
export async function readByName(client: TfcClient, organization: string, name: string): Promise<TeamDetails | null> {
  const document = await client.get(collection(organization), { 'filter[names]': name, 'page[size]': 100 });
  const teams = ((document['data'] ?? []) as unknown[]).map(detailsFrom).filter((team) => team.name === name);
  if (teams.length > 1) {
    throw new Error(`${teams.length} teams named "${name}" in organization "${organization}"; use team-id instead.`);
  }
  return teams[0] ?? null;
}

export interface TeamListOptions {
  /** Narrows by name (the API's `q`, a search). */
  readonly q?: string;
  /** Refuse the list past this many items or bytes of answers (ListCapError). */
  readonly cap?: ListCap | undefined;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#list-teams
/** Every team the credential can see (all pages), as the API returns them. */
export function list(client: TfcClient, organization: string, options: TeamListOptions = {}): Promise<unknown[]> {
  const query = options.q === undefined ? {} : { q: options.q };
  return client.getAll(collection(organization), query, undefined, options.cap);
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#show-team-information
/** The team; a 404 (gone, or not visible) is the API's error. */
export async function read(client: TfcClient, teamId: string): Promise<Team> {
  const document = await client.get(`/teams/${encodeURIComponent(teamId)}`);
  return teamFrom(document['data']);
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#show-team-information
/** The team with its visibility and member count, or null when the API answers 404 (gone, or not visible). */
export function readDetails(client: TfcClient, teamId: string): Promise<TeamDetails | null> {
  return orNull(async () => detailsFrom((await client.get(`/teams/${encodeURIComponent(teamId)}`))['data']));
}

/**
 * Every documented organization permission, all off: organization access would override the team's grants. Written
 * out rather than built, so loading this module runs nothing.
 */
const NO_ORGANIZATION_ACCESS = {
  'manage-policies': false,
  'manage-policy-overrides': false,
  'manage-run-tasks': false,
  'manage-workspaces': false,
  'manage-vcs-settings': false,
  'manage-agent-pools': false,
  'manage-providers': false,
  'manage-modules': false,
  'manage-projects': false,
  'read-projects': false,
  'read-workspaces': false,
  'manage-membership': false,
  'manage-teams': false,
  'manage-organization-access': false,
} as const;

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#create-a-team
/** A secret team with no organization-level access. The docs answer 200; any 2xx is accepted. */
export async function create(client: TfcClient, organization: string, name: string): Promise<Team> {
  const document = await client.post(collection(organization), {
    data: { type: 'teams', attributes: { name, visibility: 'secret', 'organization-access': NO_ORGANIZATION_ACCESS } },
  });
  const team = teamFrom(document['data']);
  return { ...team, organization: team.organization ?? organization };
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#delete-a-team
function deleteTeam(client: TfcClient, teamId: string): Promise<'deleted' | 'not-found'> {
  return client.delete(`/teams/${encodeURIComponent(teamId)}`);
}
export { deleteTeam as delete };

/** The organization comes from `relationships.organization` (the API and its OpenAPI description name it there). */
function teamFrom(resource: unknown): Team {
  const data = (resource ?? {}) as Json;
  const attributes = (data['attributes'] ?? {}) as Json;
  const organization = relatedId(resource, 'organization');
  return {
    id: checkedId('team', data['id'], 'a team id'),
    name: typeof attributes['name'] === 'string' ? attributes['name'] : '',
    organization: isId('name', organization) ? organization : null,
  };
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
