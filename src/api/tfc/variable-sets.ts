import { checkedId } from './client.js';
import type { Json, TfcClient } from './client.js';
import type { VariableCollection } from './variables.js';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variables-in-a-variable-set
export function variableSetVariables(variableSetId: string): VariableCollection {
  return {
    path:
      `/varsets/${encodeURIComponent(checkedId('variable set', variableSetId, 'the variable set id'))}` +
      '/relationships/vars',
  };
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list
/**
 * The variable set called exactly `name`. The API's `q` is a search, not an exact filter, so every page of its
 * answer is compared by name; none or several exact matches is an error that asks for the varset-… id.
 */
export async function findVariableSetId(client: TfcClient, organization: string, name: string): Promise<string> {
  const sets = await client.getAll(`/organizations/${encodeURIComponent(organization)}/varsets`, { q: name });
  const matches = sets.filter((set) => (((set ?? {}) as Json)['attributes'] as Json | undefined)?.['name'] === name);
  if (matches.length === 1) return checkedId('variable set', (matches[0] as Json)['id'], 'the variable set id');
  if (matches.length === 0) {
    throw new Error(
      `No variable set named "${name}" in organization "${organization}" is visible to this credential (it needs to ` +
        `manage variable sets). Check the name, or use the varset-… id.`,
    );
  }
  throw new Error(
    `${matches.length} variable sets in organization "${organization}" are named "${name}"; use the varset-… id ` +
      `instead.`,
  );
}
