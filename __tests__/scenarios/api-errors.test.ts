import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/expectations.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.emulator.close());

const create = () => ({ 'team-id': world.teamId });

test('401: the credential is named as the likely cause', async () => {
  const main = await world.main({ ...create(), 'api-token': 'AAAAAAAAAAAAAA.atlasv1.not-a-real-token' });
  expect(main.code).toBe(1);
  expect(errorsOf(main)).toHaveLength(1);
  expect(errorsOf(main)[0]).toMatch(/answered 401: .*credential \(api-token\) is invalid, expired or revoked/);
  expectClean(main, ['AAAAAAAAAAAAAA.atlasv1.not-a-real-token']);
  expect(world.emulator.tokens()).toEqual([]);
});

test('404: an unknown team is "not found or no permission"', async () => {
  const main = await world.main({ 'team-id': 'team-DoesNotExist1234' });
  expect(main.code).toBe(1);
  expect(errorsOf(main)[0]).toMatch(/answered 404: .*lacks permission/);
  expect(world.calls()).toEqual(['POST /teams/team-DoesNotExist1234/authentication-tokens', 'GET /teams/team-DoesNotExist1234']);
});

test('422: a description already taken in the team', async () => {
  await world.main({ ...create(), description: 'shared name', ephemeral: 'false' });
  const main = await world.main({ ...create(), description: 'shared name' });
  expect(main.code).toBe(1);
  expect(errorsOf(main)[0]).toContain('already has a token described "shared name"');
  expect(errorsOf(main)[0]).toContain('Description has already been taken');
  expect(world.emulator.tokens()).toHaveLength(1);
});

test('429: waits X-RateLimit-Reset and repeats the POST, which was not processed', async () => {
  world.emulator.inject({ method: 'POST', fault: { kind: 'rate-limit', resetSeconds: 0.2 }, times: 2 });
  const { main, post } = await world.job(create());
  expect(main.code).toBe(0);
  expect(world.calls().filter((call) => call.startsWith('POST'))).toHaveLength(3);
  expect(main.stdout).toMatch(/attempt 1 answered 429; retrying in \d+ ms/);
  expect(post.code).toBe(0);
  expect(world.emulator.tokens()).toEqual([]);
  expectClean(main, [main.outputs['token'], world.credential]);
});

test('500 on the create is never blindly repeated', async () => {
  world.emulator.inject({ method: 'POST', fault: { kind: 'status', status: 500, body: '<html><body>Internal error</body></html>', contentType: 'text/html' } });
  const main = await world.main(create());
  expect(main.code).toBe(1);
  expect(errorsOf(main)).toHaveLength(1);
  expect(errorsOf(main)[0]).toMatch(/answered 500/);
  expect(errorsOf(main)[0]).not.toContain('<html>');
  expect(world.calls().filter((call) => call.startsWith('POST'))).toHaveLength(1);
});

test('500 then success on the post step\'s DELETE: repeated, since DELETE is idempotent', async () => {
  const main = await world.main(create());
  world.emulator.inject({ method: 'DELETE', fault: { kind: 'status', status: 503, body: 'unavailable', contentType: 'text/plain' } });
  const post = await world.post(main, create());
  expect(post.code).toBe(0);
  expect(world.calls().filter((call) => call.startsWith('DELETE'))).toHaveLength(2);
  expect(world.emulator.tokens()).toEqual([]);
});

test('a post step whose DELETE keeps failing warns with the token id and does not fail the job', async () => {
  const main = await world.main(create());
  world.emulator.inject({ method: 'DELETE', fault: { kind: 'status', status: 403, body: '{"errors":[{"status":"403","title":"forbidden"}]}' } });
  const post = await world.post(main, create());
  expect(post.code).toBe(0);
  expect(post.stdout).toMatch(new RegExp(`::warning::Could not delete ${main.outputs['token-id']}`));
  expectClean(post, [main.outputs['token'], world.credential]);
});
