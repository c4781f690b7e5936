import type { TfcClient } from './client.js';
import { mintedTokenFrom, readOrNull, tokenFrom } from './documents.js';
import type { MintedToken, OnSecret, Token } from './types.js';

export interface TeamTokenCreateOptions {
  readonly description: string;
  readonly expiredAt: Date;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#create-a-team-token
/** Multiple-tokens API: a new token beside the team's others, revoking nothing. */
export async function create(client: TfcClient, teamId: string, options: TeamTokenCreateOptions, onSecret: OnSecret): Promise<MintedToken> {
  const document = await client.post(`/teams/${encodeURIComponent(teamId)}/authentication-tokens`, {
    data: {
      type: 'authentication-tokens',
      attributes: { description: options.description, 'expired-at': options.expiredAt.toISOString() },
    },
  });
  return mintedTokenFrom(document, onSecret);
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#delete-a-team-token
export function deleteById(client: TfcClient, tokenId: string): Promise<'deleted' | 'not-found'> {
  return client.delete(`/authentication-tokens/${encodeURIComponent(tokenId)}`);
}

// Legacy single-token endpoints: one description-less token per team; creating one revokes the current one.

export async function createLegacy(client: TfcClient, teamId: string, expiredAt: Date, onSecret: OnSecret): Promise<MintedToken> {
  const document = await client.post(`/teams/${encodeURIComponent(teamId)}/authentication-token`, {
    data: { type: 'authentication-token', attributes: { 'expired-at': expiredAt.toISOString() } },
  });
  return { ...mintedTokenFrom(document, onSecret), teamId };
}

/** The team's legacy token, or null when it has none (the API answers 404). */
export async function readLegacy(client: TfcClient, teamId: string): Promise<Token | null> {
  return readOrNull(() => client.get(`/teams/${encodeURIComponent(teamId)}/authentication-token`));
}

export function deleteLegacy(client: TfcClient, teamId: string): Promise<'deleted' | 'not-found'> {
  return client.delete(`/teams/${encodeURIComponent(teamId)}/authentication-token`);
}

export interface TeamTokenListOptions {
  /** Search by team name (the API's `q`; it may match loosely, so callers filter on team id). */
  readonly teamName?: string;
  readonly onPage?: (page: number, totalPages: number) => void;
}

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#list-team-tokens
/** Every team token of the organization (legacy and described), following every page. */
export async function listAll(client: TfcClient, organization: string, options: TeamTokenListOptions = {}): Promise<Token[]> {
  const query = options.teamName ? { q: options.teamName } : {};
  const items = await client.getAll(`/organizations/${encodeURIComponent(organization)}/team-tokens`, query, options.onPage);
  return items.map(tokenFrom);
}
