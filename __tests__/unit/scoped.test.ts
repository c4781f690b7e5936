import { describe, expect, test } from '@jest/globals';
import { parseInputs, type InputSource } from '../../src/inputs/parse.js';
import { scopedTeamCreatedAt, scopedTeamName } from '../../src/inputs/scoped-team-name.js';
import { inCleanupOrder } from '../../src/state/records.js';
import { isScopedTeamRecord } from '../../src/state/records.js';
import type { CleanupRecord } from '../../src/state/ledger.js';

const NOW = Date.parse('2026-03-01T12:34:56.789Z');
const run = { repository: 'octo/infra', runId: '4242', runAttempt: '2', job: 'deploy', workflow: 'ci' };

function source(inputs: Record<string, string>): InputSource {
  return { get: (name) => inputs[name] ?? '', env: {}, now: NOW, run, randomHex: () => '9f3a1c2e' };
}

describe('scoped inputs', () => {
  test('names and ids, split on commas and new lines, with the defaults', () => {
    const inputs = parseInputs(
      source({
        'api-token': 'x.atlasv1.y',
        organization: 'acme',
        workspaces: 'app-prod,\n ws-6p5jTwJQXwqZBncC',
        projects: 'Core Infra',
      }),
    );
    expect(inputs).toMatchObject({
      operation: 'create-scoped-token',
      organization: 'acme',
      workspaces: [{ name: 'app-prod' }, { id: 'ws-6p5jTwJQXwqZBncC' }],
      projects: [{ name: 'Core Infra' }],
      workspaceAccess: 'plan',
      projectAccess: 'read',
      teamName: 'gha-tfc-scoped-20260301T123456Z-4242-2-9f3a1c2e',
    });
    expect(inputs.operation === 'create-scoped-token' && inputs.expiresAt.getTime()).toBe(NOW + 6 * 3600_000);
  });

  test('the team name carries its creation time to the second, and only this shape is read back', () => {
    const name = scopedTeamName(run, NOW, 'abcdef01');
    expect(scopedTeamCreatedAt(name)).toBe(Date.parse('2026-03-01T12:34:56Z'));
    expect(scopedTeamCreatedAt('gha-tfc-scoped-by-hand')).toBeNull();
    expect(scopedTeamCreatedAt(`${name}-extra`)).toBeNull();
    expect(scopedTeamCreatedAt(name.replace('abcdef01', 'ABCDEF01'))).toBeNull();
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
