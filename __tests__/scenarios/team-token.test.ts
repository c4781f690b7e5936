import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startWorld, type World } from '../support/steps/world.js';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.emulator.close());

describe('team token, multiple-tokens API', () => {
  test('by team id: one POST, outputs, masked, deleted by the post step with one DELETE', async () => {
    const before = Date.now();
    const main = await world.main({ 'team-id': world.teamId });
    expect(errorsOf(main)).toEqual([]);
    expect(main.code).toBe(0);

    const [minted] = world.emulator.tokens();
    expect(world.emulator.tokens()).toHaveLength(1);
    expect(minted!.kind).toBe('team');
    expect(main.outputs['token']).toBe(minted!.secret);
    expect(main.outputs['token-id']).toBe(minted!.id);
    expect(main.outputs['team-id']).toBe(world.teamId);
    expect(main.outputs['created-at']).toBe(minted!.createdAt);
    expect(main.outputs['expired-at']).toBe(minted!.expiredAt);
    const lifetime = Date.parse(main.outputs['expired-at']!) - before;
    expect(lifetime).toBeGreaterThan(6 * 3600_000 - 60_000);
    expect(lifetime).toBeLessThan(6 * 3600_000 + 60_000);
    expect(main.outputs['description']).toMatch(/^gha-tfc-token octo-org\/infra run-4242-1 job-deploy [0-9a-f]{16}$/);
    expect(minted!.description).toBe(main.outputs['description']);
    expect(world.calls()).toEqual([`POST /teams/${world.teamId}/authentication-tokens`]);

    expect(main.stdout).toContain(`::add-mask::${minted!.secret}`);
    // Masked first: the credential's mask is the step's first line.
    expect(main.stdout.startsWith(`::add-mask::${world.credential}\n`)).toBe(true);
    expectClean(main, [minted!.secret, world.credential]);
    expect(main.files.state).toContain(minted!.id);
    expect(main.summary).toContain(minted!.id);
    // A host with a port has no TF_TOKEN_ spelling: warned about, not exported.
    expect(main.exported).toEqual({});
    expect(main.stdout).toMatch(/::warning::Not exporting TF_TOKEN_/);

    world.emulator.clearRequests();
    const post = await world.post(main, { 'team-id': world.teamId });
    expect(post.code).toBe(0);
    expect(world.calls()).toEqual([`DELETE /authentication-tokens/${minted!.id}`]);
    expect(world.emulator.tokens()).toEqual([]);
    expectClean(post, [minted!.secret, world.credential]);
  });

  test('by team name: a look-up then the POST', async () => {
    const { main, post } = await world.job({ 'team-name': 'platform', organization: 'acme' });
    expect(main.code).toBe(0);
    expect(post.code).toBe(0);
    expect(main.outputs['team-id']).toBe(world.teamId);
    expect(world.calls()).toEqual([
      'GET /organizations/acme/teams',
      `POST /teams/${world.teamId}/authentication-tokens`,
      `DELETE /authentication-tokens/${main.outputs['token-id']}`,
    ]);
    expect(world.emulator.tokens()).toEqual([]);
    expectClean(main, [main.outputs['token'], world.credential]);
  });

  test('a name that differs only in case is not the team', async () => {
    const main = await world.main({ 'team-name': 'Platform', organization: 'acme' });
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain('No team named "Platform"');
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('ephemeral false: the post step keeps the token and says so', async () => {
    const { main, post } = await world.job({ 'team-id': world.teamId, ephemeral: 'false', expiry: '2d' });
    expect(main.code).toBe(0);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('ephemeral is false');
    expect(world.emulator.tokens().map((token) => token.id)).toEqual([main.outputs['token-id']]);
    const lifetime = Date.parse(main.outputs['expired-at']!) - Date.now();
    expect(Math.round(lifetime / 3600_000)).toBe(48);
  });

  test('an explicit description and RFC 3339 expiry are sent as given', async () => {
    const expiry = new Date(Date.now() + 3 * 3600_000);
    expiry.setUTCMilliseconds(0);
    const main = await world.main({
      'team-id': world.teamId,
      description: 'nightly plan',
      expiry: expiry.toISOString().replace('.000Z', 'Z'),
    });
    expect(main.code).toBe(0);
    expect(world.emulator.tokens()[0]!.description).toMatch(/^nightly plan [0-9a-f]{16}$/);
    expect(Date.parse(world.emulator.tokens()[0]!.expiredAt!)).toBe(expiry.getTime());
  });

  test('two runs of the same job get two tokens and each post deletes only its own', async () => {
    const first = await world.main({ 'team-id': world.teamId });
    const second = await world.main({ 'team-id': world.teamId });
    expect(first.outputs['token-id']).not.toBe(second.outputs['token-id']);
    await world.post(first, { 'team-id': world.teamId });
    expect(world.emulator.tokens().map((token) => token.id)).toEqual([second.outputs['token-id']]);
    await world.post(second, { 'team-id': world.teamId });
    expect(world.emulator.tokens()).toEqual([]);
  });
});

describe('a server without the multiple-tokens API', () => {
  test('fails with advice to opt in to the legacy token, having created nothing', async () => {
    await world.emulator.close();
    world = await startWorld({ platform: 'tfe', tfeVersion: '1.0.2', multipleTeamTokens: false });
    const { main, post } = await world.job({ 'team-id': world.teamId });
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain('legacy-team-token: true');
    expect(errorsOf(main)[0]).toContain('Terraform Enterprise before 1.1.0');
    expect(errorsOf(main)[0]).not.toMatch(/manage its tokens/);
    expect(world.calls()).toEqual([`POST /teams/${world.teamId}/authentication-tokens`, `GET /teams/${world.teamId}`]);
    expect(world.emulator.tokens()).toEqual([]);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Nothing to clean up');
  });
});

describe('a 404 from the create of a team the credential can read is explained by what the server is', () => {
  /** A member who is not in the team sees it (organization visibility) but may not manage its tokens. */
  const asMember = () => world.emulator.addCredential({ organization: 'acme', role: 'member' });

  test('HCP Terraform always has the API: the cause is permission, with no legacy advice', async () => {
    const main = await world.main({ 'team-id': world.teamId, 'api-token': asMember() });
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toMatch(/HCP Terraform has the multiple-team-tokens API, so this credential may see/);
    expect(errorsOf(main)[0]).not.toMatch(/legacy|1\.1\.0/);
    // No request of its own to learn the platform: the headers of the answers already received tell.
    expect(world.calls()).toEqual([`POST /teams/${world.teamId}/authentication-tokens`, `GET /teams/${world.teamId}`]);
  });

  test('Terraform Enterprise 1.1.0 or later has it too: permission', async () => {
    await world.emulator.close();
    world = await startWorld({ platform: 'tfe', tfeVersion: '1.1.0' });
    const main = await world.main({ 'team-id': world.teamId, 'api-token': asMember() });
    expect(errorsOf(main)[0]).toMatch(/Terraform Enterprise 1\.1\.0 has the multiple-team-tokens API/);
    expect(errorsOf(main)[0]).not.toMatch(/legacy/);
  });

  test('a server that does not say what it is: both causes', async () => {
    await world.emulator.close();
    world = await startWorld({ platform: 'tfe', multipleTeamTokens: false, platformHeaders: false });
    const main = await world.main({ 'team-id': world.teamId });
    expect(main.code).toBe(1);
    expect(errorsOf(main)[0]).toMatch(/the server did not say what it is\. Either this credential may see the team/);
    expect(errorsOf(main)[0]).toContain('Terraform Enterprise before 1.1.0');
    expect(errorsOf(main)[0]).toContain('legacy-team-token: true');
    expect(world.calls()).toHaveLength(2);
  });
});
