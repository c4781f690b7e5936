import { singletonToken } from './team-tokens.js';
import type { TfcClient } from './client.js';
import type { MintedToken, OnSecret, Token } from './types.js';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organization-tokens
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/audit-trails-tokens
// One token of each kind per organization: creating one revokes the current one at once.

export type OrganizationTokenKind = 'organization' | 'audit-trail';

/** Terraform Enterprise ignores `token` and acts on the organization token: callers must check the platform. */
const token = (client: TfcClient, organization: string, kind: OrganizationTokenKind) =>
  singletonToken(
    client,
    `/organizations/${encodeURIComponent(organization)}/authentication-token`,
    kind === 'audit-trail' ? { token: 'audit-trails' } : {},
  );

export function create(
  client: TfcClient,
  organization: string,
  kind: OrganizationTokenKind,
  expiredAt: Date,
  onSecret: OnSecret,
): Promise<MintedToken> {
  return token(client, organization, kind).create(expiredAt, onSecret);
}

/** The organization's token of this kind, or null when it has none. */
export function read(client: TfcClient, organization: string, kind: OrganizationTokenKind): Promise<Token | null> {
  return token(client, organization, kind).read();
}

function deleteToken(
  client: TfcClient,
  organization: string,
  kind: OrganizationTokenKind,
): Promise<'deleted' | 'not-found'> {
  return token(client, organization, kind).delete();
}
export { deleteToken as delete };
