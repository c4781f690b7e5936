import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { Emulator, type EmulatorOptions } from '../server.js';
import { makeTestTls } from '../tls.js';
import { callEmulator, type ApiAnswer } from '../../__tests__/support/steps/emulator-call.js';

/** The emulator's workspace variables, variable sets, bulk team-token delete, status filter and TTL policies. */

const tls = await makeTestTls();
const DAY = 86_400_000;
const START = Date.parse('2026-03-01T12:00:00.000Z');

let emulator: Emulator;
let clock: number;
let owner: string;
let platform: string;

async function start(options: Partial<EmulatorOptions> = {}): Promise<void> {
  clock = START;
  emulator = await Emulator.start({ tls, now: () => clock, rateLimit: 0, ...options });
  emulator.addOrganization('acme');
  emulator.addOrganization('other');
  emulator.addTeam('acme', 'owners', { owners: true });
  platform = emulator.addTeam('acme', 'platform');
  owner = emulator.addCredential({ organization: 'acme', role: 'owner' });
}

async function restart(options: Partial<EmulatorOptions>): Promise<void> {
  await emulator.close();
  await start(options);
}

beforeEach(() => start());
afterEach(() => emulator.close());

function call(method: string, path: string, body?: unknown, bearer = owner): Promise<ApiAnswer> {
  return callEmulator(emulator, tls, { method, path, body, bearer });
}

const vars = (attributes: Record<string, unknown>, id?: string) => ({
  data: { type: 'vars', ...(id ? { id } : {}), attributes },
});

async function mint(description: string, expiredAt: string, team = platform): Promise<string> {
  const answer = await call('POST', `/teams/${team}/authentication-tokens`, {
    data: { type: 'authentication-tokens', attributes: { description, 'expired-at': expiredAt } },
  });
  expect(answer.status).toBe(201);
  return answer.body.data.id;
}

describe('workspace variables', () => {
  test('create (201), list without sensitive values, update in place (id kept, version changes), delete', async () => {
    const ws = emulator.addWorkspace('acme', 'admin');
    expect((await call('GET', '/organizations/acme/workspaces/admin')).body.data.id).toBe(ws);
    const created = await call(
      'POST',
      `/workspaces/${ws}/vars`,
      vars({ key: 'TFE_TOKEN', value: 's3cret', category: 'env', sensitive: true }),
    );
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      id: expect.stringMatching(/^var-[A-Za-z0-9]{16}$/),
      type: 'vars',
      attributes: { key: 'TFE_TOKEN', value: null, sensitive: true, hcl: false, category: 'env' },
    });
    expect(created.body.data.relationships.configurable.data).toEqual({ id: ws, type: 'workspaces' });
    const id = created.body.data.id;
    const version = created.body.data.attributes['version-id'];

    const listed = await call('GET', `/workspaces/${ws}/vars`);
    expect(listed.body.data.map((v: any) => [v.id, v.attributes.value])).toEqual([[id, null]]);
    expect(JSON.stringify(listed.body)).not.toContain('s3cret');

    const updated = await call('PATCH', `/workspaces/${ws}/vars/${id}`, vars({ value: 'n3w' }, id));
    expect(updated.status).toBe(200);
    expect(updated.body.data.id).toBe(id);
    expect(updated.body.data.attributes['version-id']).not.toBe(version);
    expect(emulator.variables()).toMatchObject([
      { id, owner: ws, key: 'TFE_TOKEN', value: 'n3w', sensitive: true, category: 'env' },
    ]);

    expect((await call('DELETE', `/workspaces/${ws}/vars/${id}`)).status).toBe(204);
    expect((await call('DELETE', `/workspaces/${ws}/vars/${id}`)).status).toBe(404);
  });

  test('plain values shown; a duplicate key in one category is 422; sensitive stays sensitive', async () => {
    const ws = emulator.addWorkspace('acme', 'admin');
    const plain = emulator.addVariable(ws, { key: 'REGION', value: 'eu-west-1' });
    expect((await call('GET', `/workspaces/${ws}/vars`)).body.data[0].attributes.value).toBe('eu-west-1');
    expect((await call('POST', `/workspaces/${ws}/vars`, vars({ key: 'REGION', category: 'env' }))).status).toBe(422);
    expect((await call('POST', `/workspaces/${ws}/vars`, vars({ key: 'REGION', category: 'terraform' }))).status).toBe(
      201,
    );
    expect((await call('POST', `/workspaces/${ws}/vars`, vars({ key: 'X', category: 'nope' }))).status).toBe(422);
    expect((await call('POST', `/workspaces/${ws}/vars`, vars({ category: 'env' }))).status).toBe(422);
    const secret = emulator.addVariable(ws, { key: 'S', value: 'x', sensitive: true });
    expect((await call('PATCH', `/workspaces/${ws}/vars/${secret}`, vars({ sensitive: false }, secret))).status).toBe(
      422,
    );
    expect((await call('PATCH', `/workspaces/${ws}/vars/${plain}`, vars({ sensitive: true }, plain))).status).toBe(200);
  });

  test('404 for an unknown workspace, another organization, or a credential without variable access', async () => {
    const ws = emulator.addWorkspace('acme', 'admin', { variableWriters: [platform] });
    const other = emulator.addCredential({ organization: 'other', role: 'owner' });
    const member = emulator.addCredential({ organization: 'acme', role: 'member' });
    const writer = emulator.addCredential({ organization: 'acme', role: 'member', teams: [platform] });
    expect((await call('GET', '/workspaces/ws-nope/vars')).status).toBe(404);
    expect((await call('GET', '/organizations/acme/workspaces/nope')).status).toBe(404);
    expect((await call('GET', `/workspaces/${ws}/vars`, undefined, other)).status).toBe(404);
    expect((await call('GET', `/workspaces/${ws}/vars`, undefined, member)).status).toBe(404);
    expect((await call('POST', `/workspaces/${ws}/vars`, vars({ key: 'K', category: 'env' }), writer)).status).toBe(
      201,
    );
  });
});

