import type { TfcClient } from './client.js';
import { orNull, type Json } from './jsonapi.js';
import { checkedId, isId, relatedId, UntrustedAnswerError } from './ids.js';
import type { MintedToken, OnSecret, Token } from './types.js';

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
export function readOrNull(read: () => Promise<Json>, onOdd?: OnOddValue): Promise<Token | null> {
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
