import { describe, expect, test } from '@jest/globals';
import { ApiError } from '../../../src/common/errors.js';
import { CleanupLedger, loadCleanupState, inCleanupOrder, isScopedTeamRecord } from '../../../src/state/ledger.js';
import { fakeIo } from '../../support/fakes/fake-io.js';
import type { CleanupRecord } from '../../../src/state/ledger.js';

const record = {
  kind: 'team',
  organization: 'acme',
  teamId: 'team-x',
  description: 'desc',
  expiredAt: '2030-01-01T00:00:00.000Z',
  ephemeral: true,
} as const;
const savedAt = '2026-12-06T19:00:00.000Z';
const minted = {
  id: 'at-1',
  secret: 'SECRET.atlasv1.x',
  description: 'desc',
  createdAt: 'c',
  expiredAt: '2030-01-01T00:00:00.123Z',
  lastUsedAt: null,
  teamId: 'team-x',
};

describe('CleanupLedger', () => {
  test('saves the record before the create and the id after it, never the secret', async () => {
    const { io, calls, state } = fakeIo();
    const ledger = new CleanupLedger(io, 'app.terraform.io', () => Date.parse(savedAt));
    ledger.begin(record);
    const savedDuringCreate = state['cleanup']!;
    ledger.created(record.description, minted.id, minted.expiredAt);
    expect(JSON.parse(savedDuringCreate).records).toEqual([{ ...record, tokenId: null, savedAt }]);
    // The expiry sent stays; the one reported is kept beside it (the post step needs both).
    expect(loadCleanupState(io)).toEqual({
      hostname: 'app.terraform.io',
      records: [{ ...record, tokenId: 'at-1', savedAt, reportedExpiredAt: minted.expiredAt }],
      rejected: [],
    });
    expect(calls.map((call) => call.join(' ')).join('\n')).not.toContain('SECRET');
  });

  test('a refusal (4xx) forgets the record; an ambiguous failure keeps it for the post step', async () => {
    const { io } = fakeIo();
    const ledger = new CleanupLedger(io, 'h');
    ledger.begin(record);
    ledger.failed(record.description, new ApiError(422, 'POST', '/p', 'invalid'));
    expect(loadCleanupState(io)!.records).toEqual([]);
    ledger.begin(record);
    ledger.failed(record.description, new ApiError(502, 'POST', '/p', 'bad gateway'));
    expect(loadCleanupState(io)!.records).toEqual([{ ...record, tokenId: null, savedAt: expect.any(String) }]);
  });

  test('unreadable state is treated as none', () => {
    expect(loadCleanupState(fakeIo({ cleanup: '{not json' }).io)).toBeNull();
    expect(loadCleanupState(fakeIo().io)).toBeNull();
  });
});

describe('scoped-team records', () => {
  const team: CleanupRecord = {
    kind: 'scoped-team',
    organization: 'acme',
    teamId: 'team-6p5jTwJQXwqZBncC',
    teamName: 'gha-tfc-scoped-20260301T123456Z-4242-2-9f3a1c2e',
    description: null,
    tokenId: null,
    expiredAt: '2026-03-01T18:00:00.000Z',
    ephemeral: true,
  };
  const token: CleanupRecord = {
    kind: 'team',
    organization: 'acme',
    teamId: 'team-6p5jTwJQXwqZBncC',
    description: 'd',
    tokenId: 'at-1',
    expiredAt: '2026-03-01T18:00:00.000Z',
    ephemeral: true,
  };

  test('valid as written; a forged name, id or organization is not', () => {
    expect(isScopedTeamRecord(team)).toBe(true);
    expect(isScopedTeamRecord({ ...team, teamId: null })).toBe(true);
    expect(isScopedTeamRecord({ ...team, teamId: 'team-../../x' })).toBe(false);
    expect(isScopedTeamRecord({ ...team, teamName: 'platform' })).toBe(false);
    expect(isScopedTeamRecord({ ...team, organization: 'a/b' })).toBe(false);
    expect(isScopedTeamRecord({ ...team, ephemeral: false })).toBe(false);
    expect(isScopedTeamRecord(token)).toBe(false);
    expect(isScopedTeamRecord(null)).toBe(false);
  });

  test('tokens are cleaned up before the team they belong to', () => {
    expect(inCleanupOrder([team, token])).toEqual([token, team]);
  });
});
