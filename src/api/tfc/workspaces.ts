import { checkedId, relatedId } from './client.js';
import { orNull, type Json } from './jsonapi.js';
import type { TfcClient } from './client.js';

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  readonly projectId: string | null;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#show-workspace
/**
 * The workspace called `name`, or null when the API answers 404 (unknown, or invisible to this credential). Whether
 * the look-up is case-sensitive is undocumented: callers compare the answer's name with the one they asked for.
 */
export function readByName(client: TfcClient, organization: string, name: string): Promise<Workspace | null> {
  return readAt(client, `/organizations/${encodeURIComponent(organization)}/workspaces/${encodeURIComponent(name)}`);
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#show-workspace
/** The workspace, or null when the API answers 404 (unknown, or invisible to this credential). */
export function read(client: TfcClient, workspaceId: string): Promise<Workspace | null> {
  return readAt(client, `/workspaces/${encodeURIComponent(workspaceId)}`);
}

function readAt(client: TfcClient, path: string): Promise<Workspace | null> {
  return orNull(async () => workspaceFrom((await client.get(path))['data']));
}

function workspaceFrom(resource: unknown): Workspace {
  const data = (resource ?? {}) as Json;
  const attributes = (data['attributes'] ?? {}) as Json;
  const organization = relatedId(resource, 'organization');
  const project = relatedId(resource, 'project');
  return {
    id: checkedId('workspace', data['id'], 'the workspace id'),
    name: typeof attributes['name'] === 'string' ? attributes['name'] : '',
    organization: typeof organization === 'string' ? organization : '',
    projectId:
      project === undefined || project === null ? null : checkedId('project', project, "the workspace's project id"),
  };
}
