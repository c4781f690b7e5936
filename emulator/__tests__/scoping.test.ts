import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { Emulator, type EmulatorOptions } from '../server.js';
import { makeTestTls } from '../tls.js';
import { callEmulator, type ApiAnswer } from '../../__tests__/support/steps/emulator-call.js';

/** The emulator's teams, workspaces, projects, access grants and entitlements, against the scoping reference. */

const tls = await makeTestTls();
let emulator: Emulator;
let owner: string;
let ws: { app: string; db: string; other: string };
let prj: { core: string };

async function start(options: Partial<EmulatorOptions> = {}): Promise<void> {
  emulator = await Emulator.start({ tls, rateLimit: 0, ...options });
  emulator.addOrganization('acme');
  emulator.addOrganization('other');
  emulator.addTeam('acme', 'owners', { owners: true, visibility: 'secret' });
  owner = emulator.addCredential({ organization: 'acme', role: 'owner' });
  prj = { core: emulator.addProject('acme', 'Core Infra') };
  ws = {
    app: emulator.addWorkspace('acme', 'app-prod', prj.core),
    db: emulator.addWorkspace('acme', 'db-prod', prj.core),
    other: emulator.addWorkspace('acme', 'billing'),
  };
}

beforeEach(() => start());
afterEach(() => emulator.close());

function call(method: string, path: string, body?: unknown, bearer = owner): Promise<ApiAnswer> {
  return callEmulator(emulator, tls, { method, path, body, bearer });
}

const teamBody = (name: string, attributes: Record<string, unknown> = {}) => ({
  data: { type: 'teams', attributes: { name, ...attributes } },
});
const grantBody = (
  type: 'team-workspaces' | 'team-projects',
  target: string,
  team: string,
  access: string,
  extra: Record<string, unknown> = {},
) => ({
  data: {
    type,
    attributes: { access, ...extra },
    relationships: {
      [type === 'team-workspaces' ? 'workspace' : 'project']: { data: { id: target } },
      team: { data: { type: 'teams', id: team } },
    },
  },
});

async function newTeam(name: string): Promise<string> {
  const answer = await call('POST', '/organizations/acme/teams', teamBody(name, { visibility: 'secret' }));
  expect(answer.status).toBe(200);
  return answer.body.data.id;
}

/** The statuses of what starting a run on `workspace` takes: a configuration version, then the run. */
async function startRun(workspace: string, secret: string): Promise<{ configurationVersion: number; run: number }> {
  const version = { data: { type: 'configuration-versions' } };
  const run = { data: { type: 'runs', relationships: { workspace: { data: { id: workspace } } } } };
  return {
    configurationVersion: (await call('POST', `/workspaces/${workspace}/configuration-versions`, version, secret))
      .status,
    run: (await call('POST', '/runs', run, secret)).status,
  };
}

async function teamToken(team: string): Promise<{ id: string; secret: string }> {
  const expiredAt = new Date(Date.now() + 3600_000).toISOString();
  const answer = await call('POST', `/teams/${team}/authentication-tokens`, {
    data: { type: 'authentication-tokens', attributes: { description: 'job', 'expired-at': expiredAt } },
  });
  expect(answer.status).toBe(201);
  return { id: answer.body.data.id, secret: answer.body.data.attributes.token };
}

