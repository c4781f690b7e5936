import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { Emulator, type EmulatorOptions } from '../server.js';
import { makeTestTls } from '../tls.js';
import { callEmulator, JSON_API, type ApiAnswer } from '../../__tests__/support/steps/emulator-call.js';

const tls = await makeTestTls();
const SECRET = /^[0-9A-Za-z]{14}\.atlasv1\.[0-9A-Za-z]{67}$/;
const DAY = 86_400_000;
const START = Date.parse('2026-03-01T12:00:00.000Z');

let emulator: Emulator;
let clock: number;
let owner: string;
let teams: { platform: string; data: string; hidden: string; owners: string; managers: string };

async function start(options: Partial<EmulatorOptions> = {}): Promise<void> {
  clock = START;
  emulator = await Emulator.start({ tls, now: () => clock, ...options });
  emulator.addOrganization('acme');
  emulator.addOrganization('other');
  teams = {
    owners: emulator.addTeam('acme', 'owners', { owners: true, visibility: 'secret' }),
    platform: emulator.addTeam('acme', 'platform'),
    data: emulator.addTeam('acme', 'data-eng'),
    hidden: emulator.addTeam('acme', 'hidden-ops', { visibility: 'secret' }),
    managers: emulator.addTeam('acme', 'managers', { manageTeams: true }),
  };
  owner = emulator.addCredential({ organization: 'acme', role: 'owner' });
}

async function restart(options: Partial<EmulatorOptions>): Promise<void> {
  await emulator.close();
  await start(options);
}

beforeEach(() => start());
afterEach(() => emulator.close());

interface CallOptions {
  bearer?: string | null;
  body?: unknown;
  contentType?: string | null;
}

/** As the owner unless told; a GET carries no Content-Type unless told. */
function call(method: string, path: string, options: CallOptions = {}): Promise<ApiAnswer> {
  const { bearer = owner, contentType = method === 'GET' ? null : JSON_API } = options;
  return callEmulator(emulator, tls, { method, path, body: options.body, bearer, contentType });
}

function teamToken(description: string | null, expiredAt?: string | null) {
  const attributes: Record<string, unknown> = { description };
  if (expiredAt !== undefined) attributes['expired-at'] = expiredAt;
  return { data: { type: 'authentication-tokens', attributes } };
}

function singular(expiredAt?: string) {
  return { data: { type: 'authentication-token', attributes: expiredAt ? { 'expired-at': expiredAt } : {} } };
}

async function mint(
  team: string,
  description: string,
  expiredAt?: string | null,
  bearer = owner,
): Promise<{ id: string; secret: string }> {
  const answer = await call('POST', `/teams/${team}/authentication-tokens`, {
    body: teamToken(description, expiredAt),
    bearer,
  });
  expect(answer.status).toBe(201);
  return { id: answer.body.data.id, secret: answer.body.data.attributes.token };
}

const inDays = (days: number) => new Date(clock + days * DAY).toISOString();

