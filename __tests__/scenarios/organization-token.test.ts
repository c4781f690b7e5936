import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startWorld, type World } from '../support/steps/world.js';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.emulator.close());

const inputs = { 'token-type': 'organization', organization: 'acme' };

test('none exists: a check and a create; the post step deletes it after checking it is still ours', async () => {
  const main = await world.main(inputs);
  expect(errorsOf(main)).toEqual([]);
  const [minted] = world.emulator.tokens();
  expect(minted!.kind).toBe('organization');
  expect(main.outputs['token']).toBe(minted!.secret);
  expect(main.outputs['token-id']).toBe(minted!.id);
  expect(main.outputs['team-id']).toBe('');
  expect(main.exported).toEqual({});
  expect(world.calls()).toEqual([
    'GET /organizations/acme/authentication-token',
    'POST /organizations/acme/authentication-token',
  ]);
  expectClean(main, [minted!.secret, world.credential]);

  world.emulator.clearRequests();
  const post = await world.post(main, inputs);
  expect(post.code).toBe(0);
  expect(world.calls()).toEqual([
    'GET /organizations/acme/authentication-token',
    'DELETE /organizations/acme/authentication-token',
  ]);
  expect(world.emulator.tokens()).toEqual([]);
  expectClean(post, [minted!.secret, world.credential]);
});

test('one exists and replace-existing is false: fails, changes nothing', async () => {
  const keeper = await world.main({ ...inputs, ephemeral: 'false' });
  const existing = world.emulator.tokens()[0]!;
  world.emulator.clearRequests();

  const { main, post } = await world.job(inputs);
  expect(main.code).toBe(1);
  expect(errorsOf(main)).toHaveLength(1);
  expect(errorsOf(main)[0]).toContain(`already has an organization token (${existing.id})`);
  expect(errorsOf(main)[0]).toContain('replace-existing: true');
  expect(world.calls()).toEqual(['GET /organizations/acme/authentication-token']);
  expect(world.emulator.tokens()).toEqual([existing]);
  expect(post.code).toBe(0);
  expectClean(main, [existing.secret, world.credential, keeper.outputs['token']]);
});

test('one exists and replace-existing is true: replaced, and the post step deletes the new one', async () => {
  await world.main({ ...inputs, ephemeral: 'false' });
  const old = world.emulator.tokens()[0]!;
  const { main, post } = await world.job({ ...inputs, 'replace-existing': 'true' });
  expect(main.code).toBe(0);
  expect(main.outputs['token-id']).not.toBe(old.id);
  expect(main.stdout).toContain(`previous organization token ${old.id}`);
  expect(post.code).toBe(0);
  expect(world.emulator.tokens()).toEqual([]);
  expectClean(main, [main.outputs['token'], old.secret, world.credential]);
});
