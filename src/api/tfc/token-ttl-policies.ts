import { UntrustedAnswerError } from '../../common/errors.js';
import type { Json, TfcClient } from './client.js';

/** Policy token types as the API spells them (note `audit_trails`, with an underscore, unlike token creation). */
export type PolicyTokenType = 'organization' | 'team' | 'user' | 'audit_trails';
const TYPES: ReadonlySet<string> = new Set(['organization', 'team', 'user', 'audit_trails', 'metrics']);

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organization-token-ttl-policies (OpenAPI
// listTokenTtlPolicies)
/** Each token type's maximum lifetime in ms. Only the owners team may read it: others get 403. */
export async function list(client: TfcClient, organization: string): Promise<Map<string, number>> {
  const document = await client.get(`/organizations/${encodeURIComponent(organization)}/token-ttl-policies`);
  const data = Array.isArray(document['data']) ? document['data'].slice(0, 20) : [];
  const maxima = new Map<string, number>();
  for (const item of data) {
    const attributes = (((item ?? {}) as Json)['attributes'] ?? {}) as Json;
    const type = attributes['token-type'];
    const max = attributes['max-ttl-ms'];
    if (typeof type !== 'string' || !TYPES.has(type)) continue; // a type this action never creates
    if (typeof max !== 'number' || !Number.isSafeInteger(max) || max <= 0)
      throw new UntrustedAnswerError(`the maximum lifetime of ${type} tokens is not a positive number`);
    maxima.set(type, max);
  }
  return maxima;
}
