import type { TfcClient } from './client.js';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/account#get-your-account-details
/** Proves a token authenticates: 200 for a working token, 401 for a revoked, expired or over-TTL one. */
export async function verifyToken(client: TfcClient): Promise<void> {
  await client.get('/account/details');
}
