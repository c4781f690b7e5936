import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { rateLimitedCount, sentBeforeReset } from '../support/steps/fleet.js';
import { startWorld, type World } from '../support/steps/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld({ rateLimit: 30 });
});
afterAll(() => world.emulator.close());

test('20 parallel runs of one job under 30 requests/s: 20 tokens, each post deletes its own', async () => {
  const inputs = { 'team-id': world.teamId };
  const mains = await Promise.all(Array.from({ length: 20 }, () => world.main(inputs)));
  for (const main of mains) expect(errorsOf(main)).toEqual([]);
  const ids = mains.map((main) => main.outputs['token-id']);
  expect(new Set(ids).size).toBe(20);
  expect(
    world.emulator
      .tokens()
      .map((token) => token.id)
      .sort(),
  ).toEqual([...ids].sort());

  const posts = await Promise.all(mains.map((main) => world.post(main, inputs)));
  posts.forEach((post, index) => {
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`Deleted team token ${ids[index]}.`);
    expect(post.stdout).not.toContain('::warning');
    expectClean(post, [mains[index]!.outputs['token'], world.credential]);
  });
  const deletes = world.calls().filter((call) => call.startsWith('DELETE'));
  expect(deletes.sort()).toEqual(ids.map((id) => `DELETE /authentication-tokens/${id}`).sort());
  expect(world.emulator.tokens()).toEqual([]);
}, 120_000);

test('20 jobs at once past the limit: 429s waited out, never before the reset; no failure, nothing left', async () => {
  const tight = await startWorld({ rateLimit: 4 });
  try {
    const inputs = { 'team-id': tight.teamId };
    const jobs = await Promise.all(Array.from({ length: 20 }, () => tight.job(inputs)));
    for (const { main, post } of jobs) {
      expect(errorsOf(main)).toEqual([]);
      expect(post.stdout).toContain(`Deleted team token ${main.outputs['token-id']}.`);
      expect(post.stdout).not.toContain('::warning');
    }
    expect(new Set(jobs.map(({ main }) => main.outputs['token-id'])).size).toBe(20);
    const requests = tight.emulator.requests();
    expect(rateLimitedCount(requests)).toBeGreaterThan(0);
    expect(sentBeforeReset(requests)).toEqual([]);
    expect(tight.emulator.tokens()).toEqual([]);
  } finally {
    await tight.emulator.close();
  }
}, 120_000);