describe('teams: create and delete', () => {
  test('create answers 200 with a secret team by default and no organization access', async () => {
    const answer = await call('POST', '/organizations/acme/teams', teamBody('gha-tfc-scoped-x'));
    expect(answer.status).toBe(200);
    expect(answer.body.data.id).toMatch(/^team-[A-Za-z0-9]{16}$/);
    expect(answer.body.data.attributes.visibility).toBe('secret');
    expect(answer.body.data.attributes['users-count']).toBe(0);
    expect(Object.values(answer.body.data.attributes['organization-access']).every((flag) => flag === false)).toBe(
      true,
    );
  });

  test('a taken name (any case), a bad name and inconsistent organization access are 422', async () => {
    await newTeam('deployers');
    const taken = await call('POST', '/organizations/acme/teams', teamBody('Deployers'));
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0].detail).toBe('Validation failed: Name has already been taken');
    expect((await call('POST', '/organizations/acme/teams', teamBody('has space'))).status).toBe(422);
    expect(
      (
        await call(
          'POST',
          '/organizations/acme/teams',
          teamBody('pm', { 'organization-access': { 'manage-projects': true } }),
        )
      ).status,
    ).toBe(422);
  });

  test('without the teams entitlement create answers 404 and the entitlement set says why', async () => {
    emulator.setEntitlements('acme', { teams: false });
    expect((await call('POST', '/organizations/acme/teams', teamBody('t1'))).status).toBe(404);
    const set = await call('GET', '/organizations/acme/entitlement-set');
    expect(set.status).toBe(200);
    expect(set.body.data.type).toBe('entitlement-sets');
    expect(set.body.data.attributes.teams).toBe(false);
    expect((await call('GET', '/organizations/other/entitlement-set')).status).toBe(404);
  });

  test('members may not create teams; manage-teams may', async () => {
    const member = emulator.addCredential({ organization: 'acme', role: 'member' });
    const manager = emulator.addCredential({ organization: 'acme', role: 'manage-teams' });
    expect((await call('POST', '/organizations/acme/teams', teamBody('t1'), member)).status).toBe(404);
    expect((await call('POST', '/organizations/acme/teams', teamBody('t1'), manager)).status).toBe(200);
  });

  test("delete answers 204, revokes the team's tokens and grants, then 404", async () => {
    const team = await newTeam('temp');
    const token = await teamToken(team);
    expect((await call('POST', '/team-workspaces', grantBody('team-workspaces', ws.app, team, 'read'))).status).toBe(
      200,
    );
    expect((await call('GET', '/account/details', undefined, token.secret)).status).toBe(200);
    expect((await call('DELETE', `/teams/${team}`)).status).toBe(204);
    expect((await call('GET', '/account/details', undefined, token.secret)).status).toBe(401);
    expect(emulator.grants()).toEqual([]);
    expect((await call('DELETE', `/teams/${team}`)).status).toBe(404);
    expect((await call('GET', `/teams/${team}`)).status).toBe(404);
  });
});

describe('workspaces and projects', () => {
  test('a workspace by name (exact) and by id, with its project', async () => {
    const byName = await call('GET', '/organizations/acme/workspaces/app-prod');
    expect(byName.status).toBe(200);
    expect(byName.body.data.id).toBe(ws.app);
    expect(byName.body.data.relationships.project.data.id).toBe(prj.core);
    expect((await call('GET', `/workspaces/${ws.app}`)).body.data.attributes.name).toBe('app-prod');
    expect((await call('GET', '/organizations/acme/workspaces/App-Prod')).status).toBe(404);
    expect((await call('GET', '/organizations/other/workspaces/app-prod')).status).toBe(404);
  });

  test('projects by filter[names]: any of a comma list, case-insensitive; by id', async () => {
    emulator.addProject('acme', 'Data');
    const list = await call(
      'GET',
      `/organizations/acme/projects?${new URLSearchParams({ 'filter[names]': 'core infra,data,missing' })}`,
    );
    expect(list.status).toBe(200);
    expect(list.body.data.map((project: any) => project.attributes.name).sort()).toEqual(['Core Infra', 'Data']);
    expect((await call('GET', `/projects/${prj.core}`)).body.data.attributes.name).toBe('Core Infra');
  });
});

