import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { warningsOf } from '../support/assertions/lines.js';
import type { StepResult } from '../support/steps/runner.js';
import { startWorld, type World } from '../support/steps/world.js';

/**
 * What the post step deletes, and what it leaves, when the server's answer or the saved state is not what this run
 * expects (issue 23, items 1 (server dates), 6, 7 and 8): server dates, the expiry backstop, temporary teams, and
 * one-per-owner creates cancelled at every moment.
 */

let world: World;
beforeEach(async () => {
  world = await startWorld({ rateLimit: 0 });
});
afterEach(() => world.emulator.close());

const TOKEN_CREATE = /\/teams\/team-[A-Za-z0-9]+\/authentication-tokens$/;
const ORG_TOKEN = /\/organizations\/acme\/authentication-token$/;

function rewriteCreate(path: RegExp, attributes: Record<string, unknown>): void {
  world.emulator.inject({
    method: 'POST',
    path,
    fault: {
      kind: 'rewrite',
      rewrite: (body) => {
        Object.assign(body.data.attributes, attributes);
        return { body };
      },
    },
  });
}

describe('server dates', () => {
  test('dates that are not dates: warned, never printed, output or saved raw; the token still deleted', async () => {
    const odd = 'soon-ish ##[stop-commands]zz';
    rewriteCreate(TOKEN_CREATE, { 'expired-at': odd, 'created-at': `yesterday ${odd}` });
    const { main, post } = await world.job({ 'team-id': world.teamId });
    expect(main.code).toBe(0);
    const minted = main.outputs['token-id'];
    expect(main.outputs['expired-at']).toBe('');
    expect(main.outputs['created-at']).toBe('');
    for (const place of [main.stdout, main.stderr, main.files.output, main.files.state, main.summary])
      expect(place).not.toContain('soon-ish');
    expect(warningsOf(main).join('\n')).toContain(`expired-at of token ${minted} is not a date`);
    expect(warningsOf(main).join('\n')).toContain(`created-at of token ${minted} is not a date`);
    // Before: the record carried the raw expiry, the post step rejected it and left the token alive.
    expect(post.stdout).not.toContain('not valid');
    expect(post.stdout).toContain(`Deleted team token ${minted}`);
    expect(world.emulator.tokens()).toEqual([]);
    expectClean(main, [main.outputs['token'], world.credential]);
  });

  test('a date with an offset is output and printed as an ISO 8601 instant in UTC', async () => {
    rewriteCreate(TOKEN_CREATE, { 'created-at': '2026-01-01T01:30:00+01:30' });
    const main = await world.main({ 'team-id': world.teamId });
    expect(main.code).toBe(0);
    expect(main.outputs['created-at']).toBe('2026-01-01T00:00:00.000Z');
    expect(main.outputs['expired-at']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});

describe('the expiry is the backstop', () => {
  test('a create answered with an expiry in the past: the post step still deletes the live token', async () => {
    rewriteCreate(TOKEN_CREATE, { 'expired-at': '2020-01-01T00:00:00.000Z' });
    const { main, post } = await world.job({ 'team-id': world.teamId });
    expect(main.code).toBe(0);
    expect(warningsOf(main).join('\n')).toContain('the server reports an expiry of 2020-01-01T00:00:00.000Z');
    const id = main.outputs['token-id']!;
    expect(post.stdout).not.toContain('already expired');
    expect(world.calls()).toContain(`DELETE /authentication-tokens/${id}`);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('the record keeps the expiry sent beside the one reported; a bad reported one is not a rejection', async () => {
    const main = await world.main({ 'team-id': world.teamId });
    const state = JSON.parse(main.state['cleanup']!);
    const [record] = state.records;
    expect(record.expiredAt).toBe(world.emulator.tokens()[0]!.expiredAt);
    expect(record.reportedExpiredAt).toBe(record.expiredAt);
    record.reportedExpiredAt = 'not a date';
    const post = await world.post({ ...main, state: { cleanup: JSON.stringify(state) } }, { 'team-id': world.teamId });
    expect(post.stdout).not.toContain('not valid');
    expect(world.emulator.tokens()).toEqual([]);
  });
});

describe('a temporary team is deleted only when it is what this run made', () => {
  const scoped = { organization: 'acme', workspaces: 'app-prod' };
  beforeEach(() => {
    world.emulator.addWorkspace('acme', 'app-prod');
  });

  /** The main step's state with its scoped-team record changed by `change` (a later step of the job, say). */
  function tampered(main: StepResult, change: (record: Record<string, unknown>) => void): StepResult {
    const state = JSON.parse(main.state['cleanup']!);
    for (const record of state.records) if (record.kind === 'scoped-team') change(record);
    return { ...main, state: { cleanup: JSON.stringify(state) } };
  }

  test('a record that names another team (the platform team) leaves it alone, with a warning naming it', async () => {
    const main = await world.main(scoped);
    expect(main.code).toBe(0);
    const temporary = main.outputs['team-id']!;
    world.emulator.clearRequests();
    const post = await world.post(
      tampered(main, (record) => (record['teamId'] = world.teamId)),
      scoped,
    );
    expect(post.code).toBe(0);
    expect(world.calls()).not.toContain(`DELETE /teams/${world.teamId}`);
    expect(world.emulator.teams('acme').map((team) => team.id)).toContain(world.teamId);
    expect(warningsOf(post).join('\n')).toContain(`Left team ${world.teamId} alone`);
    expect(warningsOf(post).join('\n')).toContain('the server names it platform');
    // Within 4 round trips: the read went out with the token delete, and nothing was deleted after it.
    expect(world.calls().slice(0, 2).sort()).toEqual(
      [`DELETE /authentication-tokens/${main.outputs['token-id']}`, `GET /teams/${world.teamId}`].sort(),
    );
    expect(world.emulator.teams('acme').map((team) => team.id)).toContain(temporary);
  });

  test('the team read goes with the token delete (the scoped post stays within 4 round trips)', async () => {
    const main = await world.main(scoped);
    const team = main.outputs['team-id']!;
    // The token delete hangs until request-timeout: a read sent after it would arrive seconds later.
    world.emulator.inject({ method: 'DELETE', path: /\/authentication-tokens\/at-/, fault: { kind: 'hang' } });
    world.emulator.clearRequests();
    const post = await world.post(main, { ...scoped, 'request-timeout': '2' });
    expect(post.code).toBe(0);
    const log = world.emulator.requests();
    const arrival = (method: string, path: string) =>
      log.find((entry) => entry.method === method && entry.path.endsWith(path))!.at;
    const tokenDelete = arrival('DELETE', `/authentication-tokens/${main.outputs['token-id']}`);
    expect(Math.abs(arrival('GET', `/teams/${team}`) - tokenDelete)).toBeLessThan(1_000);
    expect(world.emulator.teams('acme').map((entry) => entry.id)).not.toContain(team);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('the temporary team with a member added is left alone, with a warning', async () => {
    const main = await world.main(scoped);
    const temporary = main.outputs['team-id']!;
    world.emulator.addCredential({ organization: 'acme', role: 'member', teams: [temporary] });
    const post = await world.post(main, scoped);
    expect(post.code).toBe(0);
    expect(warningsOf(post).join('\n')).toMatch(new RegExp(`Left team ${temporary} alone: .*it has members`));
    expect(world.emulator.teams('acme').map((team) => team.id)).toContain(temporary);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('a team visible to the organization, under a name of the temporary shape, is left alone', async () => {
    const main = await world.main(scoped);
    const name = main.outputs['team-name']!.replace(/[0-9a-f]{8}$/, '00000000');
    const lookalike = world.emulator.addTeam('acme', name, { visibility: 'organization' });
    const post = await world.post(
      tampered(main, (record) => Object.assign(record, { teamId: lookalike, teamName: name })),
      scoped,
    );
    expect(warningsOf(post).join('\n')).toContain(`Left team ${lookalike} alone`);
    expect(warningsOf(post).join('\n')).toContain('its visibility is organization');
    expect(world.emulator.teams('acme').map((team) => team.id)).toContain(lookalike);
  });
});

describe('a cancelled organization-token create is settled', () => {
  const inputs = { 'token-type': 'organization', organization: 'acme' };
  /** The runner cancels the main step: its process is killed while the create hangs. */
  const cancelled = { timeoutMs: 4_000 };

  async function postAfter(main: StepResult): Promise<StepResult> {
    world.emulator.clearRequests();
    const post = await world.post(main, inputs);
    expect(post.code).toBe(0);
    expectClean(post, [world.credential]);
    return post;
  }

  test('cancelled during the existence check, before any record: the post step has nothing to do', async () => {
    world.emulator.inject({ method: 'GET', path: ORG_TOKEN, fault: { kind: 'hang' } });
    const main = await world.main(inputs, cancelled);
    expect(main.code).not.toBe(0);
    const post = await postAfter(main);
    expect(post.stdout).toContain('Nothing to clean up');
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('the create never sent (refused before a byte left): nothing was made, the post step says so', async () => {
    world.emulator.inject({ method: 'POST', path: ORG_TOKEN, fault: { kind: 'reset-before' } });
    const main = await world.main(inputs);
    expect(main.code).toBe(1);
    const post = await postAfter(main);
    expect(post.stdout).toContain('There is no current organization token');
    expect(warningsOf(post)).toEqual([]);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('cancelled while the create is in flight, before the server acted: nothing alive', async () => {
    world.emulator.inject({ method: 'POST', path: ORG_TOKEN, fault: { kind: 'hang' } });
    const main = await world.main(inputs, cancelled);
    expect(main.code).not.toBe(0);
    const post = await postAfter(main);
    expect(post.stdout).toContain('There is no current organization token');
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('cancelled after the server committed, before the answer: found by expiry and creation, deleted', async () => {
    world.emulator.inject({ method: 'POST', path: ORG_TOKEN, fault: { kind: 'hang-after' } });
    const main = await world.main(inputs, cancelled);
    expect(main.code).not.toBe(0);
    const [made] = world.emulator.tokens();
    expect(made!.kind).toBe('organization');
    const post = await postAfter(main);
    expect(world.calls()).toEqual([
      'GET /organizations/acme/authentication-token',
      'DELETE /organizations/acme/authentication-token',
    ]);
    expect(post.stdout).toContain(`Deleted organization token ${made!.id}`);
    expect(warningsOf(post)).toEqual([]);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('a connection reset after the server committed: the main step fails, the post step deletes it', async () => {
    world.emulator.inject({ method: 'POST', path: ORG_TOKEN, fault: { kind: 'reset-after' } });
    const main = await world.main(inputs);
    expect(main.code).toBe(1);
    expect(world.emulator.tokens()).toHaveLength(1); // left for the post step, not cleaned up by the main one
    const post = await postAfter(main);
    expect(post.stdout).toContain('Deleted organization token');
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('cancelled after the answer, before the state write: the record without its id is enough', async () => {
    const main = await world.main(inputs);
    const state = JSON.parse(main.state['cleanup']!);
    state.records[0].tokenId = null;
    delete state.records[0].reportedExpiredAt;
    const post = await postAfter({ ...main, state: { cleanup: JSON.stringify(state) } });
    expect(post.stdout).toContain(`Deleted organization token ${main.outputs['token-id']}`);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('a current token this run cannot prove its own is left alone, with a warning that names it', async () => {
    const earlier = await world.main({ ...inputs, ephemeral: 'false' });
    world.emulator.inject({ method: 'POST', path: ORG_TOKEN, fault: { kind: 'hang' } });
    const main = await world.main({ ...inputs, 'replace-existing': 'true' }, cancelled);
    const post = await postAfter(main);
    const warnings = warningsOf(post).join('\n');
    expect(warnings).toContain(`the current organization token ${earlier.outputs['token-id']}`);
    expect(warnings).toContain('Check it by hand');
    expect(post.stdout).not.toMatch(/\bA organization\b/);
    expect(world.calls()).toEqual(['GET /organizations/acme/authentication-token']);
    expect(world.emulator.tokens().map((token) => token.id)).toEqual([earlier.outputs['token-id']]);
  });

  test('a token made after the record but under another expiry (another pipeline) is left alone, warned', async () => {
    world.emulator.inject({ method: 'POST', path: ORG_TOKEN, fault: { kind: 'hang' } });
    const main = await world.main(inputs, cancelled);
    const other = await world.api('POST', '/organizations/acme/authentication-token', {
      data: {
        type: 'authentication-token',
        attributes: { 'expired-at': new Date(Date.now() + 3_600_000).toISOString() },
      },
    });
    expect(other.status).toBe(201);
    const post = await postAfter(main);
    expect(warningsOf(post).join('\n')).toContain(`the current organization token ${other.body.data.id}`);
    expect(world.emulator.tokens().map((token) => token.id)).toEqual([other.body.data.id]);
  });

  test('a record whose saved time is later than the current token was made proves nothing: warned, kept', async () => {
    world.emulator.inject({ method: 'POST', path: ORG_TOKEN, fault: { kind: 'hang-after' } });
    const main = await world.main(inputs, cancelled);
    const state = JSON.parse(main.state['cleanup']!);
    state.records[0].savedAt = new Date(Date.now() + 60_000).toISOString();
    const post = await postAfter({ ...main, state: { cleanup: JSON.stringify(state) } });
    expect(warningsOf(post).join('\n')).toContain('Could not tell whether the organization token create');
    expect(world.emulator.tokens()).toHaveLength(1);
  });

  test('an audit-trail create cancelled after the server committed is settled the same way', async () => {
    const audit = { 'token-type': 'audit-trail', organization: 'acme' };
    world.emulator.inject({ method: 'POST', path: ORG_TOKEN, fault: { kind: 'hang-after' } });
    const main = await world.main(audit, cancelled);
    const [made] = world.emulator.tokens();
    expect(made!.kind).toBe('audit-trail');
    world.emulator.clearRequests();
    const post = await world.post(main, audit);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`Deleted audit-trail token ${made!.id}`);
    expect(world.emulator.requests().every((request) => request.query === 'token=audit-trails')).toBe(true);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('the legacy team token is settled the same way', async () => {
    const legacy = { 'team-id': world.teamId, 'legacy-team-token': 'true' };
    world.emulator.inject({ method: 'POST', path: /\/authentication-token$/, fault: { kind: 'hang-after' } });
    const main = await world.main(legacy, cancelled);
    expect(world.emulator.tokens()).toHaveLength(1);
    const post = await world.post(main, legacy);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Deleted legacy team token');
    expect(world.emulator.tokens()).toEqual([]);
    expect(errorsOf(post)).toEqual([]);
  });
});
