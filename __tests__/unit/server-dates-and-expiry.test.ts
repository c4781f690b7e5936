import { describe, expect, test } from '@jest/globals';
import { instantOrNull } from '../../src/api/tfc/documents.js';
import { hasExpired } from '../../src/tokens/cleanup.js';
import type { CleanupRecord } from '../../src/state/ledger.js';

describe('instantOrNull: a server date as an ISO 8601 instant, or missing', () => {
  test.each([
    ['2026-12-06T19:00:00.000Z', '2026-12-06T19:00:00.000Z'],
    ['2026-12-06T19:00:00Z', '2026-12-06T19:00:00.000Z'],
    ['2026-12-06T20:30:00+01:30', '2026-12-06T19:00:00.000Z'],
    ['2026-12-06', '2026-12-06T00:00:00.000Z'],
  ])('%s reads as %s', (value, expected) => {
    expect(instantOrNull(value)).toBe(expected);
  });

  test.each([
    ['text', 'soon'],
    ['a date with command text after it', '2026-12-06T19:00:00Z ##[stop-commands]x'],
    ['a form Date.parse reads but ISO 8601 does not', 'Sun Dec 06 2026'],
    ['a time without a zone', '2026-12-06T19:00:00'],
    ['a number', 1_700_000_000_000],
    ['an impossible date', '2026-13-45T00:00:00Z'],
    ['an object', { at: 1 }],
  ])('%s counts as missing, and is reported', (_name, value) => {
    let reported = 0;
    expect(instantOrNull(value, () => reported++)).toBeNull();
    expect(reported).toBe(1);
  });

  test('absent is missing without a report', () => {
    let reported = 0;
    expect(instantOrNull(null, () => reported++)).toBeNull();
    expect(instantOrNull(undefined, () => reported++)).toBeNull();
    expect(reported).toBe(0);
  });
});

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