describe('conventions', () => {
  test('ping needs no credential and names the platform', async () => {
    const hcp = await call('GET', '/ping', { bearer: null });
    expect(hcp.status).toBe(204);
    expect(hcp.headers['tfp-api-version']).toBe('2.5');
    expect(hcp.headers['tfp-appname']).toBe('HCP Terraform');
    expect(hcp.headers['x-tfe-current-version']).toBeUndefined();
    expect(hcp.headers['x-ratelimit-limit']).toBe('30');

    await restart({ platform: 'tfe', tfeVersion: '1.1.0' });
    const tfe = await call('GET', '/ping', { bearer: 'not-a-token' });
    expect(tfe.status).toBe(204);
    expect(tfe.headers['tfp-appname']).toBe('Terraform Enterprise');
    expect(tfe.headers['x-tfe-current-version']).toBe('1.1.0');
  });

  test('401 for an absent, unknown, revoked or expired credential, and for agent tokens', async () => {
    const expected = { errors: [{ status: '401', title: 'unauthorized', detail: expect.any(String) }] };
    expect((await call('GET', `/teams/${teams.platform}`, { bearer: null })).body).toEqual(expected);
    const unknown = await call('GET', `/teams/${teams.platform}`, { bearer: 'AAAAAAAAAAAAAA.atlasv1.nope' });
    expect(unknown.status).toBe(401);
    expect(unknown.headers['content-type']).toBe(JSON_API);

    const revoked = await mint(teams.platform, 'revoked');
    expect((await call('DELETE', `/authentication-tokens/${revoked.id}`)).status).toBe(204);
    expect((await call('GET', '/account/details', { bearer: revoked.secret })).status).toBe(401);

    const expiring = await mint(teams.platform, 'expiring', inDays(1));
    expect((await call('GET', '/account/details', { bearer: expiring.secret })).status).toBe(200);
    clock += DAY;
    expect((await call('GET', '/account/details', { bearer: expiring.secret })).status).toBe(401);

    const pool = emulator.addAgentPool('acme', 'agents');
    const agent = await call('POST', `/agent-pools/${pool}/authentication-tokens`, { body: teamToken('agent') });
    expect((await call('GET', '/account/details', { bearer: agent.body.data.attributes.token })).status).toBe(401);
  });

  test('404 JSON:API error for unknown routes and for another organization', async () => {
    const unknown = await call('GET', '/no/such/route');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ errors: [{ status: '404', title: 'not found' }] });
    expect((await call('GET', '/organizations/other/teams')).status).toBe(404);
    expect((await call('GET', '/organizations/nowhere/teams')).status).toBe(404);
    const outsider = emulator.addCredential({ organization: 'other', role: 'owner' });
    expect((await call('GET', `/teams/${teams.platform}`, { bearer: outsider })).status).toBe(404);
    expect(
      (await call('POST', `/teams/${teams.platform}/authentication-tokens`, { bearer: outsider, body: teamToken('x') }))
        .status,
    ).toBe(404);
  });

  test('415 for a mutating request without the JSON:API content type, DELETE without a body included', async () => {
    const created = await mint(teams.platform, 'kept');
    const post = await call('POST', `/teams/${teams.platform}/authentication-tokens`, {
      body: teamToken('x'),
      contentType: 'application/json',
    });
    expect(post.status).toBe(415);
    expect(post.body.errors[0].status).toBe('415');
    expect((await call('DELETE', `/authentication-tokens/${created.id}`, { contentType: null })).status).toBe(415);
    expect(emulator.tokens().map((token) => token.description)).toEqual(['kept']);
  });

  test('account details: the authenticated resource, with links.auth-token for minted tokens', async () => {
    const user = await call('GET', '/account/details');
    expect(user.body.data.type).toBe('users');
    expect(user.body.data.relationships['authenticated-resource'].data.type).toBe('users');
    expect(user.body.data.links['auth-token']).toBeUndefined();

    const minted = await mint(teams.platform, 'ci');
    const team = await call('GET', '/account/details', { bearer: minted.secret });
    expect(team.body.data.relationships['authenticated-resource'].data).toEqual({
      id: teams.platform,
      type: 'teams',
    });
    expect(team.body.data.links['auth-token']).toBe(`/api/v2/authentication-tokens/${minted.id}`);
    expect(emulator.tokens()[0]!.lastUsedAt).toBe(new Date(clock).toISOString());

    await restart({ platform: 'tfe', tfeVersion: '2.0.0' });
    const old = await mint(teams.platform, 'ci');
    expect(
      (await call('GET', '/account/details', { bearer: old.secret })).body.data.links['auth-token'],
    ).toBeUndefined();
  });
});

