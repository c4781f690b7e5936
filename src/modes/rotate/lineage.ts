import { createHash } from 'node:crypto';
import type { Token } from '../../api/tfc/types.js';
import type { Destination } from './destinations.js';

/**
 * Which earlier tokens a rotation owns, and which of them it may revoke. A rotation owns the tokens of its
 * destination only: its description carries the stable base, then a mark made of the destination (`dest-` and 12 hex
 * digits of a SHA-256 of what the destination is), then the time and the nonce. Rotations of one team into three
 * repositories share the base but not the mark, so none of them revokes a token another destination holds.
 */

/** The same for every rotation into the same destination (or the same set of them), whatever the run. */
export function destinationMark(destinations: readonly Destination[]): string {
  return markOf(destinations.map((destination) => destination.identity));
}

/** The mark of a set of destination identities (`Destination.identity`), in any order. */
export function markOf(identities: readonly string[]): string {
  return `dest-${createHash('sha256')
    .update([...identities].sort().join('\n'))
    .digest('hex')
    .slice(0, 12)}`;
}

/** Milliseconds included: two rotations in one second must not collide on the team's unique descriptions. */
export function rotationDescription(base: string, mark: string, now: number): string {
  return `${base} ${mark} ${new Date(now).toISOString()}`;
}

const TIME = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z';

/** The destination mark of a rotation's description (whatever its base), or null for any other description. */
export function markIn(description: string | null): string | null {
  return new RegExp(`(?:^| )(dest-[0-9a-f]{12}) ${TIME} [0-9a-f]{16}$`).exec(description ?? '')?.[1] ?? null;
}

/** Tokens of this destination's rotations, and those of rotations described before destinations were marked. */
export function classify(
  tokens: readonly Token[],
  base: string,
  mark: string,
): { readonly ours: Token[]; readonly unmarked: Token[] } {
  const ours = new RegExp(`^${escape(base)} ${mark} ${TIME} [0-9a-f]{16}$`);
  const unmarked = new RegExp(`^${escape(base)} ${TIME}( [0-9a-f]{16})?$`);
  return {
    ours: tokens.filter((token) => ours.test(token.description ?? '')),
    unmarked: tokens.filter((token) => unmarked.test(token.description ?? '')),
  };
}

export interface RevocationPlan {
  /** In the order to revoke them: the credential in use, if among them, last. */
  readonly revoke: Token[];
  /** Tokens of this destination that another run may still be writing: left for the next rotation. */
  readonly spared: Token[];
}

/**
 * Only tokens created before the one this run wrote can be what it replaces; a newer one belongs to a run that
 * overlaps this one. When the credential in use is one of them (the action rotating its own secret), the secret
 * held it when this run started, so tokens created after it are from runs that started meanwhile (they may still
 * write the secret) and stay. Of the rest, the newest `keepPrevious` stay valid.
 */
export function revocationPlan(
  ours: readonly Token[],
  written: Token,
  keepPrevious: number,
  credentialId: string | null,
): RevocationPlan {
  const writtenAt = Date.parse(written.createdAt);
  const others = ours.filter((token) => token.id !== written.id);
  const before = others.filter((token) => Date.parse(token.createdAt) < writtenAt);
  const credential = before.find((token) => token.id === credentialId);
  const settled = credential
    ? before.filter((token) => Date.parse(token.createdAt) <= Date.parse(credential.createdAt))
    : before;
  const newestFirst = [...settled].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const revoke = newestFirst.slice(keepPrevious);
  const last = revoke.filter((token) => token.id === credentialId);
  return {
    revoke: [...revoke.filter((token) => token.id !== credentialId), ...last],
    spared: others.filter((token) => !settled.includes(token)),
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The team a rotation's tokens belong to (both null for agent tokens). */
export type Owner = { readonly teamId: string | null; readonly teamName: string | null };
/** Whose tokens a rotation owns: its team (or agent pool) and its destination's mark. */
export type Lineage = { readonly owner: Owner; readonly mark: string };