describe('access grants and what they allow', () => {
  test('a grant answers 200 (docs) or 201 (OpenAPI, when so configured); a second grant is 422', async () => {
    const team = await newTeam('temp');
    const first = await call('POST', '/team-workspaces', grantBody('team-workspaces', ws.app, team, 'plan'));
    expect(first.status).toBe(200);
    expect(first.body.data.id).toMatch(/^tws-/);
    expect((await call('POST', '/team-workspaces', grantBody('team-workspaces', ws.app, team, 'plan'))).status).toBe(
      422,
    );
    const listed = await call('GET', `/team-workspaces?filter%5Bworkspace%5D%5Bid%5D=${ws.app}`);
    expect(listed.body.data.map((grant: any) => grant.id)).toEqual([first.body.data.id]);
    await emulator.close();
    await start({ grantStatus: 201 });
    const other = await newTeam('temp');
    const project = await call('POST', '/team-projects', grantBody('team-projects', prj.core, other, 'read'));
    expect(project.status).toBe(201);
    expect(project.body.data.id).toMatch(/^tprj-/);
  });

  test('fine-grained attributes need custom; unknown levels are refused', async () => {
    const team = await newTeam('temp');
    expect(
      (await call('POST', '/team-workspaces', grantBody('team-workspaces', ws.app, team, 'read', { runs: 'apply' })))
        .status,
    ).toBe(422);
    expect((await call('POST', '/team-projects', grantBody('team-projects', prj.core, team, 'plan'))).status).toBe(422);
  });

  test('a manage-teams credential creates a secret team but cannot grant it access', async () => {
    const manager = emulator.addCredential({ organization: 'acme', role: 'manage-teams' });
    const created = await call(
      'POST',
      '/organizations/acme/teams',
      teamBody('temp', { visibility: 'secret' }),
      manager,
    );
    expect(created.status).toBe(200);
    const team = created.body.data.id;
    expect(
      (await call('POST', '/team-workspaces', grantBody('team-workspaces', ws.app, team, 'read'), manager)).status,
    ).toBe(404);
    expect(
      (await call('POST', '/team-projects', grantBody('team-projects', prj.core, team, 'read'), manager)).status,
    ).toBe(404);
    expect((await call('DELETE', `/teams/${team}`, undefined, manager)).status).toBe(204);
  });

  test('workspace read: listed workspace 200, unlisted 404, no configuration version, no run', async () => {
    const team = await newTeam('temp');
    await call('POST', '/team-workspaces', grantBody('team-workspaces', ws.app, team, 'read'));
    const { secret } = await teamToken(team);
    expect((await call('GET', `/workspaces/${ws.app}`, undefined, secret)).status).toBe(200);
    expect((await call('GET', `/workspaces/${ws.db}`, undefined, secret)).status).toBe(404);
    expect((await call('GET', '/organizations/acme/workspaces/billing', undefined, secret)).status).toBe(404);
    expect(await startRun(ws.app, secret)).toEqual({ configurationVersion: 404, run: 404 });
  });

  test('workspace plan: configuration versions and runs may be created; permissions say so', async () => {
    const team = await newTeam('temp');
    await call('POST', '/team-workspaces', grantBody('team-workspaces', ws.app, team, 'plan'));
    const { secret } = await teamToken(team);
    const shown = await call('GET', `/workspaces/${ws.app}`, undefined, secret);
    expect(shown.body.data.attributes.permissions['can-queue-run']).toBe(true);
    expect(shown.body.data.attributes.permissions['can-queue-apply']).toBe(false);
    expect(await startRun(ws.app, secret)).toEqual({ configurationVersion: 201, run: 201 });
  });

  test("a project grant covers exactly the project's workspaces, at the implied level", async () => {
    const team = await newTeam('temp');
    await call('POST', '/team-projects', grantBody('team-projects', prj.core, team, 'read'));
    const { secret } = await teamToken(team);
    expect((await call('GET', `/workspaces/${ws.app}`, undefined, secret)).status).toBe(200);
    expect((await call('GET', `/workspaces/${ws.db}`, undefined, secret)).status).toBe(200);
    expect((await call('GET', `/workspaces/${ws.other}`, undefined, secret)).status).toBe(404);
    expect((await call('POST', `/workspaces/${ws.db}/configuration-versions`, {}, secret)).status).toBe(404);
    const writer = await newTeam('writer');
    await call('POST', '/team-projects', grantBody('team-projects', prj.core, writer, 'write'));
    const writerToken = await teamToken(writer);
    expect((await call('POST', `/workspaces/${ws.db}/configuration-versions`, {}, writerToken.secret)).status).toBe(
      201,
    );
  });

  test('organization tokens read every workspace but never create configuration versions', async () => {
    const organizationToken = emulator.addCredential({ organization: 'acme', role: 'organization-token' });
    expect((await call('GET', `/workspaces/${ws.other}`, undefined, organizationToken)).status).toBe(200);
    expect((await call('POST', `/workspaces/${ws.other}/configuration-versions`, {}, organizationToken)).status).toBe(
      404,
    );
  });

  test('organization-level manage-workspaces overrides grants: admin everywhere', async () => {
    const answer = await call(
      'POST',
      '/organizations/acme/teams',
      teamBody('broad', { 'organization-access': { 'manage-workspaces': true } }),
    );
    const { secret } = await teamToken(answer.body.data.id);
    expect((await call('GET', `/workspaces/${ws.other}`, undefined, secret)).status).toBe(200);
  });
});
