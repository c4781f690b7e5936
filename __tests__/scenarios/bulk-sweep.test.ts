import { afterEach, describe, expect, test } from '@jest/globals';
import type { EmulatorOptions } from '../../emulator/server.js';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startWorld, type World } from '../support/steps/world.js';

/** mode: sweep with the bulk team-token delete, and its fallback on servers without it; mode: list's status filter. */

const DAY = 86_400_000;
let world: World;
let clock = Date.now();
afterEach(() => world.emulator.close());

async function start(options: Partial<EmulatorOptions> = {}): Promise<void> {
  clock = Date.now();
  // No rate limit: the scenes mint hundreds of tokens directly.
  world = await startWorld({ now: () => clock, rateLimit: 0, ...options });
}

/** `stale` per-job tokens created two days ago, plus tokens a sweep must never touch. */
async function scene(stale: number): Promise<{ stale: string[]; kept: string[] }> {
  const ids: string[] = [];
  clock -= 2 * DAY;
  const far = new Date(Date.now() + 30 * DAY).toISOString();
  for (let i = 0; i < stale; i++)
    ids.push(
      await world.mint(
        world.teamId,
        `gha-tfc-token octo-org/infra run-${i}-1 job-x 00000000000000${String(i % 10).padStart(2, '0')}`,
        far,
      ),
    );
  const kept = [
    await world.mint(world.teamId, 'made by a person', far),
    await world.mint(world.teamId, 'gha-tfc-rotate octo-org/infra nightly 2026-01-01T00:00:00.000Z', far),
  ];
  clock += 2 * DAY;
  kept.push(await world.mint(world.teamId, 'gha-tfc-token octo-org/infra run-new-1 job-x 0000000000000000', far));
  world.emulator.clearRequests();
  return { stale: ids, kept };
}

const sweep = () => world.main({ mode: 'sweep', organization: 'acme' });
const listPages = () => world.calls().filter((call) => call === 'GET /organizations/acme/team-tokens');
const tokenIdsLeft = () =>
  world.emulator
    .tokens()
    .map((token) => token.id)
    .sort();

describe('bulk sweep', () => {
  test('a current server: one request per list page and per batch of 100, nothing else', async () => {
    await start();
    const ids = await scene(250);
    const main = await sweep();
    expect(errorsOf(main)).toEqual([]);
    expect(main.outputs['count']).toBe('250');
    expect(JSON.parse(main.outputs['deleted-ids']!).sort()).toEqual([...ids.stale].sort());
    expect(tokenIdsLeft()).toEqual([...ids.kept].sort());
    expect(listPages()).toHaveLength(3); // 253 tokens, 100 a page
    const bulkDeletes = world.calls().filter((call) => call === 'DELETE /organizations/acme/team-tokens');
    expect(bulkDeletes).toHaveLength(3); // 100 + 100 + 50
    expect(world.calls()).toHaveLength(6 + 1); // and one list of teams, for the temporary-team sweep
    expect(main.stdout).toContain('Deleted batch 3 of 3 (50 tokens) in one request.');
    expectClean(main, [world.credential]);
  });

  test.each([404, 405] as const)(
    'a server without bulk delete (%i): one failed bulk request, then one DELETE per id',
    async (status) => {
      await start({ bulkTeamTokenDelete: status, teamTokenStatusFilter: false });
      const ids = await scene(120);
      const main = await sweep();
      expect(errorsOf(main)).toEqual([]);
      expect(main.stdout).toContain('no bulk delete for team tokens');
      expect(JSON.parse(main.outputs['deleted-ids']!).sort()).toEqual([...ids.stale].sort());
      expect(tokenIdsLeft()).toEqual([...ids.kept].sort());
      expect(listPages()).toHaveLength(2);
      expect(world.calls().filter((call) => call === 'DELETE /organizations/acme/team-tokens')).toHaveLength(1);
      expect(world.calls().filter((call) => call.startsWith('DELETE /authentication-tokens/'))).toHaveLength(120);
      expect(world.calls()).toHaveLength(2 + 1 + 120 + 1); // and one list of teams, for the temporary-team sweep
    },
  );

  test('ids already gone count as done', async () => {
    await start({ bulkTeamTokenDelete: 404 });
    const ids = await scene(3);
    // Another sweep (or the post step) deletes one between the list and the deletes.
    world.emulator.inject({
      method: 'DELETE',
      path: `/api/v2/authentication-tokens/${ids.stale[1]}`,
      fault: { kind: 'status', status: 404, body: '{"errors":[{"status":"404","title":"not found"}]}' },
    });
    const main = await sweep();
    expect(errorsOf(main)).toEqual([]);
    expect(main.outputs['count']).toBe('3');
  });

  test('a 403 from the bulk delete is a failure, not a reason to report tokens deleted', async () => {
    await start();
    const ids = await scene(2);
    world.emulator.inject({
      method: 'DELETE',
      path: '/api/v2/organizations/acme/team-tokens',
      fault: {
        kind: 'status',
        status: 403,
        body: '{"errors":[{"status":"403","title":"forbidden","detail":"not authorized to delete team tokens"}]}',
      },
    });
    const main = await sweep();
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain('Could not delete 2 of 2');
    expect(main.outputs['deleted-ids']).toBe('[]');
    expect(world.emulator.tokens()).toHaveLength(ids.stale.length + ids.kept.length);
  });
});

describe('list with the status filter', () => {
  async function listScene() {
    clock -= 2 * DAY;
    const expired = await world.mint(world.teamId, 'expired', new Date(clock + DAY).toISOString());
    clock += 2 * DAY;
    const soon = await world.mint(world.teamId, 'soon', new Date(clock + 3 * DAY).toISOString());
    for (let i = 0; i < 150; i++)
      await world.mint(world.teamId, `later ${i}`, new Date(clock + 60 * DAY).toISOString());
    world.emulator.clearRequests();
    return [expired, soon];
  }

  test('expiring-within 5d asks for expired and expiring tokens under both filter names: one page', async () => {
    await start();
    const expected = await listScene();
    const main = await world.main({ mode: 'list', organization: 'acme', 'expiring-within': '5d' });
    expect(JSON.parse(main.outputs['tokens']!).map((token: { id: string }) => token.id)).toEqual(expected);
    const [request] = world.emulator.requests().filter((entry) => entry.path.endsWith('/team-tokens'));
    const query = new URLSearchParams(request!.query);
    expect(query.get('filter[status]')).toBe('expired,expiring_in_7_days');
    expect(query.get('filter[expiry_status]')).toBe('expired,expiring_in_7_days');
    expect(listPages()).toHaveLength(1);
  });

  test('a server that ignores the filter returns everything: the action still keeps only what matches', async () => {
    await start({ teamTokenStatusFilter: false });
    const expected = await listScene();
    const main = await world.main({ mode: 'list', organization: 'acme', 'expiring-within': '5d' });
    expect(JSON.parse(main.outputs['tokens']!).map((token: { id: string }) => token.id)).toEqual(expected);
    expect(listPages()).toHaveLength(2);
  });
});
