import { ApiError } from '../common/errors.js';
import { instantOrNull, UnusableTokenError } from '../api/tfc/team-tokens.js';
import { isId } from '../api/tfc/client.js';
import { expiresClause } from '../runner/io.js';
import { scopedTeamCreatedAt } from '../inputs/scoped-team-name.js';
import type { ActionIo } from '../runner/io.js';

export interface CleanupState {
  readonly hostname: string;
  readonly records: readonly CleanupRecord[];
}

const KEY = 'cleanup';

/**
 * Saved on every change: the runner applies state even when the main step later fails,
 * so the post step can clean up whatever was created before the failure.
 */
export class CleanupLedger {
  #records: CleanupRecord[] = [];

  constructor(
    private readonly io: ActionIo,
    private readonly hostname: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A create is about to be sent: its record is saved first, so a token whose id never arrives can be found. */
  begin(record: Omit<CleanupRecord, 'tokenId'>): void {
    this.#records.push({ ...record, tokenId: null, savedAt: new Date(this.now()).toISOString() });
    this.#save();
  }

  /** The create answered: its id is saved the moment it is known; the expiry sent stays beside the one reported. */
  created(description: string | null, tokenId: string, reportedExpiredAt: string | null): void {
    this.#resolve(description, tokenId, reportedExpiredAt);
  }

  /**
   * The create failed. A refusal (4xx) created nothing and is forgotten; a token created but unusable has a known id
   * the post step can delete; any other failure may have created a token, so its record stays.
   */
  failed(description: string | null, error: unknown): void {
    if (error instanceof ApiError && error.status < 500) this.#drop(description);
    if (error instanceof UnusableTokenError) this.#resolve(description, error.tokenId, null);
  }

  /** The records of creates whose outcome is still unknown (sent, no id back), for a rollback to look them up. */
  unconfirmed(teamId: string): CleanupRecord[] {
    return this.#records.filter((record) => isPendingToken(record, record.description) && record.teamId === teamId);
  }

  /** Adds a record, or replaces the ones `matches` finds; saved at once. */
  put(record: CleanupRecord, matches: (existing: CleanupRecord) => boolean = () => false): void {
    this.#records = [...this.#records.filter((existing) => !matches(existing)), record];
    this.#save();
  }

  /** Forgets the records `matches` finds: what they name is gone. */
  remove(matches: (existing: CleanupRecord) => boolean): void {
    this.#records = this.#records.filter((existing) => !matches(existing));
    this.#save();
  }

  /** The token was deleted again by the main step (a rolled-back rotation): nothing left to clean up. */
  forget(tokenId: string): void {
    this.#records = this.#records.filter((record) => record.tokenId !== tokenId);
    this.#save();
  }

  /** A token created under `description` whose id never arrived was found and deleted: nothing left to clean up. */
  settle(description: string): void {
    this.#drop(description);
  }

  /** The expiry sent stays; the one reported is kept beside it (see CleanupRecord.reportedExpiredAt). */
  #resolve(description: string | null, tokenId: string, reportedExpiredAt: string | null): void {
    this.#records = this.#records.map((record) =>
      isPendingToken(record, description) ? { ...record, tokenId, reportedExpiredAt } : record,
    );
    this.#save();
  }

  #drop(description: string | null): void {
    this.#records = this.#records.filter((record) => !isPendingToken(record, description));
    this.#save();
  }

  #save(): void {
    const state: CleanupState = { hostname: this.hostname, records: this.#records };
    this.io.saveState(KEY, JSON.stringify(state));
  }
}

/**
 * A token create still waiting for its outcome, under `description`. A temporary team's record has no token id and
 * no description either, so the kind is what keeps a token's outcome from settling the team's record.
 */
function isPendingToken(record: CleanupRecord, description: string | null): boolean {
  return record.kind !== 'scoped-team' && record.tokenId === null && record.description === description;
}

export interface LoadedState extends CleanupState {
  /** Why each record that failed validation was skipped. */
  readonly rejected: readonly string[];
}

/**
 * The state file is untrusted input too: anything that can write it could otherwise aim the post step's DELETEs.
 * Each record is checked on its own; a bad one is reported and skipped, the rest are still cleaned up.
 */
export function loadCleanupState(io: ActionIo): LoadedState | null {
  const raw = io.getState(KEY);
  if (!raw || raw.length > MAX_STATE_LENGTH) return null;
  let state: unknown;
  try {
    state = JSON.parse(raw);
  } catch {
    return null;
  }
  const { hostname, records } = (state ?? {}) as { hostname?: unknown; records?: unknown };
  if (typeof hostname !== 'string' || !Array.isArray(records)) return null;
  const valid: CleanupRecord[] = [];
  const rejected: string[] = [];
  for (const [index, record] of records.slice(0, MAX_RECORDS).entries()) {
    const problem = recordProblem(record);
    if (problem) rejected.push(`record ${index + 1}: ${problem}`);
    else valid.push(record as CleanupRecord);
  }
  return { hostname, records: valid, rejected };
}

const MAX_STATE_LENGTH = 64 * 1024;
const MAX_RECORDS = 20;
const KINDS: readonly string[] = ['team', 'team-legacy', 'organization', 'audit-trail', 'agent'];

/** What is wrong with a record read back from state, or null when it is one this action could have written. */
export function recordProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object') return 'not a record';
  const record = value as Record<string, unknown>;
  if (record['kind'] === 'scoped-team') return isScopedTeamRecord(value) ? null : 'not a valid temporary-team record';
  if (typeof record['kind'] !== 'string' || !KINDS.includes(record['kind'])) return 'unknown token kind';
  const checks: Array<[boolean, string]> = [
    [record['tokenId'] === null || isId('token', record['tokenId']), 'the token id is not an at-… id'],
    [record['teamId'] === null || isId('team', record['teamId']), 'the team id is not a team-… id'],
    [record['organization'] === null || isId('name', record['organization']), 'the organization is not a name'],
    [
      record['agentPoolId'] == null || isId('agent pool', record['agentPoolId']),
      'the agent pool id is not an apool-… id',
    ],
    [record['description'] === null || isPlainText(record['description']), 'the description is not plain text'],
    [record['expiredAt'] === '' || isInstant(record['expiredAt']), 'the expiry is not a timestamp'],
    [typeof record['ephemeral'] === 'boolean', 'ephemeral is not a boolean'],
    [record['kind'] !== 'team-legacy' || record['teamId'] !== null, 'a legacy team token without its team'],
    [
      !['organization', 'audit-trail'].includes(record['kind']) || record['organization'] !== null,
      'an organization token without its organization',
    ],
  ];
  return checks.find(([ok]) => !ok)?.[1] ?? null;
}

function isPlainText(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 300 && !/[\u0000-\u001f\u007f]/.test(value);
}

/** An ISO 8601 instant, as this action saves every date (Date.parse alone also takes loose forms). */
function isInstant(value: unknown): boolean {
  return instantOrNull(value) !== null;
}

// The records: what each kind of clean-up needs, and how the post step names and orders them.

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
