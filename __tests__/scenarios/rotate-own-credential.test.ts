import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { noticesOf } from '../support/assertions/lines.js';
import { startFakeGitHub, type FakeGitHub, type GitHubFault } from '../support/fakes/github-fake.js';
import type { StepResult } from '../support/steps/runner.js';
import { startWorld, type World } from '../support/steps/world.js';

/**
 * Issue 24: the action rotates its own credential. Team `deployers` may manage team tokens (manage-teams); its
 * hand-made token is the api-token and sits in the secret TFC_TOKEN_MANAGER, which the rotation writes.
 */

let world: World;
let github: FakeGitHub;
let deployers: string;
let handMade: { id: string; secret: string };
beforeEach(async () => {
  world = await startWorld();
  github = await startFakeGitHub();
  deployers = world.emulator.addTeam('acme', 'deployers', { manageTeams: true });
  const id = await world.mint(deployers, 'made by hand in the UI');
  handMade = { id, secret: world.emulator.tokens().find((token) => token.id === id)!.secret };
});
afterEach(async () => {
  await Promise.all([world.emulator.close(), github.close()]);
});

const SECRET = 'TFC_TOKEN_MANAGER';
const rotateSelf = (apiToken: string, extra: Record<string, string> = {}) => ({
  mode: 'rotate',
  organization: 'acme',
  'team-name': 'deployers',
  'secret-name': SECRET,
  'github-token': github.token,
  'keep-previous': '0',
  'api-token': apiToken,
  ...extra,
});
const env = () => ({ env: { GITHUB_API_URL: github.url, GITHUB_WORKFLOW: 'rotate own credential' } });
const run = (inputs: Record<string, string>) => world.job(inputs, env());
const held = () => github.secrets().get('repo:octo-org/infra')?.get(SECRET);
const works = async (secret: string) => (await world.api('GET', '/account/details', undefined, secret)).status;
const everySecret = () => [world.credential, github.token, ...world.emulator.mintedSecrets()];
const liveOfDeployers = () => world.emulator.tokens().filter((token) => token.teamId === deployers);

async function firstRotation(): Promise<StepResult> {
  const first = await run(rotateSelf(handMade.secret, { 'adopt-token-id': handMade.id }));
  expect(errorsOf(first.main)).toEqual([]);
  return first.main;
}

