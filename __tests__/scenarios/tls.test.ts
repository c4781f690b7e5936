import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { errorsOf } from '../support/expectations.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.emulator.close());

test('an untrusted certificate: one clear error at once, never "may have been processed", nothing sent', async () => {
  // /dev/null as the CA bundle: the emulator's private CA is not trusted, as on a runner without NODE_EXTRA_CA_CERTS.
  const main = await world.main({ 'team-id': world.teamId }, { caCertPath: '/dev/null' });
  expect(main.code).toBe(1);
  const errors = errorsOf(main);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`POST /teams/${world.teamId}/authentication-tokens failed`);
  expect(errors[0]).toContain('TLS certificate was refused; for a private CA set NODE_EXTRA_CA_CERTS');
  expect(errors[0]).not.toContain('may have been processed');
  expect(main.stdout).not.toContain('retrying');
  expect(main.elapsedMs).toBeLessThan(10_000);
  expect(world.emulator.requests()).toEqual([]);
  expect(world.emulator.tokens()).toEqual([]);
});
