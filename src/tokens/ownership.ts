import type { Token } from '../api/tfc/types.js';

/**
 * Proof that a token is this run's. Every description the action sends ends in a fresh 64-bit nonce, whether the
 * user chose the rest or not, so only the run that drew the nonce can know it. A token is taken as this run's only
 * when its description is exactly the one sent (nonce included), it belongs to the same team, and its expiry is the
 * instant sent. A description that merely matches what a person typed is never enough.
 */
export const NONCE = /^[0-9a-f]{16}$/;

export function withNonce(base: string, nonce: string): string {
  return `${base} ${nonce}`;
}

export interface CreateAttempt {
  readonly description: string | null;
  readonly teamId: string | null;
  /** ISO instant sent, or '' when the kind has no expiry (agent tokens) */
  readonly expiredAt: string;
}

export function isOwnedBy(token: Token, attempt: CreateAttempt): boolean {
  const { description } = attempt;
  if (!description || token.description !== description) return false;
  if (!NONCE.test(description.slice(description.lastIndexOf(' ') + 1))) return false;
  if (attempt.teamId !== null && token.teamId !== attempt.teamId) return false;
  return !attempt.expiredAt || sameInstant(token.expiredAt, attempt.expiredAt);
}

/** The expiry the server reports is the instant sent; servers may drop its milliseconds. */
export function sameInstant(reported: string | null, sent: string): boolean {
  return reported !== null && Math.abs(Date.parse(reported) - Date.parse(sent)) < 1000;
}
