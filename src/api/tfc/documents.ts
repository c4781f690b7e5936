import type { Json } from './client.js';
import { checkedId, isId, UntrustedAnswerError } from './ids.js';
import type { MintedToken, OnSecret, Token } from './types.js';

/** Reads an authentication-tokens resource object into metadata; tolerant of absent optional fields. */
export function tokenFrom(resource: unknown): Token {
  const data = (resource ?? {}) as Json;
  const attributes = (data['attributes'] ?? {}) as Json;
  const team = ((data['relationships'] as Json | undefined)?.['team'] as Json | undefined)?.['data'] as
    Json | null | undefined;
  const teamId = team?.['id'];
  if (teamId !== undefined && teamId !== null && !isId('team', teamId)) {
    throw new UntrustedAnswerError('a token names a team whose id is not a team id');
  }
  return {
    id: checkedId('token', data['id'], 'a token id'),
    description: stringOrNull(attributes['description']),
    createdAt: stringOrNull(attributes['created-at']) ?? '',
    expiredAt: stringOrNull(attributes['expired-at']),
    lastUsedAt: stringOrNull(attributes['last-used-at']),
    teamId: typeof teamId === 'string' ? teamId : null,
  };
}

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
export function mintedTokenFrom(document: Json, onSecret: OnSecret): MintedToken {
  const data = (document['data'] ?? {}) as Json;
  const secret = ((data['attributes'] ?? {}) as Json)['token'];
  if (typeof secret !== 'string' || !PLAUSIBLE_SECRET.test(secret)) {
    const why =
      typeof secret === 'string' && secret ? 'its secret is not a plausible token' : 'its answer holds no secret';
    if (isId('token', data['id'])) throw new UnusableTokenError(data['id'], why);
    throw new UntrustedAnswerError('a created token has neither a usable secret nor a valid id');
  }
  onSecret(secret);
  return { ...tokenFrom(data), secret };
}

/** Reads a single token resource; null when the API answers 404 (none exists, or none visible). */
export async function readOrNull(read: () => Promise<Record<string, unknown>>): Promise<Token | null> {
  try {
    return tokenFrom((await read())['data']);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
