import { describe, expect, test } from '@jest/globals';
import { instantOrNull } from '../../../../src/api/tfc/team-tokens.js';

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
