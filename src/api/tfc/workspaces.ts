import { ApiError } from '../../common/errors.js';
import type { Json, TfcClient } from './client.js';
import { checkedId } from './ids.js';

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  readonly projectId: string | null;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#show-workspace
/** The workspace called `name`, or null when the API answers 404 (unknown, or invisible to this credential). */
export function readByName(client: TfcClient, organization: string, name: string): Promise<Workspace | null> {
  return orNull(() =>
    client.get(`/organizations/${encodeURIComponent(organization)}/workspaces/${encodeURIComponent(name)}`),
  );
}

export function readById(client: TfcClient, workspaceId: string): Promise<Workspace | null> {
  return orNull(() => client.get(`/workspaces/${encodeURIComponent(workspaceId)}`));
}

async function orNull(read: () => Promise<Json>): Promise<Workspace | null> {
  try {
    return workspaceFrom((await read())['data']);
  } catch (error) {
    if (error instanceof ApiError && error.is(404)) return null;
    throw error;
  }
}

function workspaceFrom(resource: unknown): Workspace {
  const data = (resource ?? {}) as { id?: unknown; attributes?: { name?: unknown }; relationships?: Json };
  const related = (name: string) =>
    ((data.relationships?.[name] as Json | undefined)?.['data'] as Json | null | undefined)?.['id'];
  const project = related('project');
  return {
    id: checkedId('workspace', data.id, 'the workspace id'),
    name: typeof data.attributes?.name === 'string' ? data.attributes.name : '',
    organization: typeof related('organization') === 'string' ? (related('organization') as string) : '',
    projectId:
      project === undefined || project === null ? null : checkedId('project', project, "the workspace's project id"),
  };
}
