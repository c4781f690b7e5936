import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { unescaped } from '../support/assertions/summary.js';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fakes/github-fake.js';
import { startWorld, type World } from '../support/steps/world.js';

/** mode: rotate into an HCP Terraform workspace variable or variable set variable, alone or beside a GitHub secret. */

let world: World;
let github: FakeGitHub;
let workspace: string;
let varset: string;
beforeEach(async () => {
  world = await startWorld();
  github = await startFakeGitHub();
  workspace = world.emulator.addWorkspace('acme', 'tfe-admin');
  varset = world.emulator.addVariableSet('acme', 'admin credentials');
});
afterEach(async () => {
  await Promise.all([world.emulator.close(), github.close()]);
});

const run = (inputs: Record<string, string>) =>
  world.job(
    { mode: 'rotate', organization: 'acme', ...inputs },
    { env: { GITHUB_API_URL: github.url, GITHUB_WORKFLOW: 'weekly' } },
  );
const organizationIntoWorkspace = {
  'token-type': 'organization',
  'variable-key': 'TFE_TOKEN',
  'variable-workspace': 'tfe-admin',
};
const teamIntoSet = { 'team-name': 'platform', 'variable-key': 'TFE_TOKEN', 'variable-set': 'admin credentials' };
const variable = (owner: string, key = 'TFE_TOKEN') =>
  world.emulator.variables().filter((v) => v.owner === owner && v.key === key);
const everySecret = () => [world.credential, github.token, ...world.emulator.mintedSecrets()];

