import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fakes/github-fake.js';
import { startWorld, type World } from '../support/steps/world.js';

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
      /^gha-tfc-rotate octo-org\/infra nightly-rotation dest-[0-9a-f]{12} \d{4}-\d\d-\d\dT[\d:.]+Z [0-9a-f]{16}$/,
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
      skip: 1, // the first is the rotation asking who its own credential is
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

describe('each destination owns its own rotations (issue 23, item 3)', () => {
  const repositories = ['octo-org/app-one', 'octo-org/app-two', 'octo-org/app-three'];
  const into = (repository: string) =>
    rotate({ 'secret-repository': repository, 'secret-name': 'TF_API_TOKEN', 'keep-previous': '0' });
  const live = () => new Set(world.emulator.tokens().map((token) => token.secret));
  const expectEachLive = () => {
    for (const repository of repositories) {
      const held = stored(`repo:${repository}`, 'TF_API_TOKEN');
      expect(held).toBeDefined();
      expect(live().has(held!)).toBe(true);
    }
  };

  test('one team into three repositories one after another, twice: each secret keeps a live token', async () => {
    for (const round of [1, 2]) {
      for (const repository of repositories) {
        const result = await run(into(repository));
        expect(errorsOf(result.main)).toEqual([]);
        // keep-previous 0 revokes this destination's earlier token only (none in the first round)
        expect(JSON.parse(result.main.outputs['revoked-ids']!)).toHaveLength(round - 1);
      }
      expectEachLive();
    }
    expect(world.emulator.tokens()).toHaveLength(3);
  });

  test('the same three as a matrix (three processes at once), twice: each secret keeps a live token', async () => {
    for (let round = 1; round <= 2; round++) {
      const results = await Promise.all(repositories.map((repository) => run(into(repository))));
      for (const result of results) expect(errorsOf(result.main)).toEqual([]);
      expectEachLive();
      expect(world.emulator.tokens()).toHaveLength(3);
    }
  });

  test('a token described the old way (no destination mark) is left valid, and the step says so', async () => {
    const description = 'gha-tfc-rotate octo-org/infra nightly-rotation 2026-01-01T00:00:00.000Z 0123456789abcdef';
    const old = await world.mint(world.teamId, description);
    const result = await run(rotate({ 'keep-previous': '0' }));
    expect(errorsOf(result.main)).toEqual([]);
    expect(result.main.outputs['revoked-ids']).toBe('[]');
    expect(result.main.stdout).toMatch(new RegExp(`::notice::Left valid: ${old}, described by rotations before`));
    expect(world.emulator.tokens().map((token) => token.id)).toContain(old);
  });
});

describe('a secret write counts only on 201 or 204 (issue 23, item 5)', () => {
  test('a redirect answer to the PUT: secret-updated is not true and the previous token is not revoked', async () => {
    const before = await run(rotate({ 'keep-previous': '0' }));
    github.inject({ method: 'PUT', path: /TFC_PLATFORM_TOKEN$/, kind: 'redirect', status: 307 });
    const failed = await run(rotate({ 'keep-previous': '0' }));
    expect(failed.main.code).toBe(1);
    expect(failed.main.outputs['secret-updated']).toBeUndefined();
    expect(errorsOf(failed.main)).toHaveLength(1);
    expect(errorsOf(failed.main)[0]).toContain('GitHub answered 307 to the secret write');
    expect(world.emulator.tokens().map((token) => token.id)).toEqual([before.main.outputs['token-id']]);
    expect(stored('repo:octo-org/infra')).toBe(before.main.outputs['token']);
    expectClean(failed.main, [world.credential, github.token, ...world.emulator.mintedSecrets()]);
  });

  test('an unexplained 200 to the PUT is an unknown outcome: nothing is revoked, both tokens stay', async () => {
    const before = await run(rotate({ 'keep-previous': '0' }));
    github.inject({ method: 'PUT', path: /TFC_PLATFORM_TOKEN$/, kind: 'status', status: 200 });
    const failed = await run(rotate({ 'keep-previous': '0' }));
    expect(failed.main.code).toBe(1);
    expect(failed.main.outputs['secret-updated']).toBeUndefined();
    expect(errorsOf(failed.main)[0]).toContain('Rotation unsettled');
    expect(world.emulator.tokens()).toHaveLength(2);
    expect(world.emulator.tokens().map((token) => token.id)).toContain(before.main.outputs['token-id']);
  });
});
