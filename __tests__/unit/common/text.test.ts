import { describe, expect, test } from '@jest/globals';
import { count, expiresClause } from '../../../src/runner/io.js';
import { lifetimeLabel } from '../../../src/tokens/lifetime-policy.js';
import { leftBehindHint } from '../../../src/state/ledger.js';
import type { CleanupRecord } from '../../../src/state/ledger.js';

describe('counted words', () => {
  test.each([
    [3_600_000, '1 hour'],
    [2 * 3_600_000, '2 hours'],
    [90 * 60_000, '1.5 hours'],
    [86_400_000, '1 day'],
    [30 * 86_400_000, '30 days'],
  ])('a lifetime policy of %d ms reads "%s"', (ms, label) => {
    expect(lifetimeLabel(ms)).toBe(label);
  });

  test('a count is singular for exactly one', () => {
    expect([0, 1, 2].map((n) => count(n, 'token'))).toEqual(['0 tokens', '1 token', '2 tokens']);
  });

  test('a token without an expiry never expires, rather than expiring "at never"', () => {
    expect(expiresClause(null)).toBe('it never expires');
    expect(expiresClause('2030-01-01T00:00:00.000Z')).toBe('it expires at 2030-01-01T00:00:00.000Z');
  });

  test("a token left behind names its expiry, or that it has none (the state file's empty expiry)", () => {
    const record = (expiredAt: string): CleanupRecord => ({
      kind: 'team',
      organization: 'acme',
      teamId: 'team-AbC123',
      description: null,
      tokenId: 'at-AbC123',
      expiredAt,
      ephemeral: true,
    });
    expect(leftBehindHint(record(''))).toBe('Delete it by hand; it never expires.');
    expect(leftBehindHint(record('2030-01-01T00:00:00.000Z'))).toBe(
      'Delete it by hand; it expires at 2030-01-01T00:00:00.000Z.',
    );
  });
});
