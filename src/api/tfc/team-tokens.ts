import { ApiError } from '../../common/errors.js';
import type { ListCap, TfcClient } from './client.js';
import { checkedId } from './ids.js';
import { mintedTokenFrom, readOrNull, singletonToken, tokenFrom } from './documents.js';
import type { MintedToken, OnSecret, Token } from './types.js';

export interface TeamTokenCreateOptions {
  readonly description: string;
  readonly expiredAt: Date;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#create-a-team-token
/** Multiple-tokens API: a new token beside the team's others, revoking nothing. */
export async function create(
  client: TfcClient,
  teamId: string,
  options: TeamTokenCreateOptions,
  onSecret: OnSecret,
): Promise<MintedToken> {
  const document = await client.post(`/teams/${encodeURIComponent(teamId)}/authentication-tokens`, {
    data: {
      type: 'authentication-tokens',
      attributes: { description: options.description, 'expired-at': options.expiredAt.toISOString() },
    },
  });
  return mintedTokenFrom(document, onSecret, client.unreadable);
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#show-a-team-token
/**
 * A token by id (the same path serves user and agent tokens); null when the API answers 404: no such token, or one
 * this credential may not see (another user's token, a team it cannot manage).
 */
export async function read(client: TfcClient, tokenId: string): Promise<Token | null> {
  const id = checkedId('token', tokenId, 'the token id to read');
  return readOrNull(() => client.get(`/authentication-tokens/${encodeURIComponent(id)}`));
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#delete-a-team-token
/** By id: team, agent and user tokens alike. */
function deleteToken(client: TfcClient, tokenId: string): Promise<'deleted' | 'not-found'> {
  return client.delete(`/authentication-tokens/${encodeURIComponent(tokenId)}`);
}
export { deleteToken as delete };

// Legacy single-token endpoints: one description-less token per team; creating one revokes the current one.

const legacy = (client: TfcClient, teamId: string) =>
  singletonToken(client, `/teams/${encodeURIComponent(teamId)}/authentication-token`);

export async function createLegacy(
  client: TfcClient,
  teamId: string,
  expiredAt: Date,
  onSecret: OnSecret,
): Promise<MintedToken> {
  return { ...(await legacy(client, teamId).create(expiredAt, onSecret)), teamId };
}

/** The team's legacy token, or null when it has none (the API answers 404). */
export function readLegacy(client: TfcClient, teamId: string): Promise<Token | null> {
  return legacy(client, teamId).read();
}

export function deleteLegacy(client: TfcClient, teamId: string): Promise<'deleted' | 'not-found'> {
  return legacy(client, teamId).delete();
}

export interface TeamTokenListOptions {
  /** Search by team name (the API's `q`; it may match loosely, so callers filter on team id). */
  readonly teamName?: string;
  /**
   * Status values (`expired`, `expiring_in_7_days`, …), OR-combined. Sent under both names in use: the docs'
   * `filter[status]` and the OpenAPI description's `filter[expiry_status]`. A server may ignore either, so this
   * only saves pages: callers must still check every token themselves.
   */
  readonly statuses?: readonly string[];
  readonly onPage?: (page: number, totalPages: number) => void;
  /** Refuse the list past this many items or bytes of answers (ListCapError). */
  readonly cap?: ListCap;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#list-team-tokens
/** Every team token of the organization (legacy and described), following every page. */
export async function list(
  client: TfcClient,
  organization: string,
  options: TeamTokenListOptions = {},
): Promise<Token[]> {
  const status = options.statuses?.length ? options.statuses.join(',') : null;
  const query = {
    ...(options.teamName ? { q: options.teamName } : {}),
    ...(status ? { 'filter[status]': status, 'filter[expiry_status]': status } : {}),
  };
  const items = await client.getAll(
    `/organizations/${encodeURIComponent(organization)}/team-tokens`,
    query,
    options.onPage,
    options.cap,
  );
  return items.map((item) => tokenFrom(item, client.unreadable));
}
/**
 * At most this many ids per bulk delete. No limit is documented; 100 is the API's maximum page size, so one
 * list page maps to at most one batch, and the body stays small (about 6 KB).
 */
export const BULK_DELETE_BATCH = 100;

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#delete-team-tokens-in-bulk
/**
 * Deletes up to BULK_DELETE_BATCH team tokens of the organization in one request. 'unsupported': the server has
 * no such endpoint (404 or 405 from an organization the caller just listed: Terraform Enterprise before it).
 */
export async function deleteBulk(
  client: TfcClient,
  organization: string,
  tokenIds: readonly string[],
): Promise<'deleted' | 'unsupported'> {
  if (tokenIds.length === 0 || tokenIds.length > BULK_DELETE_BATCH)
    throw new Error(`A bulk delete takes 1 to ${BULK_DELETE_BATCH} ids.`);
  const data = tokenIds.map((id) => ({
    type: 'authentication-tokens',
    id: checkedId('token', id, 'a token id to delete'),
  }));
  try {
    const result = await client.delete(`/organizations/${encodeURIComponent(organization)}/team-tokens`, {}, { data });
    return result === 'not-found' ? 'unsupported' : 'deleted';
  } catch (error) {
    if (error instanceof ApiError && error.is(405)) return 'unsupported';
    throw error;
  }
}
