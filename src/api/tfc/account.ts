import { isId, related } from './client.js';
import type { TfcClient } from './client.js';
import type { Json } from './jsonapi.js';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/account#get-your-account-details
/** Proves a token authenticates: 200 for a working token, 401 for a revoked, expired or over-TTL one. */
export async function verifyToken(client: TfcClient): Promise<void> {
  await client.get('/account/details');
}

/** Who the credential is: the token's own id (`links.auth-token`, HCP Terraform and Terraform Enterprise 2.1+). */
export interface Credential {
  /** null when the server does not name the token (older Terraform Enterprise, or not an `at-` id). */
  readonly tokenId: string | null;
  /** `relationships.authenticated-resource`: a user, a team or an organization; null when absent. */
  readonly resource: { readonly type: string; readonly id: string } | null;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/account#get-your-account-details
export async function describeCredential(client: TfcClient): Promise<Credential> {
  const data = ((await client.get('/account/details'))['data'] ?? {}) as Json;
  const link = ((data['links'] ?? {}) as Json)['auth-token'];
  const tokenId =
    typeof link === 'string' ? /^\/api\/v2\/authentication-tokens\/([^/?#]+)$/.exec(link)?.[1] : undefined;
  const resource = related(data, 'authenticated-resource');
  const type = resource?.['type'];
  const id = resource?.['id'];
  return {
    tokenId: isId('token', tokenId) ? tokenId : null,
    resource: typeof type === 'string' && typeof id === 'string' ? { type, id } : null,
  };
}
