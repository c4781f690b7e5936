import { ApiError } from '../../common/errors.js';
import type { Json, TfcClient } from './client.js';
import { checkedId } from './ids.js';

export interface Project {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#list-projects
/**
 * The projects whose names the list holds, in one request (more only past 100 matches): `filter[names]` takes a
 * comma list and matches case-insensitively, so callers compare the returned names exactly.
 */
export async function listByNames(
  client: TfcClient,
  organization: string,
  names: readonly string[],
): Promise<Project[]> {
  const items = await client.getAll(`/organizations/${encodeURIComponent(organization)}/projects`, {
    'filter[names]': names.join(','),
  });
  return items.map(projectFrom);
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#show-project
/** The project, or null when the API answers 404 (unknown, or invisible to this credential). */
export async function readById(client: TfcClient, projectId: string): Promise<Project | null> {
  try {
    return projectFrom((await client.get(`/projects/${encodeURIComponent(projectId)}`))['data']);
  } catch (error) {
    if (error instanceof ApiError && error.is(404)) return null;
    throw error;
  }
}

function projectFrom(resource: unknown): Project {
  const data = (resource ?? {}) as { id?: unknown; attributes?: { name?: unknown }; relationships?: Json };
  const organization = (
    (data.relationships?.['organization'] as Json | undefined)?.['data'] as Json | null | undefined
  )?.['id'];
  return {
    id: checkedId('project', data.id, 'the project id'),
    name: typeof data.attributes?.name === 'string' ? data.attributes.name : '',
    organization: typeof organization === 'string' ? organization : '',
  };
}
