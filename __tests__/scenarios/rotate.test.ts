import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/expectations.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github-fake.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let github: FakeGitHub;
beforeEach(async () => {
  world = await startWorld();
  github = await startFakeGitHub();
});
afterEach(async () => {
  await Promise.all([world.emulator.close(), github.close()]);
});

const rotate = (extra: Record<string, string> = {}) => ({
  mode: 'rotate',
  organization: 'acme',
  'team-name': 'platform',
  'secret-name': 'TFC_PLATFORM_TOKEN',
  'github-token': github.token,
  ...extra,
});
const run = (inputs: Record<string, string>) =>
  world.job(inputs, { env: { GITHUB_API_URL: github.url, GITHUB_WORKFLOW: 'nightly rotation' } });
const stored = (scope: string, name = 'TFC_PLATFORM_TOKEN') => github.secrets().get(scope)?.get(name);

describe('team token rotation', () => {
  test('writes the new token to the repository secret, keeps the previous one until the next rotation', async () => {
    const first = await run(rotate());
    expect(errorsOf(first.main)).toEqual([]);
    expect(stored('repo:octo-org/infra')).toBe(first.main.outputs['token']);
    expect(first.main.outputs['secret-updated']).toBe('true');
    expect(first.main.outputs['revoked-ids']).toBe('[]');
    expect(first.main.outputs['description']).toMatch(
      /^gha-tfc-rotate octo-org\/infra nightly-rotation \d{4}-\d\d-\d\dT[\d:.]+Z [0-9a-f]{16}$/,
    );
    expect(first.post.stdout).toContain('ephemeral is false');
    expectClean(first.main, [first.main.outputs['token'], world.credential, github.token]);

    const second = await run(rotate());
    expect(second.main.outputs['revoked-ids']).toBe('[]');
    const third = await run(rotate());
    expect(JSON.parse(third.main.outputs['revoked-ids']!)).toEqual([first.main.outputs['token-id']]);
    expect(stored('repo:octo-org/infra')).toBe(third.main.outputs['token']);
    expect(
      world.emulator
        .tokens()
        .map((token) => token.id)
        .sort(),
    ).toEqual([second.main.outputs['token-id'], third.main.outputs['token-id']].sort());
    // verification happened with the new token, before the secret was written
    const order = world.calls().slice(-6);
    expect(order).toContain('GET /account/details');
    expectClean(third.main, [
      third.main.outputs['token'],
      second.main.outputs['token'],
      world.credential,
      github.token,
    ]);
  });

  test('keep-previous 0 revokes every earlier rotation; other descriptions are untouched', async () => {
    const unrelated = await world.mint(world.teamId, 'someone else');
    await run(rotate());
    const second = await run(rotate({ 'keep-previous': '0' }));
    expect(JSON.parse(second.main.outputs['revoked-ids']!)).toHaveLength(1);
    expect(
      world.emulator
        .tokens()
        .map((token) => token.id)
        .sort(),
    ).toEqual([unrelated, second.main.outputs['token-id']].sort());
  });

  test('environment and organization secrets (new: private; existing: visibility and repos kept)', async () => {
    await run(rotate({ 'secret-environment': 'production' }));
    expect(stored('env:octo-org/infra:production')).toBe(world.emulator.tokens()[0]!.secret);

    github.seedOrganizationSecret(
      'octo-org',
      'SHARED',
      'selected',
      Array.from({ length: 150 }, (_, i) => 1000 + i),
    );
    const shared = await run(rotate({ 'secret-organization': 'octo-org', 'secret-name': 'SHARED' }));
    expect(errorsOf(shared.main)).toEqual([]);
    expect(stored('org:octo-org', 'SHARED')).toBe(shared.main.outputs['token']);
    expect(github.visibility('octo-org', 'SHARED')).toEqual({
      visibility: 'selected',
      selected: Array.from({ length: 150 }, (_, i) => 1000 + i),
    });

    await run(rotate({ 'secret-organization': 'octo-org', 'secret-name': 'BRAND_NEW' }));
    expect(github.visibility('octo-org', 'BRAND_NEW')).toEqual({ visibility: 'private', selected: [] });
  });
});

describe('failure order', () => {
  test('the secret cannot be written: the new token is deleted again and nothing changes', async () => {
    const before = await run(rotate());
    github.deny('repo:octo-org/infra', 403);
    const failed = await run(rotate());
    expect(failed.main.code).toBe(1);
    expect(errorsOf(failed.main)).toHaveLength(1);
    expect(errorsOf(failed.main)[0]).toContain('Secrets: write');
    expect(errorsOf(failed.main)[0]).toContain('GITHUB_TOKEN can never write secrets');
    expect(errorsOf(failed.main)[0]).toContain('nothing changed');
    expect(world.emulator.tokens().map((token) => token.id)).toEqual([before.main.outputs['token-id']]);
    expect(stored('repo:octo-org/infra')).toBe(before.main.outputs['token']);
    expect(failed.post.stdout).toContain('Nothing to clean up');
    expectClean(failed.main, [world.credential, github.token, ...world.emulator.mintedSecrets()]);
  });

  test('the new token does not authenticate: deleted again, the secret is never written', async () => {
    world.emulator.inject({
      method: 'GET',
      path: '/api/v2/account/details',
      fault: { kind: 'status', status: 401, body: '{"errors":[{"status":"401","title":"unauthorized"}]}' },
    });
    const failed = await run(rotate());
    expect(failed.main.code).toBe(1);
    expect(errorsOf(failed.main)[0]).toContain('does not authenticate');
    expect(world.emulator.tokens()).toEqual([]);
    expect(github.secrets().size).toBe(0);
  });

  test(
    'an organization token is replaced by creation: a failed write fails loudly, the token still output ' +
      'and masked',
    async () => {
      github.deny('repo:octo-org/infra', 404);
      const failed = await run(rotate({ 'token-type': 'organization', 'team-name': '' }));
      expect(failed.main.code).toBe(1);
      const [live] = world.emulator.tokens();
      expect(errorsOf(failed.main)[0]).toContain(`new organization token ${live!.id} is live`);
      expect(failed.main.outputs['token']).toBe(live!.secret);
      expect(failed.main.stdout).toContain(`::add-mask::${live!.secret}`);
      expectClean(failed.main, [live!.secret, world.credential, github.token]);
    },
  );
});
