import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startWorld, type World } from '../support/steps/world.js';

/** Scoped mode on the bundled action: a temporary team with exactly the listed access, removed with the job. */

let world: World;
let ws: { app: string; db: string; billing: string };
let prj: { core: string; data: string };

async function setUp(options: Parameters<typeof startWorld>[0] = {}): Promise<void> {
  world = await startWorld(options);
  prj = { core: world.emulator.addProject('acme', 'Core Infra'), data: world.emulator.addProject('acme', 'Data') };
  ws = {
    app: world.emulator.addWorkspace('acme', 'app-prod', prj.core),
    db: world.emulator.addWorkspace('acme', 'db-prod', prj.data),
    billing: world.emulator.addWorkspace('acme', 'billing'),
  };
}

beforeEach(() => setUp());
afterEach(() => world.emulator.close());

const scoped = (inputs: Record<string, string>) => ({ organization: 'acme', ...inputs });
const temporaryTeams = () => world.emulator.teams('acme').filter((team) => team.name.startsWith('gha-tfc-scoped-'));
const cv = (workspace: string, secret: string) =>
  world.api(
    'POST',
    `/workspaces/${workspace}/configuration-versions`,
    { data: { type: 'configuration-versions' } },
    secret,
  );

describe('scoped token', () => {
  test('workspaces by name and id: a look-up each, a team, a grant each, a token; post removes both', async () => {
    const main = await world.main(scoped({ workspaces: `app-prod, ${ws.billing}` }));
    expect(errorsOf(main)).toEqual([]);
    expect(main.code).toBe(0);
    const [team] = temporaryTeams();
    expect(team!.visibility).toBe('secret');
    expect(team!.name).toMatch(/^gha-tfc-scoped-\d{8}T\d{6}Z-4242-1-[0-9a-f]{8}$/);
    expect(main.outputs['team-id']).toBe(team!.id);
    expect(main.outputs['team-name']).toBe(team!.name);
    const [minted] = world.emulator.tokens();
    expect(main.outputs['token']).toBe(minted!.secret);
    expect(main.outputs['token-id']).toBe(minted!.id);
    expect(minted!.teamId).toBe(team!.id);
    expect(Date.parse(minted!.expiredAt!) - Date.now()).toBeGreaterThan(6 * 3600_000 - 120_000);
    expect(world.calls()).toEqual([
      'GET /organizations/acme/workspaces/app-prod',
      `GET /workspaces/${ws.billing}`,
      'POST /organizations/acme/teams',
      'POST /team-workspaces',
      'POST /team-workspaces',
      `POST /teams/${team!.id}/authentication-tokens`,
    ]);
    expect(
      world.emulator
        .grants()
        .map(({ targetId, access }) => [targetId, access])
        .sort(),
    ).toEqual(
      [
        [ws.app, 'plan'],
        [ws.billing, 'plan'],
      ].sort(),
    );
    expectClean(main, [minted!.secret, world.credential]);

    const secret = minted!.secret;
    expect((await world.api('GET', `/workspaces/${ws.app}`, undefined, secret)).status).toBe(200);
    expect((await world.api('GET', `/workspaces/${ws.db}`, undefined, secret)).status).toBe(404);
    expect((await cv(ws.app, secret)).status).toBe(201);

    world.emulator.clearRequests();
    const post = await world.post(main, scoped({ workspaces: `app-prod, ${ws.billing}` }));
    expect(post.code).toBe(0);
    // The team is read (to check it is the one this run made) together with the token delete, then deleted.
    const calls = world.calls();
    expect(calls.slice(0, 2).sort()).toEqual([`DELETE /authentication-tokens/${minted!.id}`, `GET /teams/${team!.id}`]);
    expect(calls.slice(2)).toEqual([`DELETE /teams/${team!.id}`]);
    expect(temporaryTeams()).toEqual([]);
    expect(world.emulator.grants()).toEqual([]);
    expect((await world.api('GET', '/account/details', undefined, secret)).status).toBe(401);
    expectClean(post, [secret, world.credential]);
  });

  test(
    'projects: two names in one look-up; read on a project reads its workspaces and cannot create a ' +
      'configuration version',
    async () => {
      const main = await world.main(scoped({ projects: 'Core Infra\nData' }));
      expect(errorsOf(main)).toEqual([]);
      expect(world.calls().filter((call) => call.startsWith('GET'))).toEqual(['GET /organizations/acme/projects']);
      expect(world.emulator.grants().map(({ kind, access }) => `${kind}:${access}`)).toEqual([
        'project:read',
        'project:read',
      ]);
      const secret = main.outputs['token']!;
      expect((await world.api('GET', `/workspaces/${ws.db}`, undefined, secret)).status).toBe(200);
      expect((await world.api('GET', `/workspaces/${ws.billing}`, undefined, secret)).status).toBe(404);
      expect((await cv(ws.db, secret)).status).toBe(404);
      await world.post(main, scoped({ projects: 'Core Infra\nData' }));
      expect(temporaryTeams()).toEqual([]);
    },
  );

  test('workspaces and projects together, with their own access levels', async () => {
    const inputs = scoped({
      workspaces: 'billing',
      'workspace-access': 'read',
      projects: prj.data,
      'project-access': 'write',
    });
    const { main, post } = await world.job(inputs);
    expect(errorsOf(main)).toEqual([]);
    expect(main.summary).toContain('read on workspace billing');
    expect(world.calls()).toContain(`GET /projects/${prj.data}`);
    expect(post.code).toBe(0);
    expect(world.emulator.tokens()).toEqual([]);
    expect(temporaryTeams()).toEqual([]);
  });

  test('a workspace read grant cannot create a configuration version or a run', async () => {
    const main = await world.main(scoped({ workspaces: 'app-prod', 'workspace-access': 'read' }));
    const secret = main.outputs['token']!;
    expect((await world.api('GET', '/organizations/acme/workspaces/app-prod', undefined, secret)).status).toBe(200);
    expect((await cv(ws.app, secret)).status).toBe(404);
    const run = { data: { type: 'runs', relationships: { workspace: { data: { type: 'workspaces', id: ws.app } } } } };
    expect((await world.api('POST', '/runs', run, secret)).status).toBe(404);
    await world.post(main, scoped({ workspaces: 'app-prod' }));
  });

  test('grants answered 201 (the OpenAPI description) work as well as 200', async () => {
    await world.emulator.close();
    await setUp({ grantStatus: 201 });
    const { main } = await world.job(scoped({ workspaces: 'app-prod', projects: 'Data' }));
    expect(errorsOf(main)).toEqual([]);
    expect(temporaryTeams()).toEqual([]);
  });
});

