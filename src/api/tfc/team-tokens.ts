import { ApiError, UntrustedAnswerError } from '../../common/errors.js';
import { checkedId, isId, relatedId } from './client.js';
import { orNull, type Json } from './jsonapi.js';
import type { ListCap, TfcClient } from './client.js';
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
  return readOrNull(() => client.get(`/authentication-tokens/${encodeURIComponent(id)}`), client.unreadable);
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

// The token document, read the same way for every kind of token (team, organization, audit trail, agent): the
// other token modules read theirs with these.

/** Told about a server value the decoders dropped; the message never holds the value itself. */
export type OnOddValue = (message: string) => void;

/**
 * Reads an authentication-tokens resource object into metadata; tolerant of absent optional fields. Dates come back
 * as ISO 8601 instants: one that is not a date counts as missing (reported through `onOdd`), so no raw server text
 * reaches an output, a log line or the saved state through a date.
 */
export function tokenFrom(resource: unknown, onOdd: OnOddValue = () => {}): Token {
  const data = (resource ?? {}) as Json;
  const attributes = (data['attributes'] ?? {}) as Json;
  const teamId = relatedId(resource, 'team');
  if (teamId !== undefined && teamId !== null && !isId('team', teamId)) {
    throw new UntrustedAnswerError('a token names a team whose id is not a team id');
  }
  const id = checkedId('token', data['id'], 'a token id');
  const date = (name: string) => instantOrNull(attributes[name], () => onOdd(`${name} of token ${id}`));
  return {
    id,
    description: stringOrNull(attributes['description']),
    createdAt: date('created-at') ?? '',
    expiredAt: date('expired-at'),
    lastUsedAt: date('last-used-at'),
    teamId: typeof teamId === 'string' ? teamId : null,
  };
}

/** Not later than 9999 and not before 1970: what a token's dates can be, and what toISOString can print. */
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * A server date as an ISO 8601 instant (`2026-12-06T19:00:00.000Z`), or null when absent. Only ISO 8601 text with a
 * date and a zone is taken: `Date.parse` alone also reads forms like `Sun Dec 6 2026` or a bare number.
 */
export function instantOrNull(value: unknown, onNotADate: () => void = () => {}): string | null {
  if (value === null || value === undefined) return null;
  const time = typeof value === 'string' && value.length <= 40 && ISO_8601.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time) || time < 0 || time > LATEST) {
    onNotADate();
    return null;
  }
  return new Date(time).toISOString();
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * A token the server created but that cannot be used: its secret is missing or implausible. The caller deletes
 * `tokenId` at once; the secret is never shown, masked or exported.
 */
export class UnusableTokenError extends Error {
  constructor(
    readonly tokenId: string,
    why: string,
  ) {
    super(`The API created token ${tokenId} but ${why}, so it was not used.`);
    this.name = 'UnusableTokenError';
  }
}

/**
 * The API's secrets look like `<14 characters>.atlasv1.<67 or more>`; this check is looser on purpose (servers
 * differ) but refuses what no token is: whitespace, control characters, a handful of characters, a whole page.
 */
const PLAUSIBLE_SECRET = /^[\x21-\x7e]{20,1024}$/;

/** The create answer: checks the secret, masks it, then reads the rest. */
export function mintedTokenFrom(document: Json, onSecret: OnSecret, onOdd?: OnOddValue): MintedToken {
  const data = (document['data'] ?? {}) as Json;
  const secret = ((data['attributes'] ?? {}) as Json)['token'];
  if (typeof secret !== 'string' || !PLAUSIBLE_SECRET.test(secret)) {
    const why =
      typeof secret === 'string' && secret ? 'its secret is not a plausible token' : 'its answer holds no secret';
    if (isId('token', data['id'])) throw new UnusableTokenError(data['id'], why);
    throw new UntrustedAnswerError('a created token has neither a usable secret nor a valid id');
  }
  onSecret(secret);
  return { ...tokenFrom(data, onOdd), secret };
}

/** Reads a single token resource; null when the API answers 404 (none exists, or none visible). */
function readOrNull(read: () => Promise<Json>, onOdd?: OnOddValue): Promise<Token | null> {
  return orNull(async () => tokenFrom((await read())['data'], onOdd));
}

/**
 * A token that is one per owner at a fixed path (a team's legacy token, an organization or audit-trail token):
 * creating one revokes the current one at once, and reading or deleting it needs no id.
 */
export function singletonToken(client: TfcClient, path: string, query: Readonly<Record<string, string>> = {}) {
  return {
    async create(expiredAt: Date, onSecret: OnSecret): Promise<MintedToken> {
      const body = { data: { type: 'authentication-token', attributes: { 'expired-at': expiredAt.toISOString() } } };
      return mintedTokenFrom(await client.post(path, body, query), onSecret, client.unreadable);
    },
    /** The current token, or null when there is none (the API answers 404). */
    read: (): Promise<Token | null> => readOrNull(() => client.get(path, query), client.unreadable),
    /** 'not-found': there was none, which the callers count as done. */
    delete: (): Promise<'deleted' | 'not-found'> => client.delete(path, query),
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
