import { expiresClause } from '../common/text.js';
import { isId } from '../api/tfc/ids.js';
import { scopedTeamCreatedAt } from '../inputs/scoped-team-name.js';

export type TokenKind = 'team' | 'team-legacy' | 'organization' | 'audit-trail' | 'agent';

/**
 * What the post step needs to delete one token this run made, and nothing secret. `tokenId` is null while a
 * create is in flight: the description is saved first so a token whose id we never learned can still be found.
 */
export interface CleanupRecord {
  /**
   * `scoped-team`: a temporary team of scoped mode (src/tokens/scoped-team-cleanup.ts), deleted after its tokens.
   */
  readonly kind: TokenKind | 'scoped-team';
  readonly organization: string | null;
  readonly teamId: string | null;
  readonly agentPoolId?: string | null;
  readonly description: string | null;
  readonly tokenId: string | null;
  /** The expiry this run sent ('' for kinds without one): never replaced by what the server reports. */
  readonly expiredAt: string;
  /**
   * The expiry the server reported, once the create answered (null: none, or not a date). The post step skips a
   * token as expired only when this and `expiredAt` have both passed; a value that is not an instant is ignored.
   */
  readonly reportedExpiredAt?: string | null;
  /**
   * When the record was saved, just before the create was sent (ISO). A one-per-owner token has no description, so
   * a create whose answer never arrived is proven this run's by its expiry and a `created-at` after this instant.
   */
  readonly savedAt?: string;
  readonly ephemeral: boolean;
  /** scoped-team only: saved before the team is created, so a team whose id never arrived can be found. */
  readonly teamName?: string;
}

export interface ScopedTeamRecord extends CleanupRecord {
  readonly kind: 'scoped-team';
  readonly organization: string;
  readonly teamName: string;
}

/** A scoped-team record as this action writes it; anything else read from state is not acted on. */
export function isScopedTeamRecord(value: unknown): value is ScopedTeamRecord {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return (
    record['kind'] === 'scoped-team' &&
    typeof record['teamName'] === 'string' &&
    scopedTeamCreatedAt(record['teamName']) !== null &&
    isId('name', record['organization']) &&
    (record['teamId'] === null || isId('team', record['teamId'])) &&
    record['tokenId'] === null &&
    record['description'] === null &&
    typeof record['expiredAt'] === 'string' &&
    record['ephemeral'] === true
  );
}

/** Tokens first, then teams: a token is deleted by its id before the team it belongs to disappears. */
export function inCleanupOrder(records: readonly CleanupRecord[]): CleanupRecord[] {
  return [
    ...records.filter((record) => record.kind !== 'scoped-team'),
    ...records.filter((record) => record.kind === 'scoped-team'),
  ];
}

/** How the post step names a record in its summary and warnings. */
export function recordLabel(record: CleanupRecord): string {
  if (record.kind === 'scoped-team')
    return `temporary team ${isScopedTeamRecord(record) ? record.teamName : '(invalid record)'}`;
  return record.tokenId ?? 'token with unknown id';
}

/** What a person must do about a record the post step could not clean up. */
export function leftBehindHint(record: CleanupRecord): string {
  if (record.kind === 'scoped-team') return 'Delete the team by hand (Settings > Teams), or let mode: sweep remove it.';
  return `Delete it by hand; ${expiresClause(record.expiredAt || null)}.`;
}
