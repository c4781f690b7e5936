import { describe, expect, test } from '@jest/globals';
import { hasExpired } from '../../../src/tokens/cleanup.js';
import type { CleanupRecord } from '../../../src/state/ledger.js';

describe('hasExpired: skipped only when expired by every account', () => {
  const now = Date.parse('2026-12-06T19:00:00.000Z');
  const past = '2026-12-06T18:00:00.000Z';
  const future = '2026-12-06T20:00:00.000Z';
  const record = (expiredAt: string, reportedExpiredAt?: unknown): CleanupRecord =>
    ({
      kind: 'team',
      organization: null,
      teamId: 'team-x',
      description: 'd',
      tokenId: 'at-x',
      expiredAt,
      ephemeral: true,
      ...(reportedExpiredAt === undefined ? {} : { reportedExpiredAt }),
    }) as CleanupRecord;

  test.each([
    ['sent passed, reported passed', record(past, past), true],
    ['sent passed, no answer (nothing reported)', record(past), true],
    ['sent ahead, reported passed (a server that reports the past)', record(future, past), false],
    ['sent passed, reported ahead (a server that ignored the expiry)', record(past, future), false],
    ['sent passed, the server reported none', record(past, null), false],
    ['sent passed, the reported one is not a date', record(past, 'soon'), false],
    ['no expiry sent (agent tokens)', record('', past), false],
  ])('%s: %s', (_name, value, expected) => {
    expect(hasExpired(value, now)).toBe(expected);
  });
});
