import type { Json } from './client.js';
import type { MintedToken, OnSecret, Token } from './types.js';

/** Reads an authentication-tokens resource object into metadata; tolerant of absent optional fields. */
export function tokenFrom(resource: unknown): Token {
  const data = (resource ?? {}) as Json;
  const attributes = (data['attributes'] ?? {}) as Json;
  const team = ((data['relationships'] as Json | undefined)?.['team'] as Json | undefined)?.['data'] as Json | null | undefined;
  if (typeof data['id'] !== 'string') throw new Error('The API answered with a token that has no id.');
  return {
    id: data['id'],
    description: stringOrNull(attributes['description']),
    createdAt: stringOrNull(attributes['created-at']) ?? '',
    expiredAt: stringOrNull(attributes['expired-at']),
    lastUsedAt: stringOrNull(attributes['last-used-at']),
    teamId: stringOrNull(team?.['id']),
  };
}

/** The create answer: masks the secret first, then reads the rest. */
export function mintedTokenFrom(document: Json, onSecret: OnSecret): MintedToken {
  const data = (document['data'] ?? {}) as Json;
  const secret = ((data['attributes'] ?? {}) as Json)['token'];
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new Error('The API created a token but its answer holds no secret.');
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
