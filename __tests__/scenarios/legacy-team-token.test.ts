import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startWorld, type World } from '../support/steps/world.js';

let world: World;
beforeEach(async () => {
  world = await startWorld({ platform: 'tfe', tfeVersion: '1.0.2', multipleTeamTokens: false });
});
afterEach(() => world.emulator.close());

const legacy = () => ({ 'team-id': world.teamId, 'legacy-team-token': 'true' });

test('opt-in: checks for an existing token, creates, and the post step deletes it', async () => {
  const { main, post } = await world.job(legacy());
  expect(errorsOf(main)).toEqual([]);
  expect(main.outputs['description']).toBe('');
  expect(world.calls()).toEqual([
    `GET /teams/${world.teamId}/authentication-token`,
    `POST /teams/${world.teamId}/authentication-token`,
    `GET /teams/${world.teamId}/authentication-token`,
    `DELETE /teams/${world.teamId}/authentication-token`,
  ]);
  expect(post.code).toBe(0);
  expect(world.emulator.tokens()).toEqual([]);
  expectClean(main, [main.outputs['token'], world.credential]);
  expectClean(post, [main.outputs['token'], world.credential]);
});

test('an existing legacy token is kept unless replace-existing is true', async () => {
  await world.main({ ...legacy(), ephemeral: 'false' });
  const existing = world.emulator.tokens()[0]!;
  const refused = await world.main(legacy());
  expect(refused.code).toBe(1);
  expect(errorsOf(refused)[0]).toContain('replace-existing: true');
  expect(world.emulator.tokens()).toEqual([existing]);
});

test('another run replaces the token before the post step: the post step leaves the newer token alone', async () => {
  const first = await world.main(legacy());
  const second = await world.main({ ...legacy(), 'replace-existing': 'true' });
  expect(second.code).toBe(0);
  const current = world.emulator.tokens();
  expect(current.map((token) => token.id)).toEqual([second.outputs['token-id']]);

  const firstPost = await world.post(first, legacy());
  expect(firstPost.code).toBe(0);
  expect(firstPost.stdout).toContain(`Token ${first.outputs['token-id']} was already replaced or deleted`);
  expect(world.emulator.tokens()).toEqual(current);

  await world.post(second, { ...legacy(), 'replace-existing': 'true' });
  expect(world.emulator.tokens()).toEqual([]);
});