describe('rotating the credential in use into the secret that holds it', () => {
  test('first run adopts the hand-made credential: the secret holds the new token, the old one gets 401', async () => {
    const main = await firstRotation();
    const calls = world.calls();
    expect(held()).toBe(main.outputs['token']);
    expect(main.outputs['secret-updated']).toBe('true');
    expect(JSON.parse(main.outputs['revoked-ids']!)).toEqual([handMade.id]);
    expect(await works(handMade.secret)).toBe(401);
    expect(await works(main.outputs['token']!)).toBe(200);
    // the credential was revoked last of all, after the secret write
    expect(calls[calls.length - 1]).toBe(`DELETE /authentication-tokens/${handMade.id}`);
    expect(github.requests().at(-1)).toBe(`PUT /repos/octo-org/infra/actions/secrets/${SECRET}`);
    expectClean(main, everySecret());
  });

  test('the next run uses the secret as api-token: the previous token is revoked, the newest works', async () => {
    const first = await firstRotation();
    const second = await run(rotateSelf(held()!));
    const calls = world.calls();
    expect(errorsOf(second.main)).toEqual([]);
    expect(second.post.code).toBe(0);
    expect(JSON.parse(second.main.outputs['revoked-ids']!)).toEqual([first.outputs['token-id']]);
    expect(held()).toBe(second.main.outputs['token']);
    expect(await works(first.outputs['token']!)).toBe(401);
    expect(await works(second.main.outputs['token']!)).toBe(200);
    expect(liveOfDeployers().map((token) => token.id)).toEqual([second.main.outputs['token-id']]);
    expect(calls.at(-1)).toBe(`DELETE /authentication-tokens/${first.outputs['token-id']}`);
    expectClean(second.main, everySecret());
  });

  test('without adopt-token-id the hand-made credential is left valid, and one notice says so', async () => {
    const result = await run(rotateSelf(handMade.secret));
    expect(errorsOf(result.main)).toEqual([]);
    expect(result.main.outputs['revoked-ids']).toBe('[]');
    const notices = noticesOf(result.main).filter((line) => line.startsWith('::notice::The api-token'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(handMade.id);
    expect(notices[0]).toContain('adopt-token-id');
    expect(await works(handMade.secret)).toBe(200);
  });
});

test('an organization token rotating itself: replaced by creation, the secret holds the new one', async () => {
  const seeded = await world.api('POST', '/organizations/acme/authentication-token', {
    data: { type: 'authentication-token', attributes: { 'expired-at': new Date(Date.now() + 86_400_000) } },
  });
  const organizationToken = seeded.body.data.attributes.token as string;
  const result = await run({
    mode: 'rotate',
    'token-type': 'organization',
    organization: 'acme',
    'secret-name': 'TFC_ORGANIZATION_TOKEN',
    'github-token': github.token,
    'api-token': organizationToken,
  });
  expect(errorsOf(result.main)).toEqual([]);
  expect(github.secrets().get('repo:octo-org/infra')?.get('TFC_ORGANIZATION_TOKEN')).toBe(result.main.outputs['token']);
  expect(await works(organizationToken)).toBe(401);
  expect(await works(result.main.outputs['token']!)).toBe(200);
  expect(result.post.code).toBe(0);
});

describe('a fault on the secret write never revokes the credential', () => {
  const PUT = { method: 'PUT', path: new RegExp(`/actions/secrets/${SECRET}$`) };
  test('refused (403): the new token is deleted again, the credential and the secret are untouched', async () => {
    github.inject({ ...PUT, kind: 'status', status: 403 });
    const failed = await run(rotateSelf(handMade.secret, { 'adopt-token-id': handMade.id }));
    expect(failed.main.code).toBe(1);
    expect(errorsOf(failed.main)).toHaveLength(1);
    expect(errorsOf(failed.main)[0]).toContain('nothing changed');
    expect(await works(handMade.secret)).toBe(200);
    expect(liveOfDeployers().map((token) => token.id)).toEqual([handMade.id]);
    expect(held()).toBeUndefined();
    expectClean(failed.main, everySecret());
  });

  const unknown: ReadonlyArray<readonly [string, readonly GitHubFault[]]> = [
    [
      'reset after the write took effect, then refused',
      [
        { ...PUT, kind: 'reset-after' },
        { ...PUT, kind: 'status', status: 403 },
      ],
    ],
    [
      'a 5xx, then refused',
      [
        { ...PUT, kind: 'status', status: 502 },
        { ...PUT, kind: 'status', status: 403 },
      ],
    ],
    ['a 5xx that is not repeated (520)', [{ ...PUT, kind: 'status', status: 520 }]],
  ];
  test.each(unknown)('%s: an unknown outcome revokes nothing, one error names both ids', async (_, faults) => {
    for (const fault of faults) github.inject(fault);
    const failed = await run(rotateSelf(handMade.secret, { 'adopt-token-id': handMade.id }));
    expect(failed.main.code).toBe(1);
    const errors = errorsOf(failed.main);
    expect(errors).toHaveLength(1);
    const newId = failed.main.outputs['token-id']!;
    expect(errors[0]).toContain(newId);
    expect(errors[0]).toContain(handMade.id);
    expect(await works(handMade.secret)).toBe(200);
    expect(await works(failed.main.outputs['token']!)).toBe(200);
    expect(liveOfDeployers().map((token) => token.id)).toEqual([handMade.id, newId]);
    expect(failed.main.outputs['secret-updated']).toBeUndefined();
    expectClean(failed.main, everySecret());
  });
});

describe('overlapping runs never strand the secret', () => {
  /** The secret holds a live token, and at most one more token of the team is alive beside it. */
  const expectSettled = async () => {
    expect(held()).toBeDefined();
    expect(await works(held()!)).toBe(200);
    expect(liveOfDeployers().length).toBeLessThanOrEqual(2);
  };

  test('two runs at once with the same credential, the older token written last', async () => {
    const first = await firstRotation();
    // The write of the older of the two new tokens waits 1.5 s, so the newer run writes first and the older last:
    // the newer run must not revoke the token that ends up in the secret.
    const olderNew = () =>
      liveOfDeployers()
        .filter((token) => token.id !== first.outputs['token-id'])
        .sort((p, q) => Date.parse(p.createdAt) - Date.parse(q.createdAt))[0]?.secret;
    github.holdWrite((value) => value === olderNew(), 1500);
    const [a, b] = await Promise.all([run(rotateSelf(held()!)), run(rotateSelf(held()!))]);
    // They really overlapped: the write that took effect last was held in flight (1.5 s) while the other run wrote
    // and went on to its revokes. Which of the two runs reaches its write first is a race; both orders overlap.
    const [x, y] = github.writes().slice(-2);
    expect(y!.at - y!.arrived).toBeGreaterThanOrEqual(1400);
    expect(y!.arrived).toBeLessThan(x!.at + 1000);
    expect(held()).toBe(y!.value);
    const tokens = [a!, b!].map((result) => result.main.outputs['token-id']);
    const older = world.emulator.tokens().find((token) => token.secret === y!.value);
    expect(tokens).toContain(older?.id);
    for (const result of [a!, b!]) expect(result.main.outputs['secret-updated']).toBe('true');
    await expectSettled();
    expect(await works(first.outputs['token']!)).toBe(401);
    expectClean(a!.main, everySecret());
    expectClean(b!.main, everySecret());
  });

  test('one run starting with the new secret while the other is still finishing', async () => {
    await firstRotation();
    const previous = held()!;
    // The earlier run's credential revoke waits until the later run has started and written.
    world.emulator.inject({ method: 'DELETE', path: /\/authentication-tokens\//, fault: { kind: 'hang-after' } });
    const earlier = run(rotateSelf(previous, { 'request-timeout': '4' }));
    while (held() === previous) await new Promise((resolve) => setTimeout(resolve, 50));
    const later = await run(rotateSelf(held()!));
    const finished = await earlier;
    expect(errorsOf(later.main)).toEqual([]);
    expect(finished.main.outputs['secret-updated']).toBe('true');
    // its credential was revoked under it (by its own hung DELETE, or the later run): a warning, not a failure
    expect(finished.main.code).toBe(0);
    expect(finished.main.stdout).toContain('::warning::The api-token stopped working after every destination held');
    await expectSettled();
    expect(held()).toBe(later.main.outputs['token']);
  });
});

describe('adopt-token-id must name a token of the team being rotated', () => {
  const expectNothingCreated = (result: StepResult, before: string[], callsBefore: number) => {
    expect(result.code).toBe(1);
    expect(errorsOf(result)).toHaveLength(1);
    expect(world.emulator.tokens().map((token) => token.id)).toEqual(before);
    expect(
      world
        .calls()
        .slice(callsBefore)
        .filter((call) => !call.startsWith('GET')),
    ).toEqual([]);
    expect(github.requests()).toEqual([]);
  };

  test("another team's token: refused before anything is created, saying whose it is", async () => {
    const other = await world.mint(world.teamId, 'a token of team platform');
    const before = world.emulator.tokens().map((token) => token.id);
    const callsBefore = world.calls().length;
    const refused = await world.main(rotateSelf(handMade.secret, { 'adopt-token-id': other }), env());
    expectNothingCreated(refused, before, callsBefore);
    expect(errorsOf(refused)[0]).toContain(`adopt-token-id ${other} is a token of another team (${world.teamId})`);
  });

  test('a user token: refused before anything is created, whoever asks', async () => {
    const account = await world.api('GET', '/account/details');
    const user = await world.api('POST', `/users/${account.body.data.id}/authentication-tokens`, {
      data: { type: 'authentication-tokens', attributes: { description: 'my laptop' } },
    });
    expect(user.status).toBe(201);
    const userTokenId = user.body.data.id as string;
    const before = world.emulator.tokens().map((token) => token.id);
    const callsBefore = world.calls().length;
    // the team's credential cannot see another user's token at all
    const unseen = await world.main(rotateSelf(handMade.secret, { 'adopt-token-id': userTokenId }), env());
    expectNothingCreated(unseen, before, callsBefore);
    expect(errorsOf(unseen)[0]).toContain('is not a token this credential can see');
    expect(errorsOf(unseen)[0]).toContain('a user token');
    // its own user sees it, and is told it is not a team token
    const own = await world.main(
      rotateSelf(world.credential, { 'adopt-token-id': userTokenId, 'keep-previous': '1' }),
      env(),
    );
    expectNothingCreated(own, before, callsBefore);
    expect(errorsOf(own)[0]).toContain('is not a team token (a user or agent token)');
  });
});
