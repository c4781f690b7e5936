import { describe, expect, test } from '@jest/globals';
import {
  durationMs,
  parseExpiry,
  defaultDescription,
  defaultRotationDescription,
  DESCRIPTION_PREFIX,
} from '../../../src/inputs/rules.js';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');

describe('expiry', () => {
  test.each([
    ['45m', NOW + 45 * 60_000],
    ['6h', NOW + 6 * 3600_000],
    ['7d', NOW + 7 * 86_400_000],
    ['2w', NOW + 14 * 86_400_000],
    ['2026-06-02T00:00:00Z', Date.parse('2026-06-02T00:00:00Z')],
    ['2026-06-02T02:00:00+02:00', Date.parse('2026-06-02T00:00:00Z')],
    ['2026-06-02T00:00:00.250Z', Date.parse('2026-06-02T00:00:00.250Z')],
  ])('%s', (value, expected) => {
    expect(parseExpiry(value, NOW).getTime()).toBe(expected);
  });

  test.each([
    '',
    '6',
    'h',
    '1.5h',
    '6 h',
    '6H',
    '-1h',
    '0d',
    '2026-06-02',
    '2026-06-31T00:00:00Z',
    '2026-06-02 00:00:00Z',
    '4m',
    '105w',
  ])('rejects %j', (value) => {
    expect(() => parseExpiry(value, NOW)).toThrow(/Input "expiry"/);
  });

  test('durations', () => {
    expect(durationMs('24h')).toBe(86_400_000);
    expect(durationMs('1y')).toBeNull();
  });
});

const run = { repository: 'octo-org/infra', runId: '9', runAttempt: '3', job: 'deploy app', workflow: 'nightly' };

describe('descriptions', () => {
  test('per-job: prefix, repository, run and attempt, job (each create appends its nonce)', () => {
    expect(defaultDescription(run)).toBe(`${DESCRIPTION_PREFIX} octo-org/infra run-9-3 job-deploy-app`);
  });

  test('rotation: stable per repository and workflow, and never starts with the per-job prefix', () => {
    expect(defaultRotationDescription(run)).toBe('gha-tfc-rotate octo-org/infra nightly');
    expect(defaultRotationDescription(run).startsWith(`${DESCRIPTION_PREFIX} `)).toBe(false);
  });
});
