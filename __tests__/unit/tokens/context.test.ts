import { describe, expect, test } from '@jest/globals';
import { safeLine } from '../../../src/runner/io.js';
import { isOwnedBy } from '../../../src/tokens/context.js';

describe('ownership', () => {
  const attempt = {
    description: 'ci deploy 0123456789abcdef',
    teamId: 'team-a',
    expiredAt: '2030-01-01T06:00:00.000Z',
  };
  const token = {
    id: 'at-1',
    description: attempt.description,
    teamId: 'team-a',
    expiredAt: '2030-01-01T06:00:00Z',
    createdAt: '',
    lastUsedAt: null,
  };
  test('the exact description with its nonce, the team and the expiry: this run made it', () => {
    expect(isOwnedBy(token, attempt)).toBe(true);
  });
  test.each([
    ['a description without the nonce', { ...token, description: 'ci deploy' }, attempt],
    ['another team', { ...token, teamId: 'team-b' }, attempt],
    ['another expiry', { ...token, expiredAt: '2030-01-01T07:00:00Z' }, attempt],
    ['no expiry', { ...token, expiredAt: null }, attempt],
    [
      'an attempt whose description has no nonce',
      { ...token, description: 'ci deploy' },
      { ...attempt, description: 'ci deploy' },
    ],
  ])("%s: not this run's", (_label, candidate, tried) => {
    expect(isOwnedBy(candidate, tried)).toBe(false);
  });

  test.each(['##[stop-commands]zz', 'a ##[set-output name=x]y', '###[x]', '##[##[x]', '\u2028##[x]'])(
    'safeLine(%j) carries no ##[ anywhere, readably escaped',
    (text) => {
      const line = safeLine(text);
      expect(line).not.toContain('##[');
      expect(line).toContain('##\\[');
    },
  );
});
