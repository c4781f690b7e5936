import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { RATE_LIMIT_WINDOWS_MS } from '../../src/transport/retry.js';
import { startWorld, type World } from '../support/steps/world.js';

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
  expect(world.calls()).toEqual([
    'POST /teams/team-DoesNotExist1234/authentication-tokens',
    'GET /teams/team-DoesNotExist1234',
  ]);
});

test('422 from the create (a server-side rule) is one clear error, nothing left', async () => {
  const detail =
    '{"errors":[{"status":"422","title":"invalid attribute","detail":"Description has already been taken"}]}';
  world.emulator.inject({ method: 'POST', fault: { kind: 'status', status: 422, body: detail } });
  const main = await world.main({ ...create(), description: 'shared name' });
  expect(main.code).toBe(1);
  expect(errorsOf(main)).toHaveLength(1);
  expect(errorsOf(main)[0]).toContain('answered 422: invalid attribute: Description has already been taken');
  expect(world.emulator.tokens()).toEqual([]);
});

/** Two 429s in a row may each be waited out to the end of its window: the test allows for the longest draws. */
const TWO_RATE_LIMITED_WAITS_MS = (RATE_LIMIT_WINDOWS_MS[0] ?? 0) + (RATE_LIMIT_WINDOWS_MS[1] ?? 0) + 2 * 200;

test(
  '429: waits X-RateLimit-Reset and repeats the POST, which was not processed',
  async () => {
    world.emulator.inject({ method: 'POST', fault: { kind: 'rate-limit', resetSeconds: 0.2 }, times: 2 });
    const { main, post } = await world.job(create());
    expect(main.code).toBe(0);
    expect(world.calls().filter((call) => call.startsWith('POST'))).toHaveLength(3);
    expect(main.stdout).toMatch(/attempt 1 answered 429; retrying in \d+ ms/);
    expect(post.code).toBe(0);
    expect(world.emulator.tokens()).toEqual([]);
    expectClean(main, [main.outputs['token'], world.credential]);
  },
  TWO_RATE_LIMITED_WAITS_MS + 30_000,
);

test('500 on the create is never blindly repeated: first looked up by its nonce (org from the team)', async () => {
  const page = '<html><body>Internal error</body></html>';
  world.emulator.inject({
    method: 'POST',
    fault: { kind: 'status', status: 500, body: page, contentType: 'text/html' },
  });
  const main = await world.main(create());
  expect(main.code).toBe(0);
  expect(main.stdout).toMatch(/::warning::Creating the token may or may not have succeeded .*answered 500/);
  expect(main.stdout).not.toContain('<html>');
  expect(world.calls()).toEqual([
    `POST /teams/${world.teamId}/authentication-tokens`,
    `GET /teams/${world.teamId}`,
    'GET /organizations/acme/team-tokens',
    `POST /teams/${world.teamId}/authentication-tokens`,
  ]);
  expect(world.emulator.tokens().map((token) => token.id)).toEqual([main.outputs['token-id']]);
});

test("500 then success on the post step's DELETE: repeated, since DELETE is idempotent", async () => {
  const main = await world.main(create());
  world.emulator.inject({
    method: 'DELETE',
    fault: { kind: 'status', status: 503, body: 'unavailable', contentType: 'text/plain' },
  });
  const post = await world.post(main, create());
  expect(post.code).toBe(0);
  expect(world.calls().filter((call) => call.startsWith('DELETE'))).toHaveLength(2);
  expect(world.emulator.tokens()).toEqual([]);
});

test('a post step whose DELETE keeps failing warns with the token id and does not fail the job', async () => {
  const main = await world.main(create());
  world.emulator.inject({
    method: 'DELETE',
    fault: { kind: 'status', status: 403, body: '{"errors":[{"status":"403","title":"forbidden"}]}' },
  });
  const post = await world.post(main, create());
  expect(post.code).toBe(0);
  expect(post.stdout).toMatch(new RegExp(`::warning::Could not delete ${main.outputs['token-id']}`));
  expectClean(post, [main.outputs['token'], world.credential]);
});
