import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startWorld, type World } from '../support/steps/world.js';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.emulator.close());

test('deletes a team token by id; a second delete succeeds with a notice; the post steps do nothing', async () => {
  const created = await world.main({ 'team-id': world.teamId, ephemeral: 'false' });
  const tokenId = created.outputs['token-id']!;
  world.emulator.clearRequests();

  const first = await world.job({ mode: 'delete', 'token-id': tokenId });
  expect(errorsOf(first.main)).toEqual([]);
  expect(first.main.outputs['token-id']).toBe(tokenId);
  expect(world.emulator.tokens()).toEqual([]);
  expect(first.main.summary).toContain(tokenId);

  const second = await world.job({ mode: 'delete', 'token-id': tokenId });
  expect(second.main.code).toBe(0);
  expect(second.main.stdout).toContain(`::notice::Token ${tokenId} is already gone`);
  expect(world.calls()).toEqual([
    `DELETE /authentication-tokens/${tokenId}`,
    `DELETE /authentication-tokens/${tokenId}`,
  ]);
  expect(first.post.stdout).toBe('');
  expectClean(first.main, [created.outputs['token'], world.credential]);
});

test('deletes the organization token, and only the one named by token-id', async () => {
  const created = await world.main({ 'token-type': 'organization', organization: 'acme', ephemeral: 'false' });
  const stale = await world.main({
    mode: 'delete',
    'token-type': 'organization',
    organization: 'acme',
    'token-id': 'at-NotTheCurrentOne1',
  });
  expect(stale.code).toBe(0);
  expect(stale.stdout).toContain('::notice::Token at-NotTheCurrentOne1 is already gone');
  expect(world.emulator.tokens()).toHaveLength(1);

  const main = await world.main({
    mode: 'delete',
    'token-type': 'organization',
    organization: 'acme',
    'token-id': created.outputs['token-id']!,
  });
  expect(main.code).toBe(0);
  expect(world.emulator.tokens()).toEqual([]);
  const again = await world.main({ mode: 'delete', 'token-type': 'organization', organization: 'acme' });
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('has no token; nothing to delete');
});
