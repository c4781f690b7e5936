import type { TfcClient } from './client.js';
import { mintedTokenFrom, readOrNull } from './documents.js';
import type { MintedToken, OnSecret, Token } from './types.js';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organization-tokens
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/audit-trails-tokens
// One token of each kind per organization: creating one revokes the current one at once.

export type OrganizationTokenKind = 'organization' | 'audit-trail';

const path = (organization: string) => `/organizations/${encodeURIComponent(organization)}/authentication-token`;
/** Terraform Enterprise ignores this parameter and acts on the organization token: callers must check the platform. */
const query = (kind: OrganizationTokenKind) => (kind === 'audit-trail' ? { token: 'audit-trails' } : {});

export async function create(
  client: TfcClient,
  organization: string,
  kind: OrganizationTokenKind,
  expiredAt: Date,
  onSecret: OnSecret,
): Promise<MintedToken> {
  const body = { data: { type: 'authentication-token', attributes: { 'expired-at': expiredAt.toISOString() } } };
  return mintedTokenFrom(await client.post(path(organization), body, query(kind)), onSecret, client.unreadable);
}

/** The organization's token of this kind, or null when it has none. */
export function read(client: TfcClient, organization: string, kind: OrganizationTokenKind): Promise<Token | null> {
  return readOrNull(() => client.get(path(organization), query(kind)), client.unreadable);
}

export function remove(
  client: TfcClient,
  organization: string,
  kind: OrganizationTokenKind,
): Promise<'deleted' | 'not-found'> {
  return client.delete(path(organization), query(kind));
}