describe('variable sets', () => {
  test('q searches names; variables are added (200, as the docs show), paged, updated in place', async () => {
    const set = emulator.addVariableSet('acme', 'admin-creds');
    emulator.addVariableSet('acme', 'admin-creds-old');
    const found = await call('GET', '/organizations/acme/varsets?q=ADMIN-creds');
    expect(found.body.data.map((s: any) => s.attributes.name).sort()).toEqual(['admin-creds', 'admin-creds-old']);
    expect(found.body.meta.pagination['total-count']).toBe(2);

    const added = await call(
      'POST',
      `/varsets/${set}/relationships/vars`,
      vars({ key: 'TFE_TOKEN', value: 'a', category: 'env', sensitive: true }),
    );
    expect(added.status).toBe(200);
    expect(added.body.data.relationships.varset.data).toEqual({ id: set, type: 'varsets' });
    const id = added.body.data.id;
    const listed = await call('GET', `/varsets/${set}/relationships/vars?page%5Bsize%5D=100`);
    expect(listed.body.data.map((v: any) => [v.id, v.attributes.value])).toEqual([[id, null]]);
    expect(listed.body.meta.pagination['total-pages']).toBe(1);
    expect((await call('PATCH', `/varsets/${set}/relationships/vars/${id}`, vars({ value: 'b' }, id))).status).toBe(
      200,
    );
    expect(emulator.variables()).toMatchObject([{ id, owner: set, value: 'b' }]);
  });

  test('a set is managed by owners, the organization token and its manager teams only', async () => {
    const set = emulator.addVariableSet('acme', 'creds', { managers: [platform] });
    const member = emulator.addCredential({ organization: 'acme', role: 'member' });
    const orgToken = emulator.addCredential({ organization: 'acme', role: 'organization-token' });
    const manager = emulator.addCredential({ organization: 'acme', role: 'member', teams: [platform] });
    expect((await call('GET', `/varsets/${set}/relationships/vars`, undefined, member)).status).toBe(404);
    expect((await call('GET', '/organizations/acme/varsets', undefined, member)).body.data).toEqual([]);
    expect((await call('GET', `/varsets/${set}/relationships/vars`, undefined, orgToken)).status).toBe(200);
    expect((await call('GET', `/varsets/${set}/relationships/vars`, undefined, manager)).status).toBe(200);
    // A workspace id on the varset path (and the reverse) is no variable owner there.
    const ws = emulator.addWorkspace('acme', 'w');
    expect((await call('GET', `/varsets/${ws}/relationships/vars`)).status).toBe(404);
    expect((await call('GET', `/workspaces/${set}/vars`)).status).toBe(404);
  });
});

describe('bulk team-token delete', () => {
  const body = (ids: string[]) => ({ data: ids.map((id) => ({ type: 'authentication-tokens', id })) });

  test('deletes the listed team tokens (204); unknown and foreign ids are skipped', async () => {
    const a = await mint('a', new Date(clock + DAY).toISOString());
    const b = await mint('b', new Date(clock + DAY).toISOString());
    const c = await mint('c', new Date(clock + DAY).toISOString());
    const pool = emulator.addAgentPool('acme', 'pool');
    const agent = (
      await call('POST', `/agent-pools/${pool}/authentication-tokens`, {
        data: { type: 'authentication-tokens', attributes: { description: 'agent' } },
      })
    ).body.data.id;
    const answer = await call('DELETE', '/organizations/acme/team-tokens', body([a, b, 'at-doesnotexist0000', agent]));
    expect(answer.status).toBe(204);
    expect(
      emulator
        .tokens()
        .map((token) => token.id)
        .sort(),
    ).toEqual([c, agent].sort());
    expect((await call('DELETE', '/organizations/acme/team-tokens', body([a]))).status).toBe(204);
  });

  test('403 without manage-team-tokens, 404 for another organization, 422 for a malformed body', async () => {
    const a = await mint('a', new Date(clock + DAY).toISOString());
    const member = emulator.addCredential({ organization: 'acme', role: 'member', teams: [platform] });
    const denied = await call('DELETE', '/organizations/acme/team-tokens', body([a]), member);
    expect(denied.status).toBe(403);
    expect(denied.body.errors[0].detail).toBe('not authorized to delete team tokens');
    expect((await call('DELETE', '/organizations/other/team-tokens', body([a]))).status).toBe(404);
    expect((await call('DELETE', '/organizations/acme/team-tokens', { data: [{ type: 'teams', id: a }] })).status).toBe(
      422,
    );
    expect((await call('DELETE', '/organizations/acme/team-tokens', { data: [] })).status).toBe(422);
    expect(emulator.tokens()).toHaveLength(1);
  });

  test.each([404, 405] as const)('a server without it answers %i and deletes nothing', async (status) => {
    await restart({ bulkTeamTokenDelete: status });
    const a = await mint('a', new Date(clock + DAY).toISOString());
    expect((await call('DELETE', '/organizations/acme/team-tokens', body([a]))).status).toBe(status);
    expect(emulator.tokens()).toHaveLength(1);
  });
});

