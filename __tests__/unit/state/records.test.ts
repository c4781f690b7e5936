import { describe, expect, test } from '@jest/globals';
import { inCleanupOrder, isScopedTeamRecord } from '../../../src/state/ledger.js';
import type { CleanupRecord } from '../../../src/state/ledger.js';

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
