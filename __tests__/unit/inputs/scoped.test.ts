import { describe, expect, test } from '@jest/globals';
import { parseInputs, type InputSource } from '../../../src/inputs/parse.js';
import { scopedTeamCreatedAt, scopedTeamName } from '../../../src/inputs/scoped-team-name.js';

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
