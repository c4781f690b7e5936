import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startWorld, type World } from '../support/steps/world.js';

let world: World;
let clock = Date.now();
beforeEach(async () => {
  clock = Date.now();
  // No rate limit: the scenes mint hundreds of tokens directly.
  world = await startWorld({ now: () => clock, rateLimit: 0 });
});
afterEach(() => world.emulator.close());

describe('mode: list', () => {
  test('reads every page, filters by team, prefix and expiry, sorts by expiry', async () => {
    const otherTeam = world.emulator.addTeam('acme', 'data');
    const soon = new Date(clock + 2 * 86_400_000).toISOString();
    const later = new Date(clock + 20 * 86_400_000).toISOString();
    for (let i = 0; i < 230; i++) await world.mint(world.teamId, `bulk ${i}`, later);
    await world.mint(world.teamId, 'keep-me soon', soon);
    await world.mint(otherTeam, 'keep-me other team', soon);
    world.emulator.clearRequests();

    const all = await world.main({ mode: 'list', organization: 'acme' });
    expect(errorsOf(all)).toEqual([]);
    expect(all.outputs['count']).toBe('232');
    expect(world.calls().filter((call) => call.includes('/team-tokens'))).toHaveLength(3);
    expect(all.stdout).toContain('Read page 3 of 3');

    const filtered = await world.main({
      mode: 'list',
      organization: 'acme',
      'team-name': 'platform',
      description: 'keep-me',
      'expiring-within': '7d',
    });
    const tokens = JSON.parse(filtered.outputs['tokens']!);
    expect(filtered.outputs['count']).toBe('1');
    expect(tokens).toEqual([
      {
        id: expect.stringMatching(/^at-/),
        'team-id': world.teamId,
        'team-name': 'platform',
        description: 'keep-me soon',
        'created-at': expect.any(String),
        'last-used-at': null,
        'expired-at': soon,
      },
    ]);
    expect(filtered.summary).toContain('keep-me soon');
    expectClean(filtered, [world.credential]);
  });

  test('an empty result is an empty array', async () => {
    const main = await world.main({ mode: 'list', organization: 'acme', description: 'nothing-matches' });
    expect(main.outputs['tokens']).toBe('[]');
    expect(main.outputs['count']).toBe('0');
  });

  test('expired tokens are included by expiring-within and marked in the summary', async () => {
    // Minted while the emulator's clock stood two days back, expiring a day before the real now.
    clock -= 2 * 86_400_000;
    const expired = await world.mint(world.teamId, 'old', new Date(Date.now() - 86_400_000).toISOString());
    clock += 2 * 86_400_000;
    await world.mint(world.teamId, 'far', new Date(Date.now() + 30 * 86_400_000).toISOString());
    const list = await world.main({ mode: 'list', organization: 'acme', 'expiring-within': '1d' });
    expect(JSON.parse(list.outputs['tokens']!).map((token: { id: string }) => token.id)).toEqual([expired]);
    expect(list.summary).toContain('(expired)');
  });
});

describe('mode: sweep', () => {
  async function scene() {
    clock -= 3 * 86_400_000; // three days ago
    // A per-job token whose post step never ran (the runner was cancelled hard): its main step alone.
    const abandoned = await world.main({ 'team-id': world.teamId, expiry: '7d' });
    // Kept on purpose, with the default description: never swept, however old.
    const kept = await world.main({ 'team-id': world.teamId, ephemeral: 'false', expiry: '7d' });
    const rotated = await world.main({
      'team-id': world.teamId,
      ephemeral: 'false',
      description: 'gha-tfc-rotate octo-org/infra nightly 2026-01-01T00:00:00Z',
      expiry: '7d',
    });
    const handMade = await world.mint(world.teamId, 'made by a person');
    clock += 3 * 86_400_000;
    const recent = await world.main({ 'team-id': world.teamId });
    return {
      abandoned: abandoned.outputs['token-id']!,
      kept: kept.outputs['token-id']!,
      rotated: rotated.outputs['token-id']!,
      handMade,
      recent: recent.outputs['token-id']!,
    };
  }

  test('a kept token (ephemeral: false) has the kept marker before its nonce, whatever its description', async () => {
    clock -= 3 * 86_400_000;
    const described = await world.main({ 'team-id': world.teamId, ephemeral: 'false' });
    const chosen = await world.main({
      'team-id': world.teamId,
      ephemeral: 'false',
      description: 'gha-tfc-token octo-org/infra run-1-1 job-deploy',
    });
    expect(described.outputs['description']).toMatch(
      /^gha-tfc-token octo-org\/infra run-4242-1 job-deploy kept [0-9a-f]{16}$/,
    );
    expect(chosen.outputs['description']).toMatch(
      /^gha-tfc-token octo-org\/infra run-1-1 job-deploy kept [0-9a-f]{16}$/,
    );
    clock += 3 * 86_400_000;
    const main = await world.main({ mode: 'sweep', organization: 'acme' });
    expect(errorsOf(main)).toEqual([]);
    expect(main.outputs['deleted-ids']).toBe('[]');
    expect(world.emulator.tokens()).toHaveLength(2);
  });

  test('dry run lists what it would delete and deletes nothing', async () => {
    const ids = await scene();
    const before = world.emulator.tokens().length;
    const main = await world.main({ mode: 'sweep', organization: 'acme', 'dry-run': 'true' });
    expect(errorsOf(main)).toEqual([]);
    expect(main.outputs['deleted-ids']).toBe('[]');
    expect(main.outputs['count']).toBe('1');
    expect(main.stdout).toContain(`Would delete ${ids.abandoned}`);
    expect(world.emulator.tokens()).toHaveLength(before);
  });

  test("deletes only old per-job tokens with the action's prefix", async () => {
    const ids = await scene();
    const main = await world.main({ mode: 'sweep', organization: 'acme' });
    expect(errorsOf(main)).toEqual([]);
    expect(JSON.parse(main.outputs['deleted-ids']!)).toEqual([ids.abandoned]);
    expect(
      world.emulator
        .tokens()
        .map((token) => token.id)
        .sort(),
    ).toEqual([ids.kept, ids.rotated, ids.handMade, ids.recent].sort());
    expect(main.summary).toContain(ids.abandoned);
    expect(main.summary).not.toContain(ids.kept);
    expectClean(main, [world.credential]);
  });
});
