import { describe, expect, test } from '@jest/globals';
import { defaultDescription, defaultRotationDescription, DESCRIPTION_PREFIX } from '../../src/inputs/description.js';
import { durationMs, parseExpiry } from '../../src/inputs/expiry.js';
import { parseHostname, terraformTokenVariable } from '../../src/common/hostname.js';
import { count, expiresClause } from '../../src/common/text.js';
import { lifetimeLabel } from '../../src/tokens/lifetime-policy.js';
import { leftBehindHint } from '../../src/state/records.js';
import type { CleanupRecord } from '../../src/state/records.js';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const run = { repository: 'octo-org/infra', runId: '9', runAttempt: '3', job: 'deploy app', workflow: 'nightly' };

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

describe('hostname', () => {
  test.each([
    ['app.terraform.io', 'app.terraform.io', 'TF_TOKEN_app_terraform_io'],
    ['prod-tfe.example.net', 'prod-tfe.example.net', 'TF_TOKEN_prod__tfe_example_net'],
    ['HTTPS://App.Terraform.IO/', 'app.terraform.io', 'TF_TOKEN_app_terraform_io'],
    ['tfe.example.com:8443', 'tfe.example.com:8443', null],
    ['localhost', 'localhost', 'TF_TOKEN_localhost'],
  ])('%s → %s → %s', (raw, host, variable) => {
    expect(parseHostname(raw)).toBe(host);
    expect(terraformTokenVariable(host)).toBe(variable);
  });

  test.each([
    'http://app.terraform.io',
    'app.terraform.io/api',
    'user@app.terraform.io',
    'app terraform.io',
    '-bad.example.com',
    'host:0',
    'host:65536',
    'https://',
    'a..b',
  ])('rejects %j', (raw) => {
    expect(() => parseHostname(raw)).toThrow(/Input "hostname"/);
  });
});

describe('descriptions', () => {
  test('per-job: prefix, repository, run and attempt, job (each create appends its nonce)', () => {
    expect(defaultDescription(run)).toBe(`${DESCRIPTION_PREFIX} octo-org/infra run-9-3 job-deploy-app`);
  });

  test('rotation: stable per repository and workflow, and never starts with the per-job prefix', () => {
    expect(defaultRotationDescription(run)).toBe('gha-tfc-rotate octo-org/infra nightly');
    expect(defaultRotationDescription(run).startsWith(`${DESCRIPTION_PREFIX} `)).toBe(false);
  });
});

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
