import { checkedId, relatedId } from './client.js';
import { orNull } from './jsonapi.js';
import type { TfcClient } from './client.js';

export interface Project {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
}

export interface ProjectListOptions {
  /** The names asked for (`filter[names]`). */
  readonly names: readonly string[];
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#list-projects
/**
 * The projects whose names the list holds, in one request (more only past 100 matches): `filter[names]` takes a
 * comma list and matches case-insensitively, so callers compare the returned names exactly.
 */

export async function list(client: TfcClient, organization: string, options: ProjectListOptions): Promise<Project[]> {
  const items = await client.getAll(`/organizations/${encodeURIComponent(organization)}/projects`, {
    'filter[names]': options.names.join(','),
  });
  return items.map(projectFrom);
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#show-project
/** The project, or null when the API answers 404 (unknown, or invisible to this credential). */
export function read(client: TfcClient, projectId: string): Promise<Project | null> {
  return orNull(async () => projectFrom((await client.get(`/projects/${encodeURIComponent(projectId)}`))['data']));
}

function projectFrom(resource: unknown): Project {
  const data = (resource ?? {}) as { id?: unknown; attributes?: { name?: unknown } };
  const organization = relatedId(resource, 'organization');
  return {
    id: checkedId('project', data.id, 'the project id'),
    name: typeof data.attributes?.name === 'string' ? data.attributes.name : '',
    organization: typeof organization === 'string' ? organization : '',
  };
}
