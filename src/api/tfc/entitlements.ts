import type { TfcClient } from './client.js';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#show-the-entitlement-set
/** Whether the organization's plan includes team management; null when the answer does not say. */
export async function teamsEntitled(client: TfcClient, organization: string): Promise<boolean | null> {
  const document = await client.get(`/organizations/${encodeURIComponent(organization)}/entitlement-set`);
  const teams = ((document['data'] as { attributes?: { teams?: unknown } } | undefined)?.attributes ?? {}).teams;
  return typeof teams === 'boolean' ? teams : null;
}