describe('nothing is created when it cannot work', () => {
  test('unknown workspaces and projects: one error naming each, no POST', async () => {
    const main = await world.main(
      scoped({ workspaces: 'app-prod,nope-1,ws-AAAAAAAAAAAAAAAA', projects: 'Ghost, Data' }),
    );
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    const [error] = errorsOf(main);
    for (const name of ['workspace "nope-1"', 'workspace "ws-AAAAAAAAAAAAAAAA"', 'project "Ghost"'])
      expect(error).toContain(name);
    expect(error).not.toContain('"app-prod"');
    expect(world.calls().filter((call) => !call.startsWith('GET'))).toEqual([]);
    expect(temporaryTeams()).toEqual([]);
  });

  test('a name and the id of the same workspace: refused before anything is created', async () => {
    const main = await world.main(scoped({ workspaces: `app-prod,${ws.app}` }));
    expect(errorsOf(main)[0]).toContain('listed twice');
    expect(world.calls().filter((call) => !call.startsWith('GET'))).toEqual([]);
  });

  test('an organization without team management: the entitlement set says so', async () => {
    world.emulator.setEntitlements('acme', { teams: false });
    const main = await world.main(scoped({ workspaces: 'app-prod' }));
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain('no team management on its plan');
    expect(world.calls().slice(-2)).toEqual([
      'POST /organizations/acme/teams',
      'GET /organizations/acme/entitlement-set',
    ]);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('a credential that may not create teams is told what it needs', async () => {
    const member = world.emulator.addCredential({ organization: 'acme', role: 'member' });
    const team = world.emulator.addTeam('acme', 'app-admins');
    await world.api('POST', '/team-workspaces', {
      data: {
        type: 'team-workspaces',
        attributes: { access: 'admin' },
        relationships: { workspace: { data: { id: ws.app } }, team: { data: { id: team } } },
      },
    });
    const memberInTeam = world.emulator.addCredential({ organization: 'acme', role: 'member', teams: [team] });
    void member;
    const main = await world.main(scoped({ workspaces: 'app-prod', 'api-token': memberInTeam }));
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain('may not create teams');
    expect(temporaryTeams()).toEqual([]);
  });
});

describe('failures after the team exists', () => {
  test('may create teams but not grant access: the missing permission named, the team removed', async () => {
    const admins = world.emulator.addTeam('acme', 'app-admins');
    await world.api('POST', '/team-workspaces', {
      data: {
        type: 'team-workspaces',
        attributes: { access: 'admin' },
        relationships: { workspace: { data: { id: ws.app } }, team: { data: { id: admins } } },
      },
    });
    const manager = world.emulator.addCredential({ organization: 'acme', role: 'manage-teams', teams: [admins] });
    const { main, post } = await world.job(scoped({ workspaces: 'app-prod', 'api-token': manager }));
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain('may not grant it access to workspace "app-prod"');
    expect(errorsOf(main)[0]).toContain('organization owner');
    expect(errorsOf(main)[0]).toContain('was removed again');
    // The token create went out with the grant: the token it made is deleted by its id, then the team.
    const calls = world.calls();
    expect(calls.slice(-4, -2)).toEqual(
      expect.arrayContaining([
        'POST /team-workspaces',
        expect.stringMatching(/^POST \/teams\/team-.*\/authentication-tokens$/),
      ]),
    );
    expect(calls.slice(-2)).toEqual([
      expect.stringMatching(/^DELETE \/authentication-tokens\/at-/),
      expect.stringMatching(/^DELETE \/teams\/team-/),
    ]);
    expect(temporaryTeams()).toEqual([]);
    expect(world.emulator.tokens()).toEqual([]);
    expect(post.stdout).toContain('Nothing to clean up');
    expectClean(main, [manager]);
  });

  test('a grant failing on the second project: team removed, nothing left', async () => {
    world.emulator.inject({
      method: 'POST',
      path: '/api/v2/team-projects',
      skip: 1,
      fault: { kind: 'status', status: 422, body: '{"errors":[{"status":"422","title":"invalid attribute"}]}' },
    });
    const { main, post } = await world.job(scoped({ projects: 'Core Infra,Data' }));
    expect(main.code).toBe(1);
    expect(errorsOf(main)[0]).toContain('answered 422');
    expect(temporaryTeams()).toEqual([]);
    expect(world.emulator.grants()).toEqual([]);
    expect(world.emulator.tokens()).toEqual([]);
    expect(post.code).toBe(0);
  });

  test('an ambiguous team create is reconciled by name, never repeated blindly', async () => {
    world.emulator.inject({ method: 'POST', path: '/api/v2/organizations/acme/teams', fault: { kind: 'reset-after' } });
    const main = await world.main(scoped({ workspaces: 'app-prod' }));
    expect(errorsOf(main)).toEqual([]);
    expect(world.calls().filter((call) => call.includes('/teams'))).toEqual([
      'POST /organizations/acme/teams',
      'GET /organizations/acme/teams',
      expect.stringMatching(/^POST \/teams\/team-.*\/authentication-tokens$/),
    ]);
    expect(temporaryTeams()).toHaveLength(1);
    expect(main.outputs['team-id']).toBe(temporaryTeams()[0]!.id);
    await world.post(main, scoped({ workspaces: 'app-prod' }));
    expect(temporaryTeams()).toEqual([]);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('a team create lost before it reached the server: looked up, then created once', async () => {
    world.emulator.inject({
      method: 'POST',
      path: '/api/v2/organizations/acme/teams',
      fault: { kind: 'status', status: 502, body: 'bad gateway', contentType: 'text/plain' },
    });
    const { main } = await world.job(scoped({ workspaces: 'app-prod' }));
    expect(errorsOf(main)).toEqual([]);
    expect(world.calls().filter((call) => call.endsWith('/organizations/acme/teams'))).toEqual([
      'POST /organizations/acme/teams',
      'GET /organizations/acme/teams',
      'POST /organizations/acme/teams',
    ]);
    expect(temporaryTeams()).toEqual([]);
  });

  test('SIGKILL during main, then post: nothing left', async () => {
    world.emulator.inject({ method: 'POST', path: /\/authentication-tokens$/, fault: { kind: 'hang' } });
    const main = await world.main(scoped({ workspaces: 'app-prod,billing' }), { timeoutMs: 4000 });
    expect(main.code).toBeNull();
    expect(temporaryTeams()).toHaveLength(1);
    const post = await world.post(main, scoped({ workspaces: 'app-prod,billing' }));
    expect(post.code).toBe(0);
    expect(temporaryTeams()).toEqual([]);
    expect(world.emulator.grants()).toEqual([]);
    expect(world.emulator.tokens()).toEqual([]);
  }, 20_000);

  test('SIGKILL while the team create hangs: the post step finds the team by its saved name', async () => {
    world.emulator.inject({ method: 'POST', path: '/api/v2/organizations/acme/teams', fault: { kind: 'hang' } });
    const main = await world.main(scoped({ workspaces: 'app-prod' }), { timeoutMs: 4000 });
    expect(main.code).toBeNull();
    // The request never acted; create the team the way a server that processed it late would have.
    const name = JSON.parse(main.state['cleanup']!).records[0].teamName as string;
    const late = await world.api('POST', '/organizations/acme/teams', {
      data: { type: 'teams', attributes: { name, visibility: 'secret' } },
    });
    expect(late.status).toBe(200);
    const post = await world.post(main, scoped({ workspaces: 'app-prod' }));
    expect(post.code).toBe(0);
    expect(world.calls().slice(-2)).toEqual(['GET /organizations/acme/teams', `DELETE /teams/${late.body.data.id}`]);
    expect(temporaryTeams()).toEqual([]);
  }, 20_000);
});

describe('input errors: one error naming the input, no request', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['with team-id', { workspaces: 'app-prod', 'team-id': 'team-6p5jTwJQXwqZBncC' }, 'team-id'],
    ['with team-name', { projects: 'Data', 'team-name': 'platform' }, 'team-name'],
    ['with legacy-team-token', { workspaces: 'app-prod', 'legacy-team-token': 'true' }, 'legacy-team-token'],
    ['with replace-existing', { workspaces: 'app-prod', 'replace-existing': 'true' }, 'replace-existing'],
    ['with ephemeral false', { workspaces: 'app-prod', ephemeral: 'false' }, 'ephemeral'],
    ['without organization', { workspaces: 'app-prod', organization: '' }, 'organization'],
    ['for an organization token', { workspaces: 'app-prod', 'token-type': 'organization' }, 'workspaces'],
    ['in mode list', { projects: 'Data', mode: 'list' }, 'projects'],
    ['in mode sweep', { 'workspace-access': 'read', mode: 'sweep' }, 'workspace-access'],
    ['a workspace listed twice', { workspaces: 'app-prod\napp-prod' }, 'workspaces'],
    ['a project listed twice in another case', { projects: 'Data,data' }, 'projects'],
    ['an empty item', { workspaces: 'app-prod,,billing' }, 'workspaces'],
    ['a bad workspace name', { workspaces: 'app prod' }, 'workspaces'],
    ['a bad project name', { projects: 'x' }, 'projects'],
    ['an unknown workspace access', { workspaces: 'app-prod', 'workspace-access': 'custom' }, 'workspace-access'],
    ['plan on a project', { projects: 'Data', 'project-access': 'plan' }, 'project-access'],
    ['workspace-access without workspaces', { projects: 'Data', 'workspace-access': 'read' }, 'workspace-access'],
    [
      'project-access with a team-id token',
      { 'team-id': 'team-6p5jTwJQXwqZBncC', 'project-access': 'read' },
      'project-access',
    ],
    ['HCP Europe', { workspaces: 'app-prod', hostname: 'app.eu.terraform.io' }, 'hostname'],
  ];

  test.each(cases)('%s', async (_, inputs, input) => {
    const main = await world.main({ organization: 'acme', ...inputs });
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain(`Input "${input}"`);
    expect(world.emulator.requests()).toEqual([]);
    expectClean(main, [world.credential]);
  });
});

describe('mode: sweep and temporary teams', () => {
  const scopedName = (at: Date, suffix: string) =>
    `gha-tfc-scoped-${at
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replace(/[-:]/g, '')}-77-1-${suffix}`;
  const makeTeam = async (name: string, visibility = 'secret') => {
    const answer = await world.api('POST', '/organizations/acme/teams', {
      data: { type: 'teams', attributes: { name, visibility } },
    });
    expect(answer.status).toBe(200);
    return answer.body.data.id as string;
  };

  test('removes an orphaned temporary team older than older-than, and no other team', async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const orphan = await makeTeam(scopedName(twoDaysAgo, 'aaaaaaaa'));
    const recent = await makeTeam(scopedName(new Date(Date.now() - 3600_000), 'bbbbbbbb'));
    const visible = await makeTeam(scopedName(twoDaysAgo, 'cccccccc'), 'organization');
    const withMembers = await makeTeam(scopedName(twoDaysAgo, 'dddddddd'));
    world.emulator.addCredential({ organization: 'acme', role: 'member', teams: [withMembers] });
    const lookalike = await makeTeam('gha-tfc-scoped-by-hand');
    const before = world.emulator.teams('acme').map((team) => team.id);

    const dry = await world.main({ mode: 'sweep', organization: 'acme', 'dry-run': 'true' });
    expect(errorsOf(dry)).toEqual([]);
    expect(dry.outputs['deleted-team-ids']).toBe('[]');
    expect(dry.stdout).toContain(`Would delete the temporary team ${scopedName(twoDaysAgo, 'aaaaaaaa')} (${orphan})`);
    expect(world.emulator.teams('acme').map((team) => team.id)).toEqual(before);

    const main = await world.main({ mode: 'sweep', organization: 'acme' });
    expect(errorsOf(main)).toEqual([]);
    expect(JSON.parse(main.outputs['deleted-team-ids']!)).toEqual([orphan]);
    expect(main.outputs['deleted-ids']).toBe('[]');
    expect(
      world.emulator
        .teams('acme')
        .map((team) => team.id)
        .sort(),
    ).toEqual(before.filter((id) => id !== orphan).sort());
    for (const kept of [recent, visible, withMembers, lookalike, world.teamId])
      expect(world.emulator.teams('acme').some((team) => team.id === kept)).toBe(true);
    expectClean(main, [world.credential]);
  });
});

describe('the owners warning', () => {
  test('a token for the team named owners warns and points to scoped mode; other teams do not', async () => {
    world.emulator.addTeam('acme', 'owners', { owners: true, visibility: 'secret' });
    const owners = await world.main({ 'team-name': 'owners', organization: 'acme' });
    expect(owners.code).toBe(0);
    expect(owners.stdout).toMatch(
      /::warning::This token belongs to the "owners" team: it has full administrative access.*scoped mode/,
    );
    expectClean(owners, [owners.outputs['token'], world.credential]);
    const platform = await world.main({ 'team-name': 'platform', organization: 'acme' });
    expect(platform.stdout).not.toContain('"owners" team');
  });
});

describe('an ambiguous token create', () => {
  test('a create that acted, then the team delete refused: the post step still removes the team', async () => {
    world.emulator.inject({
      method: 'POST',
      path: /\/authentication-tokens$/,
      times: Infinity,
      fault: { kind: 'reset-after' },
    });
    world.emulator.inject({
      method: 'DELETE',
      path: /^\/api\/v2\/teams\/team-/,
      fault: { kind: 'status', status: 403 },
    });
    const { main, post } = await world.job(scoped({ workspaces: 'app-prod' }));
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toMatch(/is still there; the post step tries to remove it/);
    expect(world.emulator.tokens()).toEqual([]);
    expect(post.code).toBe(0);
    expect(post.stdout).not.toContain('Nothing to clean up');
    expect(temporaryTeams()).toEqual([]);
    expectClean(main, [...world.emulator.mintedSecrets(), world.credential]);
  });

  test('the orphan is found by its nonce and deleted, a fresh create succeeds; post removes both', async () => {
    world.emulator.inject({ method: 'POST', path: /\/authentication-tokens$/, fault: { kind: 'reset-after' } });
    const main = await world.main(scoped({ workspaces: 'app-prod' }));
    expect(errorsOf(main)).toEqual([]);
    expect(main.code).toBe(0);
    expect(world.calls().slice(-4)).toEqual([
      expect.stringMatching(/^POST \/teams\/team-.*\/authentication-tokens$/),
      'GET /organizations/acme/team-tokens',
      expect.stringMatching(/^DELETE \/authentication-tokens\/at-/),
      expect.stringMatching(/^POST \/teams\/team-.*\/authentication-tokens$/),
    ]);
    expect(world.emulator.tokens().map((token) => token.id)).toEqual([main.outputs['token-id']]);
    expect(temporaryTeams()).toHaveLength(1);
    const post = await world.post(main, scoped({ workspaces: 'app-prod' }));
    expect(post.code).toBe(0);
    expect(world.emulator.tokens()).toEqual([]);
    expect(temporaryTeams()).toEqual([]);
    expectClean(main, [...world.emulator.mintedSecrets(), world.credential]);
  });

  test('a create that keeps failing after it acted: each orphan deleted, then the team; nothing left', async () => {
    world.emulator.inject({
      method: 'POST',
      path: /\/authentication-tokens$/,
      times: Infinity,
      fault: { kind: 'reset-after' },
    });
    const { main, post } = await world.job(scoped({ workspaces: 'app-prod' }));
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain('was removed again');
    expect(world.calls().slice(-3)).toEqual([
      'GET /organizations/acme/team-tokens',
      expect.stringMatching(/^DELETE \/authentication-tokens\/at-/),
      expect.stringMatching(/^DELETE \/teams\/team-/),
    ]);
    expect(world.emulator.tokens()).toEqual([]);
    expect(temporaryTeams()).toEqual([]);
    expect(post.stdout).toContain('Nothing to clean up');
    expectClean(main, [...world.emulator.mintedSecrets(), world.credential]);
  });
});
