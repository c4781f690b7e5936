import { UntrustedAnswerError } from '../../common/errors.js';
import { checkedId } from './client.js';
import type { Json, TfcClient } from './client.js';

/**
 * Variables of a workspace or a variable set. The action never reads a variable's value: answers are read for
 * id, key, category and the sensitive flag only, and the value is only ever sent.
 */

export interface Variable {
  readonly id: string;
  readonly key: string;
  readonly category: string;
  readonly sensitive: boolean;
}

/** Where variables live: the collection path of a workspace's or a variable set's variables. */
export interface VariableCollection {
  readonly path: string;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables
export function workspaceVariables(workspaceId: string): VariableCollection {
  return { path: `/workspaces/${encodeURIComponent(checkedId('workspace', workspaceId, 'the workspace id'))}/vars` };
}

/**
 * Every variable of the collection. Workspace variables come unpaginated per the API description, variable set
 * variables in pages; following meta.pagination handles both.
 */
export async function list(client: TfcClient, collection: VariableCollection): Promise<Variable[]> {
  return (await client.getAll(collection.path)).map(variableFrom);
}

export interface NewVariable {
  readonly key: string;
  readonly category: string;
  readonly description: string;
}

/** Always sensitive (write-only from then on) and never HCL: the value is a token, not an expression. */
export async function createSensitive(
  client: TfcClient,
  collection: VariableCollection,
  variable: NewVariable,
  value: string,
): Promise<Variable> {
  const attributes = {
    key: variable.key,
    value,
    category: variable.category,
    description: variable.description,
    hcl: false,
    sensitive: true,
  };
  const document = await client.post(collection.path, { data: { type: 'vars', attributes } });
  return variableFrom(document['data']);
}

/** The value replaced in place (the id stays); sensitive and hcl are restated so the variable stays write-only. */
export async function updateSensitiveValue(
  client: TfcClient,
  collection: VariableCollection,
  variableId: string,
  value: string,
): Promise<Variable> {
  const id = checkedId('variable', variableId, 'the variable id');
  // Setting the same value again changes nothing more, so an interrupted PATCH is simply repeated.
  const document = await client.patch(
    `${collection.path}/${encodeURIComponent(id)}`,
    { data: { type: 'vars', id, attributes: { value, hcl: false, sensitive: true } } },
    { repeatable: true },
  );
  return variableFrom(document['data']);
}

function variableFrom(resource: unknown): Variable {
  const data = (resource ?? {}) as Json;
  const attributes = (data['attributes'] ?? {}) as Json;
  if (typeof attributes['key'] !== 'string' || typeof attributes['category'] !== 'string') {
    throw new UntrustedAnswerError('a variable without a key or category');
  }
  return {
    id: checkedId('variable', data['id'], 'a variable id'),
    key: attributes['key'],
    category: attributes['category'],
    sensitive: attributes['sensitive'] === true,
  };
}
