import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import type { FaultKind } from '../../emulator/server.js';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import type { StepResult } from '../support/steps/runner.js';
import { startWorld, type World } from '../support/steps/world.js';

/**
 * The hostile-server suite: a server (or a proxy, or a careless neighbour) that drips, floods, never stops paging,
 * answers with control characters, echoes the credential, hands out broken tokens; two jobs that share a
 * description; a runner killed mid-create; a tampered state file. Every case runs the bundled action as a process.
 */

let world: World;
beforeEach(async () => {
  world = await startWorld({ rateLimit: 0 });
});
afterEach(() => world.emulator.close());

const TOKEN_CREATE = /\/teams\/team-[A-Za-z0-9]+\/authentication-tokens$/;

/** Every workflow command a step printed must be one the action means: never a forged one from server text. */
function expectNoForgedCommands(step: StepResult): void {
  for (const line of step.stdout.split('\n')) {
    const command = /^\s*::([a-z-]+)/.exec(line)?.[1];
    if (command) expect(['add-mask', 'error', 'warning', 'notice', 'debug']).toContain(command);
    expect(line).not.toMatch(/^\s*::(set-output|stop-commands|save-state|set-env|add-path)/);
  }
  expect(step.summary).not.toMatch(/\n\s*::/);
}

function rewrite(path: RegExp, change: Extract<FaultKind, { kind: 'rewrite' }>['rewrite'], method = 'GET', times = 1) {
  world.emulator.inject({ method, path, times, fault: { kind: 'rewrite', rewrite: change } });
}

/** Text that would be a workflow command if it reached the log raw, plus HTML that would break out of a table. */
const HOSTILE =
  `x\n::set-output name=deleted-ids::[]\r\n::stop-commands::pwned\u2028` + `</td></tr></table><a href="https://evil">`;

