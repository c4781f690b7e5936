import { afterEach, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startWorld, type World } from '../support/steps/world.js';

let world: World;
afterEach(() => world.emulator.close());

test('agent token: created for the job with a description and no expiry, deleted by the post step', async () => {
  world = await startWorld();
  const pool = world.emulator.addAgentPool('acme', 'ci-agents');
  const inputs = { 'token-type': 'agent', 'agent-pool-id': pool };
  const main = await world.main(inputs);
  expect(errorsOf(main)).toEqual([]);
  const [minted] = world.emulator.tokens();
  expect(minted!.kind).toBe('agent');
  expect(minted!.agentPoolId).toBe(pool);
  expect(minted!.expiredAt).toBeNull();
  expect(main.outputs['token']).toBe(minted!.secret);
  expect(main.outputs['description']).toMatch(/^gha-tfc-token /);
  expect(main.exported).toEqual({});
  const post = await world.post(main, inputs);
  expect(world.calls()).toEqual([
    `POST /agent-pools/${pool}/authentication-tokens`,
    `DELETE /authentication-tokens/${minted!.id}`,
  ]);
  expect(post.code).toBe(0);
  expect(world.emulator.tokens()).toEqual([]);
  expectClean(main, [minted!.secret, world.credential]);
});

test('audit-trail token on HCP Terraform: checked by ping, created, and deleted by the post step', async () => {
  world = await startWorld();
  const inputs = { 'token-type': 'audit-trail', organization: 'acme' };
  const { main, post } = await world.job(inputs);
  expect(errorsOf(main)).toEqual([]);
  expect(world.emulator.tokens()).toEqual([]);
  expect(world.calls()).toEqual([
    'GET /ping',
    'GET /organizations/acme/authentication-token',
    'POST /organizations/acme/authentication-token',
    'GET /organizations/acme/authentication-token',
    'DELETE /organizations/acme/authentication-token',
  ]);
  expect(
    world.emulator
      .requests()
      .filter((request) => request.path.endsWith('/authentication-token'))
      .every((request) => request.query === 'token=audit-trails'),
  ).toBe(true);
  expect(post.code).toBe(0);
  expectClean(main, [main.outputs['token'], world.credential]);
});

test('audit-trail token on Terraform Enterprise is refused before it can touch the organization token', async () => {
  world = await startWorld({ platform: 'tfe' });
  const organizationToken = await world.main({
    'token-type': 'organization',
    organization: 'acme',
    ephemeral: 'false',
  });
  world.emulator.clearRequests();
  for (const mode of ['create', 'delete']) {
    const main = await world.main({ mode, 'token-type': 'audit-trail', organization: 'acme' });
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain('Audit-trail tokens exist only on HCP Terraform');
    expect(errorsOf(main)[0]).toContain('"Terraform Enterprise"');
  }
  expect(world.calls()).toEqual(['GET /ping', 'GET /ping']);
  expect(world.emulator.tokens().map((token) => token.id)).toEqual([organizationToken.outputs['token-id']]);
});
