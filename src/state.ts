import { ApiError } from './errors.js';
import type { ActionIo } from './io.js';
import type { MintedToken } from './tfc/types.js';

export type TokenKind = 'team' | 'team-legacy' | 'organization' | 'audit-trail' | 'agent';

/**
 * What the post step needs to delete one token this run made, and nothing secret. `tokenId` is null while a
 * create is in flight: the description is saved first so a token whose id we never learned can still be found.
 */
export interface CleanupRecord {
  /** `scoped-team`: a temporary team of scoped mode (src/tokens/scoped-team-cleanup.ts), deleted after its tokens. */
  readonly kind: TokenKind | 'scoped-team';
  readonly organization: string | null;
  readonly teamId: string | null;
  readonly agentPoolId?: string | null;
  readonly description: string | null;
  readonly tokenId: string | null;
  readonly expiredAt: string;
  readonly ephemeral: boolean;
  /** scoped-team only: saved before the team is created, so a team whose id never arrived can be found. */
  readonly teamName?: string;
}

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
  ) {}

  /**
   * Runs one create with its record saved before the request and its id saved the moment it is known. A refusal
   * (4xx) created nothing and is forgotten; any other failure may have created a token, so its record stays.
   */
  async track(record: Omit<CleanupRecord, 'tokenId'>, create: () => Promise<MintedToken>): Promise<MintedToken> {
    this.#records.push({ ...record, tokenId: null });
    this.#save();
    let token: MintedToken;
    try {
      token = await create();
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) this.#drop(record.description);
      throw error;
    }
    this.#resolve(record.description, token.id, token.expiredAt);
    return token;
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

  #resolve(description: string | null, tokenId: string, expiredAt: string | null): void {
    this.#records = this.#records.map((record) =>
      record.description === description && record.tokenId === null
        ? { ...record, tokenId, expiredAt: expiredAt ?? record.expiredAt }
        : record,
    );
    this.#save();
  }

  #drop(description: string | null): void {
    this.#records = this.#records.filter((record) => !(record.description === description && record.tokenId === null));
    this.#save();
  }

  #save(): void {
    const state: CleanupState = { hostname: this.hostname, records: this.#records };
    this.io.saveState(KEY, JSON.stringify(state));
  }
}

export function loadCleanupState(io: ActionIo): CleanupState | null {
  const raw = io.getState(KEY);
  if (!raw) return null;
  try {
    const state = JSON.parse(raw) as CleanupState;
    return typeof state.hostname === 'string' && Array.isArray(state.records) ? state : null;
  } catch {
    return null;
  }
}