describe('a slow or flooding server', () => {
  test('a create answer dripped a byte a second is cut off at request-timeout, reconciled, ended', async () => {
    world.emulator.inject({ method: 'POST', path: TOKEN_CREATE, fault: { kind: 'drip' } });
    const started = Date.now();
    const { main, post } = await world.job({ 'team-id': world.teamId, 'request-timeout': '2' });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(main.code).toBe(0);
    // The dripped create was committed: found by this run's nonce and deleted; the second create is the job's token.
    expect(main.stdout).toMatch(/Deleted token at-\w+, created by the interrupted request/);
    expect(post.code).toBe(0);
    expect(world.emulator.tokens()).toEqual([]);
    expectClean(main, [main.outputs['token'], world.credential]);
  });

  test('a 600 MB answer is refused after a few MB with one clear error, no crash and no stack trace', async () => {
    world.emulator.inject({
      method: 'GET',
      path: /\/organizations\/acme\/teams$/,
      fault: { kind: 'oversized', bytes: 600 * 1024 * 1024 },
    });
    const main = await world.main({ 'team-name': 'platform', organization: 'acme' });
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toMatch(/GET (\/api\/v2)?\/organizations\/acme\/teams /);
    expect(errorsOf(main)[0]).toMatch(/MiB|too large|larger than/i);
    expect(main.stderr).not.toMatch(/^\s+at /m);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test.each([
    ['claims a million pages: refused from its first page', 1_000_000, 1],
    ['names no page count and never ends: read to the page cap', undefined, 200],
  ])('endless pagination that %s, with a clear error', async (_name, totalPages, reads) => {
    rewrite(
      /\/team-tokens$/,
      (body) => {
        const current = body.meta.pagination['current-page'];
        body.meta.pagination = { ...body.meta.pagination, 'next-page': current + 1, 'total-pages': totalPages };
        return { body };
      },
      'GET',
      Infinity,
    );
    const list = await world.main({ mode: 'list', organization: 'acme' });
    expect(list.code).toBe(1);
    expect(errorsOf(list)).toHaveLength(1);
    expect(errorsOf(list)[0]).toMatch(/more than 200 pages/);
    expect(world.calls().filter((call) => call.includes('/team-tokens'))).toHaveLength(reads);
  });

  test('a list that announces more than 10,000 tokens is refused from its first page, naming the cap', async () => {
    rewrite(/\/team-tokens$/, (body) => {
      body.meta.pagination = { ...body.meta.pagination, 'next-page': 2, 'total-pages': 150, 'total-count': 15_000 };
      return { body };
    });
    const list = await world.main({ mode: 'list', organization: 'acme' });
    expect(list.code).toBe(1);
    expect(errorsOf(list)).toHaveLength(1);
    expect(errorsOf(list)[0]).toMatch(/mode: list refused a list past its cap: .* announces 15000 items/);
    expect(errorsOf(list)[0]).toMatch(/10000 items and 32 MiB/);
    expect(world.calls().filter((call) => call.includes('/team-tokens'))).toHaveLength(1);
  });

  test.each([
    ['items: pages of 1,000 tokens that never end', 1_000, 0, /holds more than 10000 items/, 11],
    ['bytes: pages of 3 MiB that never end', 1, 3 * 1024 * 1024, /took more than 32 MiB of answers/, 11],
  ])(
    'a list past its cap in %s is refused there, nothing more read',
    async (_label, copies, padding, message, reads) => {
      await world.mint(world.teamId, 'one');
      rewrite(
        /\/team-tokens$/,
        (body) => {
          const current = body.meta.pagination['current-page'];
          body.data = Array.from({ length: copies }, () => body.data[0]);
          body.meta = {
            pagination: { 'current-page': current, 'next-page': current + 1 },
            padding: ' '.repeat(padding),
          };
          return { body };
        },
        'GET',
        Infinity,
      );
      const list = await world.main({ mode: 'list', organization: 'acme' });
      expect(list.code).toBe(1);
      expect(errorsOf(list)).toHaveLength(1);
      expect(errorsOf(list)[0]).toMatch(message);
      expect(world.calls().filter((call) => call.includes('/team-tokens'))).toHaveLength(reads);
    },
  );

  test('a next-page that does not move forward is refused at once, in a sweep too', async () => {
    rewrite(
      /\/team-tokens$/,
      (body) => {
        body.meta.pagination = { ...body.meta.pagination, 'next-page': 1, 'total-pages': 3 };
        return { body };
      },
      'GET',
      Infinity,
    );
    const sweep = await world.main({ mode: 'sweep', organization: 'acme' });
    expect(sweep.code).toBe(1);
    expect(errorsOf(sweep)[0]).toMatch(/names a next page that does not follow it/);
    expect(world.calls().filter((call) => call.includes('/team-tokens'))).toHaveLength(1);
  });
});

describe('text from the server never becomes a workflow command, markup or a leak', () => {
  test('list: control characters and HTML in every text field of every token', async () => {
    await world.mint(world.teamId, 'plain');
    rewrite(/\/team-tokens$/, (body) => {
      for (const token of body.data) {
        token.attributes.description = HOSTILE;
        token.attributes['created-at'] = `2026-01-01T00:00:00Z${HOSTILE}`;
        token.attributes['expired-at'] = `2030-01-01T00:00:00Z${HOSTILE}`;
      }
      return { body };
    });
    rewrite(/\/organizations\/acme\/teams$/, (body) => {
      for (const team of body.data) team.attributes.name = HOSTILE;
      return { body };
    });
    const list = await world.main({ mode: 'list', organization: 'acme' });
    expect(list.code).toBe(0);
    expectNoForgedCommands(list);
    expect(list.summary).not.toContain('</td></tr></table><a');
    expect(list.summary).not.toContain('<a href');
    expect(list.summary).toContain('&#60;/td&#62;');
    // The JSON output carries the text as data, escaped by JSON itself.
    expect(JSON.parse(list.outputs['tokens']!)[0].description).toBe(HOSTILE);
  });

  test('sweep dry run: hostile descriptions on per-job-looking tokens print nothing forged', async () => {
    const id = await world.mint(world.teamId, 'gha-tfc-token octo-org/infra run-1-1 job-x 0123456789abcdef');
    rewrite(/\/team-tokens$/, (body) => {
      for (const token of body.data) {
        token.attributes['created-at'] = `2020-01-01T00:00:00Z${HOSTILE}`;
        token.attributes['expired-at'] = '2020-01-02T00:00:00Z';
      }
      return { body };
    });
    const sweep = await world.main({ mode: 'sweep', organization: 'acme', 'dry-run': 'true' });
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toContain(`Would delete ${id}`);
    expectNoForgedCommands(sweep);
    expect(world.emulator.tokens()).toHaveLength(1);
  });

  test('an error detail with line breaks that echoes the credential in four encodings is scrubbed', async () => {
    const credential = world.credential;
    const echoes = [
      credential,
      encodeURIComponent(credential),
      JSON.stringify(credential).slice(1, -1),
      Buffer.from(`Bearer ${credential}`).toString('base64'),
      Buffer.from(credential).toString('base64'),
    ];
    const detail = `bad request\n::stop-commands::pwned\nAuthorization: ${echoes.join(' | ')}`;
    const body = JSON.stringify({ errors: [{ status: '400', title: `invalid\n::set-output name=x::y`, detail }] });
    world.emulator.inject({ method: 'POST', path: TOKEN_CREATE, fault: { kind: 'status', status: 400, body } });
    const main = await world.main({ 'team-id': world.teamId });
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toContain('answered 400');
    expectNoForgedCommands(main);
    for (const echo of echoes) expect(main.stdout.replace(`::add-mask::${credential}`, '')).not.toContain(echo);
    expectClean(main, [credential]);
  });

  test('a token whose description and dates carry control characters is reported one line each', async () => {
    rewrite(
      TOKEN_CREATE,
      (body) => {
        body.data.attributes.description = HOSTILE;
        return { body };
      },
      'POST',
    );
    const { main, post } = await world.job({ 'team-id': world.teamId });
    expect(main.code).toBe(0);
    expectNoForgedCommands(main);
    expect(main.summary).not.toContain('<a href');
    expect(post.code).toBe(0);
    expect(world.emulator.tokens()).toEqual([]);
  });
});

describe('broken create answers', () => {
  const cases: Array<[string, (attributes: Record<string, unknown>) => void]> = [
    ['a token with a line break', (attributes) => (attributes['token'] = `${attributes['token']}\n::add-mask::x`)],
    ['a one-character token', (attributes) => (attributes['token'] = 'x')],
    ['no token at all (201 without attributes.token)', (attributes) => delete attributes['token']],
  ];
  test.each(cases)('%s: deleted by id at once, nothing output or exported, one clear error', async (_label, change) => {
    rewrite(
      TOKEN_CREATE,
      (body) => {
        change(body.data.attributes);
        return { body };
      },
      'POST',
    );
    const main = await world.main({ 'team-id': world.teamId });
    expect(main.code).toBe(1);
    expect(errorsOf(main)).toHaveLength(1);
    expect(errorsOf(main)[0]).toMatch(/created token at-\w+ but .* so it was not used\. It was deleted again/);
    expect(main.outputs['token']).toBeUndefined();
    expect(main.exported).toEqual({});
    expect(world.emulator.tokens()).toEqual([]);
    expect(world.calls().filter((call) => call.startsWith('DELETE /authentication-tokens/at-'))).toHaveLength(1);
    expectNoForgedCommands(main);
    expectClean(main, [...world.emulator.mintedSecrets(), world.credential]);
  });

  test('a non-at-… id never reaches a URL, the state or an output; the post step finds it by nonce', async () => {
    rewrite(
      TOKEN_CREATE,
      (body) => {
        body.data.id = '../../organizations/acme';
        return { body };
      },
      'POST',
    );
    const main = await world.main({ 'team-id': world.teamId });
    expect(main.code).toBe(1);
    expect(errorsOf(main)[0]).toMatch(/not one the API gives: a token id is not a token id/);
    expect(main.outputs['token-id']).toBeUndefined();
    expect(main.files.state).not.toContain('..');
    const post = await world.post(main, { 'team-id': world.teamId });
    expect(post.code).toBe(0);
    expect(world.calls().filter((call) => call.includes('..'))).toEqual([]);
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('an expiry that comes back null is warned about in the log and the summary', async () => {
    rewrite(
      TOKEN_CREATE,
      (body) => {
        body.data.attributes['expired-at'] = null;
        return { body };
      },
      'POST',
    );
    const { main } = await world.job({ 'team-id': world.teamId });
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/::warning::Token at-\w+ was asked to expire at .* but the server reports no expiry/);
    expect(main.summary).toContain('expiry differs');
  });
});

describe('colliding jobs with the same explicit description', () => {
  const inputs = () => ({ 'team-id': world.teamId, description: 'ci deploy' });

  /** Job A holds a live token; a person's long-lived token has exactly the description both jobs chose. */
  async function scene() {
    const handMade = await world.mint(world.teamId, 'ci deploy');
    const jobA = await world.main(inputs());
    expect(jobA.code).toBe(0);
    return { handMade, tokenA: jobA.outputs['token-id']!, jobA };
  }

  async function expectOnlyOwnTokensGone(handMade: string, tokenA: string, jobA: StepResult) {
    const left = world.emulator.tokens().map((token) => token.id);
    expect(left).toContain(handMade);
    expect(left).toContain(tokenA);
    const postA = await world.post(jobA, inputs());
    expect(postA.code).toBe(0);
    expect(world.emulator.tokens().map((token) => token.id)).toEqual([handMade]);
  }

  test("job B's create reset before it is sent: retried with a fresh nonce; A's token untouched", async () => {
    const { handMade, tokenA, jobA } = await scene();
    world.emulator.inject({ method: 'POST', path: TOKEN_CREATE, fault: { kind: 'reset-before' } });
    const { main, post } = await world.job(inputs());
    expect(main.code).toBe(0);
    expect(main.outputs['description']).toMatch(/^ci deploy [0-9a-f]{16}$/);
    expect(post.code).toBe(0);
    await expectOnlyOwnTokensGone(handMade, tokenA, jobA);
  });

  test("job B's create reset after the server committed: its own orphan is deleted, nothing else", async () => {
    const { handMade, tokenA, jobA } = await scene();
    world.emulator.inject({ method: 'POST', path: TOKEN_CREATE, fault: { kind: 'reset-after' } });
    const { main, post } = await world.job(inputs());
    expect(main.code).toBe(0);
    const deletes = world.calls().filter((call) => call.startsWith('DELETE'));
    expect(deletes).not.toContain(`DELETE /authentication-tokens/${tokenA}`);
    expect(deletes).not.toContain(`DELETE /authentication-tokens/${handMade}`);
    expect(post.code).toBe(0);
    await expectOnlyOwnTokensGone(handMade, tokenA, jobA);
  });

  test.each([
    ['after the server committed', 'hang-after' as const],
    ['before the server acted', 'hang' as const],
  ])(
    'the second job is killed (SIGKILL) mid-create %s; its post step removes only its own token',
    async (_label, kind) => {
      const { handMade, tokenA, jobA } = await scene();
      world.emulator.inject({ method: 'POST', path: TOKEN_CREATE, fault: { kind } });
      const killed = await world.main(inputs(), { timeoutMs: 4_000 });
      expect(killed.code).toBeNull(); // killed by the runner, not ended by itself
      expect(killed.state['cleanup']).toContain('"tokenId":null');
      const post = await world.post(killed, inputs());
      expect(post.code).toBe(0);
      if (kind === 'hang-after') expect(post.stdout).toMatch(/Deleted team token at-\w+, whose create was interrupted/);
      else expect(post.stdout).toMatch(/No token was created under "ci deploy [0-9a-f]{16}"/);
      await expectOnlyOwnTokensGone(handMade, tokenA, jobA);
    },
  );
});

describe('a tampered state file', () => {
  test('bad records skipped with a warning, the valid one cleaned, no DELETE leaves its endpoint', async () => {
    const main = await world.main({ 'team-id': world.teamId });
    const saved = JSON.parse(main.state['cleanup']!);
    const good = saved.records[0];
    const tampered = {
      hostname: saved.hostname,
      records: [
        { ...good, tokenId: '..' },
        { ...good, tokenId: 'at-abc/../../organizations/acme' },
        { ...good, kind: 'everything' },
        { ...good, teamId: 'team-x/..', tokenId: null },
        { ...good, description: 'line\n::stop-commands::x' },
        'not a record',
        good,
      ],
    };
    const post = await world.post(
      { ...main, state: { cleanup: JSON.stringify(tampered) } },
      { 'team-id': world.teamId },
    );
    expect(post.code).toBe(0);
    expect(post.stdout.match(/::warning::Skipped a clean-up record that is not valid/g)).toHaveLength(6);
    expect(world.calls().filter((call) => call.startsWith('DELETE'))).toEqual([
      `DELETE /authentication-tokens/${good.tokenId}`,
    ]);
    expect(world.emulator.tokens()).toEqual([]);
    expectNoForgedCommands(post);
  });

  test('a state that names another host is not followed: the credential goes only to the hostname input', async () => {
    const main = await world.main({ 'team-id': world.teamId });
    const saved = JSON.parse(main.state['cleanup']!);
    const elsewhere = JSON.stringify({ ...saved, hostname: 'attacker.example' });
    const post = await world.post({ ...main, state: { cleanup: elsewhere } }, { 'team-id': world.teamId });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::Nothing was cleaned up: the saved state names a different host/);
    expect(world.emulator.tokens()).toHaveLength(1);
  });
});
