import type { TfcClient } from './client.js';
import { mintedTokenFrom, readOrNull } from './documents.js';
import type { MintedToken, OnSecret, Token } from './types.js';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organization-tokens
// One token per organization: creating one revokes the current one at once.

const path = (organization: string) => `/organizations/${encodeURIComponent(organization)}/authentication-token`;

export async function create(client: TfcClient, organization: string, expiredAt: Date, onSecret: OnSecret): Promise<MintedToken> {
  const document = await client.post(path(organization), {
    data: { type: 'authentication-token', attributes: { 'expired-at': expiredAt.toISOString() } },
  });
  return mintedTokenFrom(document, onSecret);
}

/** The organization's token, or null when it has none. */
export function read(client: TfcClient, organization: string): Promise<Token | null> {
  return readOrNull(() => client.get(path(organization)));
}

export function remove(client: TfcClient, organization: string): Promise<'deleted' | 'not-found'> {
  return client.delete(path(organization));
}
