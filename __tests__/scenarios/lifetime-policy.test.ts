import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { unescaped } from '../support/assertions/summary.js';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fakes/github-fake.js';
import { startWorld, type World } from '../support/steps/world.js';

/** The organization's maximum token lifetime: clamping a defaulted expiry, refusing an explicit one, and reading it. */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let world: World;
let github: FakeGitHub;
beforeEach(async () => {
  world = await startWorld();
  github = await startFakeGitHub();
  world.emulator.setTokenTtlPolicy('acme', 'team', 2 * HOUR);
  world.emulator.setTokenTtlPolicy('acme', 'organization', 10 * DAY);
});
afterEach(async () => {
  await Promise.all([world.emulator.close(), github.close()]);
});

const create = { 'team-name': 'platform', organization: 'acme' };
const policyReads = () => world.calls().filter((call) => call === 'GET /organizations/acme/token-ttl-policies');
const everySecret = () => [world.credential, github.token, ...world.emulator.mintedSecrets()];

describe('mode: create', () => {
  test('a defaulted expiry beyond the maximum: refused, policy read, created at the maximum, noticed', async () => {
    const started = Date.now();
    const { main, post } = await world.job(create);
    expect(errorsOf(main)).toEqual([]);
    expect(main.stdout).toMatch(
      /::notice::The organization allows team tokens at most 2 hours; the default expiry was shortened/,
    );
    const expiresAt = Date.parse(main.outputs['expired-at']!);
    expect(expiresAt).toBeGreaterThan(started + 2 * HOUR - 5 * 60_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 2 * HOUR);
    const creates = world.calls().filter((call) => call.endsWith('/authentication-tokens'));
    expect(creates).toEqual([
      `POST /teams/${world.teamId}/authentication-tokens`,
      `POST /teams/${world.teamId}/authentication-tokens`,
    ]);
    expect(policyReads()).toHaveLength(1);
    expect(post.stdout).toContain(main.outputs['token-id']);
    expect(world.emulator.tokens()).toEqual([]);
    expectClean(main, everySecret());
  });

  test('a clamped create cut off after it landed: its orphan found by the clamped expiry and deleted', async () => {
    world.emulator.inject({ method: 'POST', path: /authentication-tokens$/, skip: 1, fault: { kind: 'reset-after' } });
    const { main, post } = await world.job(create);
    expect(errorsOf(main)).toEqual([]);
    expect(main.stdout).toMatch(/Deleted token at-\w+, created by the interrupted request/);
    const creates = world.calls().filter((call) => call.endsWith('/authentication-tokens'));
    expect(creates).toHaveLength(3); // refused once at the default expiry; every later try is sent clamped
    expect(post.stdout).toContain(main.outputs['token-id']);
    expect(world.emulator.tokens()).toEqual([]);
    expectClean(main, everySecret());
  });

  test('an explicit expiry beyond the maximum fails naming the maximum; nothing is created', async () => {
    const main = await world.main({ ...create, expiry: '4h' });
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain("beyond the organization's maximum lifetime for team tokens, 2 hours");
    expect(world.emulator.tokens()).toEqual([]);
    expectClean(main, everySecret());
  });

  test('within the maximum: no request is spent on the policy', async () => {
    const main = await world.main({ ...create, expiry: '1h' });
    expect(errorsOf(main)).toEqual([]);
    expect(policyReads()).toEqual([]);
  });

  test('a credential that may not read the policy: the refusal is reported with that reason', async () => {
    const manager = world.emulator.addCredential({ organization: 'acme', role: 'manage-teams' });
    const main = await world.main({ ...create, 'api-token': manager });
    expect(main.code).toBe(1);
    expect(errorsOf(main)[0]).toContain('could not be read (only the owners team may read it (403))');
    expect(world.emulator.tokens()).toEqual([]);
    expectClean(main, [manager, ...everySecret()]);
  });

  test('an organization token with a defaulted expiry (30d when not ephemeral) is clamped to 10 days', async () => {
    const main = await world.main({ 'token-type': 'organization', organization: 'acme', ephemeral: 'false' });
    expect(errorsOf(main)).toEqual([]);
    expect(Date.parse(main.outputs['expired-at']!)).toBeLessThanOrEqual(Date.now() + 10 * DAY);
    expect(Date.parse(main.outputs['expired-at']!)).toBeGreaterThan(Date.now() + 10 * DAY - 10 * 60_000);
  });
});

describe('mode: rotate', () => {
  const rotate = {
    mode: 'rotate',
    'token-type': 'organization',
    organization: 'acme',
    'secret-name': 'TFC_ORG_TOKEN',
    'github-token': '',
  };
  const run = (inputs: Record<string, string>) =>
    world.main({ ...rotate, 'github-token': github.token, ...inputs }, { env: { GITHUB_API_URL: github.url } });

  test('policy read before minting; a defaulted 30d expiry clamped to the 10-day maximum, noticed', async () => {
    const main = await run({});
    expect(errorsOf(main)).toEqual([]);
    expect(main.stdout).toContain('::notice::The organization allows organization tokens at most 10 days');
    const calls = world.calls();
    expect(calls.indexOf('GET /organizations/acme/token-ttl-policies')).toBeLessThan(
      calls.indexOf('POST /organizations/acme/authentication-token'),
    );
    expect(calls.filter((call) => call.startsWith('POST'))).toHaveLength(1);
    expect(Date.parse(main.outputs['expired-at']!)).toBeLessThanOrEqual(Date.now() + 10 * DAY);
    expectClean(main, everySecret());
  });

  test('an explicit expiry beyond the maximum fails before anything is created', async () => {
    const main = await run({ expiry: '20d' });
    expect(main.code).toBe(1);
    expect(errorsOf(main)[0]).toContain('10 days. Nothing was created.');
    expect(world.calls().some((call) => call.startsWith('POST'))).toBe(false);
    expect(github.secrets().size).toBe(0);
  });

  test('a policy the credential may not read: said, and the rotation goes on as given', async () => {
    const orgToken = world.emulator.addCredential({ organization: 'acme', role: 'organization-token' });
    const main = await run({ 'api-token': orgToken, expiry: '5d' });
    expect(errorsOf(main)).toEqual([]);
    expect(main.stdout).toContain(
      "Could not read the organization's token lifetime policy (only the owners team may read it (403))",
    );
    expect(main.outputs['secret-updated']).toBe('true');
  });
});

describe('mode: list', () => {
  test("the summary shows each type's maximum when the credential may read it", async () => {
    const main = await world.main({ mode: 'list', organization: 'acme' });
    expect(errorsOf(main)).toEqual([]);
    expect(unescaped(main.summary)).toContain('Maximum token lifetimes in "acme"');
    expect(unescaped(main.summary)).toMatch(/team<\/td><td>2 hours/);
    expect(unescaped(main.summary)).toMatch(/organization<\/td><td>10 days/);
    expect(unescaped(main.summary)).toMatch(/user<\/td><td>730.49 days/);
    const manager = world.emulator.addCredential({ organization: 'acme', role: 'manage-teams' });
    const hidden = await world.main({ mode: 'list', organization: 'acme', 'api-token': manager });
    expect(errorsOf(hidden)).toEqual([]);
    expect(unescaped(hidden.summary)).not.toContain('Maximum token lifetimes');
    expect(hidden.stdout).toContain('token lifetime policy is not shown');
  });
});