describe('into a workspace variable', () => {
  test('the organization token into a new TFE_TOKEN: created sensitive env, not HCL; then updated', async () => {
    const first = await run(organizationIntoWorkspace);
    expect(errorsOf(first.main)).toEqual([]);
    expect(first.main.outputs['variable-updated']).toBe('true');
    expect(first.main.outputs['secret-updated']).toBeUndefined();
    const [created] = variable(workspace);
    expect(created).toMatchObject({
      value: first.main.outputs['token'],
      sensitive: true,
      hcl: false,
      category: 'env',
    });
    expect(unescaped(first.main.summary)).toContain(
      `env variable TFE_TOKEN in workspace "tfe-admin" (${workspace}) (created ${created!.id})`,
    );
    expect(first.post.stdout).not.toContain('Deleted');
    expectClean(first.main, everySecret());

    const second = await run(organizationIntoWorkspace);
    expect(errorsOf(second.main)).toEqual([]);
    expect(variable(workspace)).toEqual([
      expect.objectContaining({ id: created!.id, value: second.main.outputs['token'] }),
    ]);
    expect(variable(workspace)[0]!.versionId).not.toBe(created!.versionId);
    expect(world.emulator.tokens().map((token) => token.id)).toEqual([second.main.outputs['token-id']]);
    expect(github.requests()).toEqual([]);
    // The action never reads a value: it lists (values of sensitive variables come back null) and writes.
    expect(world.calls().filter((call) => call.includes('/vars'))).toEqual([
      `GET /workspaces/${workspace}/vars`,
      `POST /workspaces/${workspace}/vars`,
      `GET /workspaces/${workspace}/vars`,
      `PATCH /workspaces/${workspace}/vars/${created!.id}`,
    ]);
    expectClean(second.main, everySecret());
  });

  test('by ws- id, category terraform, beside a same-named env variable that stays untouched', async () => {
    const envVariable = world.emulator.addVariable(workspace, {
      key: 'tfe_token',
      value: 'unrelated',
      category: 'env',
    });
    const main = (
      await run({
        'team-id': world.teamId,
        'variable-key': 'tfe_token',
        'variable-workspace': workspace,
        'variable-category': 'terraform',
      })
    ).main;
    expect(errorsOf(main)).toEqual([]);
    expect(variable(workspace, 'tfe_token')).toEqual([
      expect.objectContaining({ id: envVariable, value: 'unrelated', category: 'env' }),
      expect.objectContaining({ value: main.outputs['token'], category: 'terraform', sensitive: true }),
    ]);
  });

  test('an existing variable that is not sensitive is refused before anything is created', async () => {
    const plain = world.emulator.addVariable(workspace, { key: 'TFE_TOKEN', value: 'old plain value' });
    const failed = await run(organizationIntoWorkspace);
    expect(failed.main.code).toBe(1);
    expect(errorsOf(failed.main)).toHaveLength(1);
    expect(errorsOf(failed.main)[0]).toContain('exists but is not sensitive');
    expect(errorsOf(failed.main)[0]).toContain('Nothing was created or changed');
    expect(world.emulator.tokens()).toEqual([]);
    expect(world.calls().some((call) => call.startsWith('POST') || call.startsWith('PATCH'))).toBe(false);
    expect(variable(workspace)).toEqual([
      expect.objectContaining({ id: plain, value: 'old plain value', sensitive: false }),
    ]);
    expectClean(failed.main, everySecret());
  });

  test('an unknown workspace fails before anything is created', async () => {
    const failed = await run({ ...organizationIntoWorkspace, 'variable-workspace': 'nope' });
    expect(errorsOf(failed.main)[0]).toContain('No workspace named "nope"');
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('variable cannot be written: the new team token deleted again, the old one valid and in place', async () => {
    const before = await run({
      'team-name': 'platform',
      'variable-key': 'TFE_TOKEN',
      'variable-workspace': 'tfe-admin',
    });
    world.emulator.inject({
      method: 'PATCH',
      path: /\/vars\//,
      fault: { kind: 'status', status: 403, body: '{"errors":[{"status":"403","title":"forbidden"}]}' },
    });
    const failed = await run({
      'team-name': 'platform',
      'variable-key': 'TFE_TOKEN',
      'variable-workspace': 'tfe-admin',
    });
    expect(failed.main.code).toBe(1);
    expect(errorsOf(failed.main)).toHaveLength(1);
    expect(errorsOf(failed.main)[0]).toContain('nothing changed');
    expect(failed.main.outputs['variable-updated']).toBeUndefined();
    expect(world.emulator.tokens().map((token) => token.id)).toEqual([before.main.outputs['token-id']]);
    expect(variable(workspace)[0]!.value).toBe(before.main.outputs['token']);
    expect(failed.post.stdout).toContain('Nothing to clean up');
    expectClean(failed.main, everySecret());
  });

  test('a PATCH whose answer never reads: both tokens stay, one error names both ids', async () => {
    const inputs = { 'team-name': 'platform', 'variable-key': 'TFE_TOKEN', 'variable-workspace': 'tfe-admin' };
    const before = await run(inputs);
    world.emulator.inject({ method: 'PATCH', path: /\/vars\//, times: Infinity, fault: { kind: 'non-json' } });
    const unsettled = await run(inputs);
    expect(unsettled.main.code).toBe(1);
    const [error] = errorsOf(unsettled.main);
    expect(errorsOf(unsettled.main)).toHaveLength(1);
    const newId = unsettled.main.outputs['token-id']!;
    expect(error).toContain(`holds either ${newId} or the previous token ${before.main.outputs['token-id']}`);
    expect(error).toContain('nothing was revoked');
    expect(
      world.emulator
        .tokens()
        .map((token) => token.id)
        .sort(),
    ).toEqual([before.main.outputs['token-id'], newId].sort());
    expect(variable(workspace)[0]!.value).toBe(unsettled.main.outputs['token']);
    expectClean(unsettled.main, everySecret());
  });

  test('organization token whose variable write fails: loud, names the new id, still in masked output', async () => {
    world.emulator.inject({
      method: 'POST',
      path: /\/vars$/,
      fault: { kind: 'status', status: 403, body: '{"errors":[{"status":"403","title":"forbidden"}]}' },
    });
    const failed = await run(organizationIntoWorkspace);
    const [live] = world.emulator.tokens();
    expect(errorsOf(failed.main)[0]).toContain(`new organization token ${live!.id} is live`);
    expect(failed.main.outputs['token']).toBe(live!.secret);
    expectClean(failed.main, everySecret());
  });
});

describe('into a variable set', () => {
  test('a team token into an existing sensitive variable: updated in place, keep-previous honoured', async () => {
    const existing = world.emulator.addVariable(varset, { key: 'TFE_TOKEN', value: 'seeded', sensitive: true });
    const first = await run(teamIntoSet);
    expect(errorsOf(first.main)).toEqual([]);
    expect(first.main.outputs['variable-updated']).toBe('true');
    expect(variable(varset)).toEqual([
      expect.objectContaining({ id: existing, value: first.main.outputs['token'], sensitive: true, hcl: false }),
    ]);
    await run(teamIntoSet);
    const third = await run(teamIntoSet);
    expect(JSON.parse(third.main.outputs['revoked-ids']!)).toEqual([first.main.outputs['token-id']]);
    expect(variable(varset)).toEqual([expect.objectContaining({ id: existing, value: third.main.outputs['token'] })]);
    expectClean(third.main, everySecret());
  });

  test('a new variable in a set given by varset- id', async () => {
    const main = (await run({ ...teamIntoSet, 'variable-set': varset })).main;
    expect(errorsOf(main)).toEqual([]);
    expect(variable(varset)).toEqual([
      expect.objectContaining({ value: main.outputs['token'], sensitive: true, category: 'env' }),
    ]);
  });

  test('a set name that only partly matches is not taken', async () => {
    const failed = await run({ ...teamIntoSet, 'variable-set': 'admin' });
    expect(errorsOf(failed.main)[0]).toContain('No variable set named "admin"');
    expect(world.emulator.tokens()).toEqual([]);
  });
});

describe('both destinations', () => {
  const both = { ...teamIntoSet, 'secret-name': 'TFC_TOKEN', 'github-token': '' };

  test('the variable and the GitHub secret both hold the new token', async () => {
    const main = (await run({ ...both, 'github-token': github.token })).main;
    expect(errorsOf(main)).toEqual([]);
    expect(main.outputs['variable-updated']).toBe('true');
    expect(main.outputs['secret-updated']).toBe('true');
    expect(github.secrets().get('repo:octo-org/infra')?.get('TFC_TOKEN')).toBe(main.outputs['token']);
    expect(variable(varset)[0]!.value).toBe(main.outputs['token']);
    expectClean(main, everySecret());
  });

  test('secret write fails after the variable was written: new token stays valid, nothing revoked', async () => {
    const before = await run({ ...both, 'github-token': github.token });
    await run({ ...both, 'github-token': github.token });
    github.deny('repo:octo-org/infra', 403);
    const failed = await run({ ...both, 'github-token': github.token });
    expect(failed.main.code).toBe(1);
    expect(errorsOf(failed.main)).toHaveLength(1);
    expect(errorsOf(failed.main)[0]).toContain('Rotation incomplete');
    expect(errorsOf(failed.main)[0]).toContain('nothing was revoked');
    expect(failed.main.outputs['variable-updated']).toBe('true');
    expect(failed.main.outputs['secret-updated']).toBeUndefined();
    const tokens = world.emulator.tokens().map((token) => token.id);
    expect(tokens).toContain(before.main.outputs['token-id']);
    expect(tokens).toContain(failed.main.outputs['token-id']);
    expect(variable(varset)[0]!.value).toBe(failed.main.outputs['token']);
    expectClean(failed.main, everySecret());
  });
});