describe('status filter', () => {
  test('filter[status] and filter[expiry_status] both filter; a server without the filter ignores it', async () => {
    const gone = await mint('gone', new Date(clock + DAY).toISOString());
    await mint('live', new Date(clock + 40 * DAY).toISOString());
    clock += 2 * DAY;
    for (const name of ['filter%5Bstatus%5D', 'filter%5Bexpiry_status%5D']) {
      const listed = await call('GET', `/organizations/acme/team-tokens?${name}=expired`);
      expect(listed.body.data.map((token: any) => token.id)).toEqual([gone]);
    }
    await restart({ teamTokenStatusFilter: false });
    await mint('x', new Date(clock + DAY).toISOString());
    await mint('y', new Date(clock + 2 * DAY).toISOString());
    expect((await call('GET', '/organizations/acme/team-tokens?filter%5Bstatus%5D=expired')).body.data).toHaveLength(2);
  });
});

describe('token TTL policies', () => {
  test('owners read every type, defaults included; others get 403, strangers 404', async () => {
    emulator.setTokenTtlPolicy('acme', 'team', 10 * DAY);
    const listed = await call('GET', '/organizations/acme/token-ttl-policies');
    expect(listed.status).toBe(200);
    const maxima = Object.fromEntries(
      listed.body.data.map((item: any) => [item.attributes['token-type'], item.attributes['max-ttl-ms']]),
    );
    expect(maxima).toEqual({
      organization: 63_113_904_000,
      team: 10 * DAY,
      user: 63_113_904_000,
      audit_trails: 63_113_904_000,
    });
    expect(listed.body.data[0].type).toBe('organization-token-ttl-policies');
    const manager = emulator.addCredential({ organization: 'acme', role: 'manage-teams' });
    const forbidden = await call('GET', '/organizations/acme/token-ttl-policies', undefined, manager);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors[0].detail).toBe('User is not part of the owners team');
    expect((await call('GET', '/organizations/other/token-ttl-policies')).status).toBe(404);
  });

  test('a create beyond the maximum is 422 naming the expiry; within it, or with no expiry, passes', async () => {
    emulator.setTokenTtlPolicy('acme', 'team', 10 * DAY);
    emulator.setTokenTtlPolicy('acme', 'organization', 5 * DAY);
    const team = (expiredAt?: string) =>
      call('POST', `/teams/${platform}/authentication-tokens`, {
        data: {
          type: 'authentication-tokens',
          attributes: { description: `d${Math.random()}`, ...(expiredAt ? { 'expired-at': expiredAt } : {}) },
        },
      });
    const refused = await team(new Date(clock + 11 * DAY).toISOString());
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].source.pointer).toBe('/data/attributes/expired-at');
    expect(refused.body.errors[0].detail).toMatch(/maximum lifetime of 10 days/);
    expect((await team(new Date(clock + 10 * DAY).toISOString())).status).toBe(201);
    expect((await team()).body.data.attributes['expired-at']).toBe(new Date(clock + 10 * DAY).toISOString());
    const legacy = await call('POST', `/teams/${platform}/authentication-token`, {
      data: { type: 'authentication-token', attributes: { 'expired-at': new Date(clock + 11 * DAY).toISOString() } },
    });
    expect(legacy.status).toBe(422);
    const organization = (days: number) =>
      call('POST', '/organizations/acme/authentication-token', {
        data: {
          type: 'authentication-token',
          attributes: { 'expired-at': new Date(clock + days * DAY).toISOString() },
        },
      });
    expect((await organization(6)).status).toBe(422);
    expect((await organization(5)).status).toBe(201);
  });

  test('an organization without a policy refuses nothing', async () => {
    expect((await mint('long', new Date(clock + 700 * DAY).toISOString())).length).toBeGreaterThan(3);
  });
});