describe('multiple team tokens', () => {
  test('create, show, delete', async () => {
    const expiredAt = new Date(clock + 3_600_000).toISOString();
    const created = await call('POST', `/teams/${teams.platform}/authentication-tokens`, {
      body: teamToken('run 1', expiredAt),
    });
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toBe(JSON_API);
    const { data } = created.body;
    expect(data.id).toMatch(/^at-[0-9A-Za-z]{16}$/);
    expect(data.type).toBe('authentication-tokens');
    expect(data.attributes).toEqual({
      'created-at': new Date(clock).toISOString(),
      'last-used-at': null,
      description: 'run 1',
      token: expect.stringMatching(SECRET),
      'expired-at': expiredAt,
    });
    expect(data.relationships.team.data).toEqual({ id: teams.platform, type: 'teams' });
    expect(data.relationships['created-by'].data.type).toBe('users');
    expect(emulator.tokens()).toEqual([
      {
        id: data.id,
        kind: 'team',
        organization: 'acme',
        teamId: teams.platform,
        agentPoolId: null,
        description: 'run 1',
        createdAt: data.attributes['created-at'],
        expiredAt,
        lastUsedAt: null,
        secret: data.attributes.token,
      },
    ]);

    const shown = await call('GET', `/authentication-tokens/${data.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.data).toEqual({ ...data, attributes: { ...data.attributes, token: null } });

    expect((await call('DELETE', `/authentication-tokens/${data.id}`)).status).toBe(204);
    expect((await call('GET', `/authentication-tokens/${data.id}`)).status).toBe(404);
    expect((await call('DELETE', `/authentication-tokens/${data.id}`)).status).toBe(404);
    expect(emulator.tokens()).toEqual([]);
  });

  test('descriptions are unique within a team only', async () => {
    await mint(teams.platform, 'same');
    const duplicate = await call('POST', `/teams/${teams.platform}/authentication-tokens`, { body: teamToken('same') });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors[0]).toMatchObject({
      status: '422',
      title: 'invalid attributes',
      detail: 'Validation failed: Description has already been taken',
    });
    await mint(teams.data, 'same');
    expect(emulator.tokens()).toHaveLength(2);
  });

  test('422 for a missing description and for a past, present or malformed expiry', async () => {
    const post = (body: unknown) => call('POST', `/teams/${teams.platform}/authentication-tokens`, { body });
    expect((await post(teamToken(null))).status).toBe(422);
    expect((await post({ data: { type: 'authentication-tokens', attributes: {} } })).status).toBe(422);
    for (const expiredAt of [
      new Date(clock - 1000).toISOString(),
      new Date(clock).toISOString(),
      'tomorrow',
      '2030-01-01',
      1_900_000_000,
    ]) {
      const answer = await post(teamToken('x', expiredAt as string));
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0].source.pointer).toBe('/data/attributes/expired-at');
    }
    expect(emulator.tokens()).toEqual([]);
  });

  test('an omitted expiry is two years on HCP Terraform and never on TFE before 2.0.0', async () => {
    await mint(teams.platform, 'default', null);
    expect(emulator.tokens()[0]!.expiredAt).toBe('2028-03-01T12:00:00.000Z');
    await restart({ platform: 'tfe', tfeVersion: '1.1.0' });
    await mint(teams.platform, 'default');
    expect(emulator.tokens()[0]!.expiredAt).toBeNull();
  });

  test('TFE before 1.1.0: the create path is 404 while the team stays readable', async () => {
    await restart({ platform: 'tfe', tfeVersion: '1.0.2', multipleTeamTokens: false });
    expect(
      (await call('POST', `/teams/${teams.platform}/authentication-tokens`, { body: teamToken('x') })).status,
    ).toBe(404);
    expect((await call('GET', `/teams/${teams.platform}`)).status).toBe(200);
  });

  test('team tokens as credentials: owners and manage-teams teams manage tokens, plain teams not', async () => {
    const plain = await mint(teams.platform, 'plain');
    expect((await call('GET', `/teams/${teams.platform}`, { bearer: plain.secret })).status).toBe(200);
    expect(
      (
        await call('POST', `/teams/${teams.platform}/authentication-tokens`, {
          bearer: plain.secret,
          body: teamToken('self'),
        })
      ).status,
    ).toBe(404);
    expect((await call('GET', `/teams/${teams.hidden}`, { bearer: plain.secret })).status).toBe(404);

    const manager = await mint(teams.managers, 'manager');
    const byManager = await mint(teams.hidden, 'by manager', undefined, manager.secret);
    expect(
      (await call('GET', `/authentication-tokens/${byManager.id}`, { bearer: manager.secret })).body.data.relationships[
        'created-by'
      ].data,
    ).toEqual({ id: teams.managers, type: 'teams' });
    const ownersToken = await mint(teams.owners, 'owners');
    expect(
      (
        await call('POST', '/organizations/acme/authentication-token', {
          bearer: ownersToken.secret,
          body: singular(),
        })
      ).status,
    ).toBe(201);
    expect(
      (await call('POST', '/organizations/acme/authentication-token', { bearer: manager.secret, body: singular() }))
        .status,
    ).toBe(404);
  });
});

describe('user tokens', () => {
  test('a user makes tokens for itself only; they act as the user and only the user sees them', async () => {
    const me = (await call('GET', '/account/details')).body.data.id as string;
    const body = { data: { type: 'authentication-tokens', attributes: { description: 'laptop' } } };
    const created = await call('POST', `/users/${me}/authentication-tokens`, { body });
    expect(created.status).toBe(201);
    const { id, attributes } = created.body.data;
    expect(created.body.data.relationships.team).toBeUndefined();
    // it authenticates as its user, with the user's rights
    const account = await call('GET', '/account/details', { bearer: attributes.token });
    expect(account.body.data.id).toBe(me);
    expect(account.body.data.links['auth-token']).toBe(`/api/v2/authentication-tokens/${id}`);
    expect((await call('GET', '/organizations/acme/team-tokens', { bearer: attributes.token })).status).toBe(200);
    // nobody else sees it or makes tokens for that user, not even a manager team
    const manager = await mint(teams.managers, 'manager');
    expect((await call('GET', `/authentication-tokens/${id}`, { bearer: manager.secret })).status).toBe(404);
    expect((await call('POST', `/users/${me}/authentication-tokens`, { body, bearer: manager.secret })).status).toBe(
      404,
    );
    expect((await call('GET', `/authentication-tokens/${id}`)).status).toBe(200);
    // revoked, it is refused at once
    expect((await call('DELETE', `/authentication-tokens/${id}`)).status).toBe(204);
    expect((await call('GET', '/account/details', { bearer: attributes.token })).status).toBe(401);
  });

  test('a team token deletes itself when its team may manage team tokens, and is refused from then on', async () => {
    const manager = await mint(teams.managers, 'self');
    expect((await call('DELETE', `/authentication-tokens/${manager.id}`, { bearer: manager.secret })).status).toBe(204);
    expect((await call('GET', '/account/details', { bearer: manager.secret })).status).toBe(401);
  });
});

describe('legacy team token', () => {
  test('a new legacy token revokes the previous one; described tokens survive', async () => {
    const described = await mint(teams.platform, 'described');
    const first = await call('POST', `/teams/${teams.platform}/authentication-token`, { body: singular() });
    expect(first.status).toBe(201);
    expect(first.body.data.attributes.description).toBeNull();
    expect(first.body.data.attributes.token).toMatch(SECRET);
    const second = await call('POST', `/teams/${teams.platform}/authentication-token`, { body: singular(inDays(1)) });
    expect(second.body.data.attributes['expired-at']).toBe(inDays(1));

    expect((await call('GET', '/account/details', { bearer: first.body.data.attributes.token })).status).toBe(401);
    expect((await call('GET', '/account/details', { bearer: second.body.data.attributes.token })).status).toBe(200);
    expect((await call('GET', '/account/details', { bearer: described.secret })).status).toBe(200);
    expect(emulator.tokens().map((token) => token.kind)).toEqual(['team', 'team-legacy']);

    const shown = await call('GET', `/teams/${teams.platform}/authentication-token`);
    expect(shown.body.data).toMatchObject({ id: second.body.data.id, attributes: { token: null, description: null } });
    expect((await call('DELETE', `/teams/${teams.platform}/authentication-token`)).status).toBe(204);
    expect((await call('GET', `/teams/${teams.platform}/authentication-token`)).status).toBe(404);
    expect((await call('DELETE', `/teams/${teams.platform}/authentication-token`)).status).toBe(404);
    expect(emulator.tokens().map((token) => token.id)).toEqual([described.id]);
  });

  test('a body is optional and a past expiry is refused', async () => {
    expect((await call('POST', `/teams/${teams.platform}/authentication-token`)).status).toBe(201);
    expect(
      (await call('POST', `/teams/${teams.platform}/authentication-token`, { body: singular(inDays(-1)) })).status,
    ).toBe(422);
  });
});

describe('organization and audit-trail tokens', () => {
  test('one organization token: POST replaces, GET shows, DELETE deletes; owners and itself only', async () => {
    const first = await call('POST', '/organizations/acme/authentication-token', { body: singular() });
    expect(first.status).toBe(201);
    expect(first.body.data.relationships.team).toBeUndefined();
    const orgSecret = first.body.data.attributes.token;
    const second = await call('POST', '/organizations/acme/authentication-token', {
      bearer: orgSecret,
      body: singular(),
    });
    expect(second.status).toBe(201);
    expect((await call('GET', '/account/details', { bearer: orgSecret })).status).toBe(401);
    const current = second.body.data.attributes.token;
    expect(
      (await call('GET', '/account/details', { bearer: current })).body.data.relationships['authenticated-resource']
        .data,
    ).toEqual({ id: 'acme', type: 'organizations' });
    expect((await call('GET', '/organizations/acme/team-tokens', { bearer: current })).status).toBe(200);

    const member = emulator.addCredential({ organization: 'acme', role: 'member', teams: [teams.platform] });
    expect((await call('GET', '/organizations/acme/authentication-token', { bearer: member })).status).toBe(404);
    expect((await call('GET', '/organizations/acme/authentication-token')).body.data).toMatchObject({
      id: second.body.data.id,
      attributes: { token: null },
    });
    expect((await call('DELETE', '/organizations/acme/authentication-token')).status).toBe(204);
    expect((await call('GET', '/organizations/acme/authentication-token')).status).toBe(404);
    expect((await call('DELETE', '/organizations/acme/authentication-token')).status).toBe(404);
  });

  test('HCP Terraform keeps the audit-trail token apart; it cannot call the API', async () => {
    const organization = await call('POST', '/organizations/acme/authentication-token', { body: singular() });
    const audit = await call('POST', '/organizations/acme/authentication-token?token=audit-trails', {
      body: singular(),
    });
    expect(audit.status).toBe(201);
    expect(emulator.tokens().map((token) => token.kind)).toEqual(['organization', 'audit-trail']);
    expect((await call('GET', '/account/details', { bearer: audit.body.data.attributes.token })).status).toBe(401);
    expect((await call('DELETE', '/organizations/acme/authentication-token?token=audit-trails')).status).toBe(204);
    expect(emulator.tokens().map((token) => token.id)).toEqual([organization.body.data.id]);
  });

  test('Terraform Enterprise ignores ?token=audit-trails and acts on the organization token', async () => {
    await restart({ platform: 'tfe' });
    const organization = await call('POST', '/organizations/acme/authentication-token', { body: singular() });
    expect((await call('GET', '/organizations/acme/authentication-token?token=audit-trails')).body.data.id).toBe(
      organization.body.data.id,
    );
    const replaced = await call('POST', '/organizations/acme/authentication-token?token=audit-trails', {
      body: singular(),
    });
    expect(emulator.tokens().map((token) => [token.id, token.kind])).toEqual([[replaced.body.data.id, 'organization']]);
    expect((await call('DELETE', '/organizations/acme/authentication-token?token=audit-trails')).status).toBe(204);
    expect(emulator.tokens()).toEqual([]);
  });
});

describe('teams and permissions', () => {
  test('team look-up by names (any case, comma list) and by q; attributes', async () => {
    const byName = await call('GET', '/organizations/acme/teams?filter%5Bnames%5D=PLATFORM,data-eng');
    expect(byName.body.data.map((team: any) => team.attributes.name)).toEqual(['platform', 'data-eng']);
    const team = byName.body.data[0];
    expect(team).toMatchObject({
      id: teams.platform,
      type: 'teams',
      attributes: {
        name: 'platform',
        'users-count': 0,
        visibility: 'organization',
        'allow-member-token-management': true,
        permissions: {
          'can-update-api-token': true,
          'can-view-api-token': true,
          'can-destroy': true,
          'can-update-membership': true,
          'can-update-organization-access': true,
        },
        'organization-access': { 'manage-teams': false },
      },
      links: { self: `/api/v2/teams/${teams.platform}` },
    });
    const search = await call('GET', '/organizations/acme/teams?q=OPS');
    expect(search.body.data.map((entry: any) => entry.id)).toEqual([teams.hidden]);
    const owners = await call('GET', `/teams/${teams.owners}`);
    expect(owners.body.data.attributes['users-count']).toBe(1);
    expect(owners.body.data.attributes['organization-access']['manage-teams']).toBe(true);
  });

  test("a member sees visible and its own secret teams, and manages only its own teams' tokens", async () => {
    const locked = emulator.addTeam('acme', 'locked', { allowMemberTokenManagement: false });
    const member = emulator.addCredential({
      organization: 'acme',
      role: 'member',
      teams: [teams.platform, teams.hidden, locked],
    });
    const other = emulator.addCredential({ organization: 'acme', role: 'member', teams: [teams.data] });
    const visible = await call('GET', '/organizations/acme/teams', { bearer: other });
    expect(visible.body.data.map((team: any) => team.attributes.name)).toEqual([
      'platform',
      'data-eng',
      'managers',
      'locked',
    ]);
    expect((await call('GET', `/teams/${teams.hidden}`, { bearer: other })).status).toBe(404);
    expect((await call('GET', `/teams/${teams.hidden}`, { bearer: member })).status).toBe(200);
    expect(
      (await call('GET', `/teams/${teams.platform}`, { bearer: member })).body.data.attributes.permissions[
        'can-update-api-token'
      ],
    ).toBe(true);
    expect(
      (await call('GET', `/teams/${locked}`, { bearer: member })).body.data.attributes.permissions[
        'can-update-api-token'
      ],
    ).toBe(false);

    const own = await mint(teams.hidden, 'mine', undefined, member);
    expect(
      (await call('POST', `/teams/${locked}/authentication-tokens`, { bearer: member, body: teamToken('x') })).status,
    ).toBe(404);
    expect(
      (await call('POST', `/teams/${teams.data}/authentication-tokens`, { bearer: member, body: teamToken('x') }))
        .status,
    ).toBe(404);
    expect((await call('GET', `/authentication-tokens/${own.id}`, { bearer: other })).status).toBe(404);
    expect((await call('DELETE', `/authentication-tokens/${own.id}`, { bearer: other })).status).toBe(404);
    expect((await call('GET', '/organizations/acme/team-tokens', { bearer: member })).status).toBe(404);
    expect((await call('DELETE', `/authentication-tokens/${own.id}`, { bearer: member })).status).toBe(204);
  });

  test('manage-teams users see secret teams and list team tokens', async () => {
    const manager = emulator.addCredential({ organization: 'acme', role: 'manage-teams', user: 'user-manager' });
    expect((await call('GET', `/teams/${teams.hidden}`, { bearer: manager })).status).toBe(200);
    await mint(teams.hidden, 'secret team token', undefined, manager);
    expect((await call('GET', '/organizations/acme/team-tokens', { bearer: manager })).body.data).toHaveLength(1);
  });
});

describe('organization team-token list', () => {
  test('pages of page[size] with absolute links; the size is capped at 100', async () => {
    for (let i = 0; i < 5; i++) await mint(teams.platform, `t${i}`, inDays(i + 1));
    const seen: string[] = [];
    for (const number of [1, 2, 3]) {
      const answer = await call('GET', `/organizations/acme/team-tokens?page%5Bnumber%5D=${number}&page%5Bsize%5D=2`);
      seen.push(...answer.body.data.map((token: any) => token.attributes.description));
      expect(answer.body.meta.pagination).toEqual({
        'current-page': number,
        'page-size': 2,
        'prev-page': number > 1 ? number - 1 : null,
        'next-page': number < 3 ? number + 1 : null,
        'total-pages': 3,
        'total-count': 5,
      });
      const link = (page: number) =>
        `${emulator.baseUrl}/api/v2/organizations/acme/team-tokens?page%5Bnumber%5D=${page}&page%5Bsize%5D=2`;
      expect(answer.body.links).toEqual({
        self: link(number),
        first: link(1),
        prev: number > 1 ? link(number - 1) : null,
        next: number < 3 ? link(number + 1) : null,
        last: link(3),
      });
    }
    expect(seen).toEqual(['t0', 't1', 't2', 't3', 't4']);
    const first = (await call('GET', '/organizations/acme/team-tokens')).body;
    expect(first.data[0]).toMatchObject({
      type: 'authentication-tokens',
      attributes: { token: null },
      relationships: { team: { data: { id: teams.platform, type: 'teams' } } },
    });
    expect(first.meta.pagination['page-size']).toBe(20);
    expect(
      (await call('GET', '/organizations/acme/team-tokens?page%5Bsize%5D=500')).body.meta.pagination['page-size'],
    ).toBe(100);
  });

  test('q, filter[status] and sort', async () => {
    await restart({ platform: 'tfe', tfeVersion: '1.1.0' });
    await mint(teams.platform, 'expires in 20 days', inDays(20));
    await mint(teams.data, 'never');
    await mint(teams.platform, 'expires in 3 days', inDays(3));
    await mint(teams.data, 'expired', inDays(1));
    await call('POST', `/teams/${teams.platform}/authentication-token`, { body: singular(inDays(50)) });
    clock += 2 * DAY;
    const list = async (query: string) =>
      (await call('GET', `/organizations/acme/team-tokens?${query}`)).body.data.map(
        (token: any) => token.attributes.description,
      );

    expect(await list('')).toEqual(['expired', 'expires in 3 days', 'expires in 20 days', null, 'never']);
    expect(await list('sort=-expired-at')).toEqual([
      'never',
      null,
      'expires in 20 days',
      'expires in 3 days',
      'expired',
    ]);
    expect(await list('sort=created-at')).toEqual([
      'expires in 20 days',
      'never',
      'expires in 3 days',
      'expired',
      null,
    ]);
    expect(await list('sort=-team-name')).toEqual([
      'expires in 20 days',
      'expires in 3 days',
      null,
      'never',
      'expired',
    ]);
    expect(await list('q=DATA')).toEqual(['expired', 'never']);
    expect(await list('filter%5Bstatus%5D=expired')).toEqual(['expired']);
    expect(await list('filter%5Bstatus%5D=expiring_in_7_days')).toEqual(['expires in 3 days']);
    expect(await list('filter%5Bstatus%5D=expiring_in_30_days,no_expiration')).toEqual([
      'expires in 3 days',
      'expires in 20 days',
      'never',
    ]);
    expect(await list('filter%5Bstatus%5D=active')).toEqual(['expires in 3 days', 'expires in 20 days', null, 'never']);
    expect((await call('GET', '/organizations/acme/team-tokens?sort=color')).status).toBe(400);
    expect((await call('GET', '/organizations/acme/team-tokens?filter%5Bstatus%5D=soon')).status).toBe(400);
  });

  test('sort by last-used-at puts unused tokens last', async () => {
    const first = await mint(teams.platform, 'first');
    await mint(teams.platform, 'unused');
    const third = await mint(teams.platform, 'third');
    await call('GET', '/account/details', { bearer: third.secret });
    clock += 1000;
    await call('GET', '/account/details', { bearer: first.secret });
    const answer = await call('GET', '/organizations/acme/team-tokens?sort=last-used-at');
    expect(answer.body.data.map((token: any) => token.attributes.description)).toEqual(['third', 'first', 'unused']);
  });
});

describe('agent tokens', () => {
  test('create with a description and no expiry, list, delete by id', async () => {
    const pool = emulator.addAgentPool('acme', 'agents');
    const path = `/agent-pools/${pool}/authentication-tokens`;
    expect((await call('POST', path, { body: teamToken('') })).status).toBe(422);
    expect((await call('POST', path, { body: teamToken(null) })).status).toBe(422);
    const created = await call('POST', path, {
      body: { data: { type: 'authentication-tokens', attributes: { description: 'agent 1' } } },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.attributes).toEqual({
      'created-at': expect.any(String),
      'last-used-at': null,
      description: 'agent 1',
      token: expect.stringMatching(SECRET),
    });
    await call('POST', path, { body: teamToken('agent 2') });
    expect(emulator.tokens()[0]).toMatchObject({ kind: 'agent', agentPoolId: pool, expiredAt: null, teamId: null });

    const listed = await call('GET', `${path}?sort=-created-at`);
    expect(listed.body.data.map((token: any) => token.attributes.description)).toEqual(['agent 2', 'agent 1']);
    expect(listed.body.data[0].attributes.token).toBeNull();
    expect(listed.body.meta.pagination['total-count']).toBe(2);
    expect((await call('GET', `${path}?sort=name`)).status).toBe(400);

    const member = emulator.addCredential({ organization: 'acme', role: 'member', teams: [teams.platform] });
    expect((await call('GET', path, { bearer: member })).status).toBe(404);
    expect((await call('DELETE', `/authentication-tokens/${created.body.data.id}`, { bearer: member })).status).toBe(
      404,
    );
    expect((await call('DELETE', `/authentication-tokens/${created.body.data.id}`)).status).toBe(204);
    expect(emulator.tokens()).toHaveLength(1);
  });
});

describe('rate limit', () => {
  test('429 with X-RateLimit-Reset past the limit, nothing done, then recovery; principals apart', async () => {
    await restart({ rateLimit: 3 });
    const other = emulator.addCredential({ organization: 'acme', role: 'owner' });
    const answers = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        call('POST', `/teams/${teams.platform}/authentication-tokens`, { body: teamToken(`burst ${i}`) }),
      ),
    );
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited).toHaveLength(1);
    expect(limited[0]!.body).toEqual({
      errors: [{ detail: "You have exceeded the API's rate limit.", status: 429, title: 'Too many requests' }],
    });
    expect(limited[0]!.headers['x-ratelimit-limit']).toBe('3');
    const reset = limited[0]!.headers['x-ratelimit-reset'] as string;
    expect(reset).toMatch(/^\d\.\d{3}$/);
    expect(Number(reset)).toBeLessThanOrEqual(1);
    expect(emulator.tokens()).toHaveLength(3);
    expect((await call('GET', `/teams/${teams.platform}`, { bearer: other })).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, Number(reset) * 1000 + 20));
    expect((await call('GET', `/teams/${teams.platform}`)).status).toBe(200);
  });

  test('unauthenticated requests are counted per client address; 0 disables the limit', async () => {
    await restart({ rateLimit: 1 });
    expect((await call('GET', '/ping', { bearer: null })).status).toBe(204);
    expect((await call('GET', '/ping', { bearer: 'garbage' })).status).toBe(429);
    await restart({ rateLimit: 0 });
    const answers = await Promise.all(Array.from({ length: 40 }, () => call('GET', '/ping', { bearer: null })));
    expect(answers.every((answer) => answer.status === 204 && answer.headers['x-ratelimit-limit'] === undefined)).toBe(
      true,
    );
  });
});

describe('faults', () => {
  const createPath = () => `/api/v2/teams/${teams.platform}/authentication-tokens`;
  const create = (description = 'ci') =>
    call('POST', `/teams/${teams.platform}/authentication-tokens`, { body: teamToken(description) });

  test('status: answers without acting, with the given body and headers, before auth', async () => {
    emulator.inject({ method: 'POST', fault: { kind: 'status', status: 503, headers: { 'Retry-After': '1' } } });
    const answer = await call('POST', `/teams/${teams.platform}/authentication-tokens`, {
      bearer: null,
      body: teamToken('x'),
    });
    expect(answer.status).toBe(503);
    expect(answer.headers['content-type']).toBe('text/html');
    expect(answer.headers['retry-after']).toBe('1');
    expect(answer.text).toContain('503 Service Unavailable');
    emulator.inject({ fault: { kind: 'status', status: 500, body: '{"errors":[{"status":"500","title":"boom"}]}' } });
    expect((await create()).headers['content-type']).toBe(JSON_API);
    expect(emulator.tokens()).toEqual([]);
    expect((await create()).status).toBe(201);
  });

  test('rate-limit: a 429 with the given reset, not acted', async () => {
    emulator.inject({ fault: { kind: 'rate-limit', resetSeconds: 0.25 } });
    const answer = await create();
    expect(answer.status).toBe(429);
    expect(answer.headers['x-ratelimit-reset']).toBe('0.250');
    expect(answer.body.errors[0].status).toBe(429);
    expect(emulator.tokens()).toEqual([]);
  });

  test('reset-before leaves no token; reset-after leaves one', async () => {
    emulator.inject({ fault: { kind: 'reset-before' } });
    await expect(create()).rejects.toThrow();
    expect(emulator.tokens()).toEqual([]);
    emulator.inject({ fault: { kind: 'reset-after' } });
    await expect(create()).rejects.toThrow();
    expect(emulator.tokens().map((token) => token.description)).toEqual(['ci']);
    expect(emulator.requests().map((record) => [record.fault, record.status])).toEqual([
      ['reset-before', null],
      ['reset-after', null],
    ]);
  });

  test('status-after: the token is created, the answer is the given status', async () => {
    emulator.inject({
      fault: { kind: 'status-after', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' },
    });
    const answer = await create();
    expect(answer.status).toBe(502);
    expect(answer.text).toBe('<html>Bad Gateway</html>');
    expect(emulator.tokens()).toHaveLength(1);
  });

  test('hang: no answer and no action until close()', async () => {
    emulator.inject({ fault: { kind: 'hang' } });
    const pending = create();
    pending.catch(() => undefined);
    while (emulator.requests().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(emulator.requests()[0]).toMatchObject({ fault: 'hang', status: null });
    expect(emulator.tokens()).toEqual([]);
    await emulator.close();
    await expect(pending).rejects.toThrow();
  });

  test('truncate: the real status and full Content-Length, half the body, then a reset', async () => {
    emulator.inject({ fault: { kind: 'truncate' } });
    const answer = await create();
    expect(answer.status).toBe(201);
    expect(answer.complete).toBe(false);
    expect(answer.text.length).toBe(Math.floor(Number(answer.headers['content-length']) / 2));
    expect(answer.body).toBeNull();
    expect(emulator.tokens()).toHaveLength(1);
    expect(emulator.requests()[0]).toMatchObject({ fault: 'truncate', status: 201 });
  });

  test('non-json: acted, the real status with an HTML body', async () => {
    emulator.inject({ fault: { kind: 'non-json' } });
    const answer = await create();
    expect(answer.status).toBe(201);
    expect(answer.headers['content-type']).toBe('text/html');
    expect(answer.body).toBeNull();
    expect(emulator.tokens()).toHaveLength(1);
  });

  test('redirect: 302 by default or the given status, with Location, not acted', async () => {
    emulator.inject({ fault: { kind: 'redirect', location: 'https://elsewhere.example/api/v2/x' } });
    emulator.inject({ fault: { kind: 'redirect', location: 'https://elsewhere.example/', status: 307 } });
    const first = await create();
    expect(first.status).toBe(302);
    expect(first.headers['location']).toBe('https://elsewhere.example/api/v2/x');
    expect((await create()).status).toBe(307);
    expect(emulator.tokens()).toEqual([]);
  });

  test('matching by method, exact path or RegExp, with skip, times and clearFaults', async () => {
    emulator.inject({ method: 'GET', fault: { kind: 'status', status: 500 } });
    emulator.inject({
      method: 'POST',
      path: '/api/v2/teams/other/authentication-tokens',
      fault: { kind: 'status', status: 501 },
    });
    emulator.inject({ path: createPath(), skip: 1, times: 2, fault: { kind: 'status', status: 502 } });
    expect((await create('a')).status).toBe(201);
    expect((await create('b')).status).toBe(502);
    expect((await create('c')).status).toBe(502);
    expect((await create('d')).status).toBe(201);
    expect((await call('GET', `/teams/${teams.platform}`)).status).toBe(500);

    emulator.inject({ path: /^\/api\/v2\/teams\/[^/]+$/, times: Infinity, fault: { kind: 'status', status: 503 } });
    for (let i = 0; i < 3; i++) expect((await call('GET', `/teams/${teams.platform}`)).status).toBe(503);
    expect((await create('e')).status).toBe(201);
    emulator.clearFaults();
    expect((await call('GET', `/teams/${teams.platform}`)).status).toBe(200);
  });
});

test('the request log: method, path, query, status, fault, principal, time; clearRequests empties it', async () => {
  const minted = await mint(teams.platform, 'logged');
  await call('GET', '/organizations/acme/teams?q=plat', { bearer: minted.secret });
  await call('GET', '/ping', { bearer: null });
  const records = emulator.requests();
  const logged = { receivedMs: expect.any(Number), fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) };
  expect(records).toEqual([
    {
      method: 'POST',
      path: `/api/v2/teams/${teams.platform}/authentication-tokens`,
      query: '',
      status: 201,
      fault: null,
      principal: expect.stringMatching(/^user-/),
      at: clock,
      rateLimitReset: null,
      ...logged,
    },
    {
      method: 'GET',
      path: '/api/v2/organizations/acme/teams',
      query: 'q=plat',
      status: 200,
      fault: null,
      principal: expect.stringMatching(/^user-/),
      at: clock,
      rateLimitReset: null,
      ...logged,
    },
    {
      method: 'GET',
      path: '/api/v2/ping',
      query: '',
      status: 204,
      fault: null,
      principal: null,
      at: clock,
      rateLimitReset: null,
      ...logged,
    },
  ]);
  expect(new Set(records.map((record) => record.fingerprint)).size).toBe(3);
  expect(records.map((record) => record.receivedMs)).toEqual(
    [...records.map((record) => record.receivedMs)].sort((a, b) => a - b),
  );
  expect(records[1]!.principal).not.toBe(records[0]!.principal);
  emulator.clearRequests();
  expect(emulator.requests()).toEqual([]);
});
