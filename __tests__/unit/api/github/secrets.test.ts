import { describe, expect, test } from '@jest/globals';
import sodium from 'libsodium-wrappers';
import { AmbiguousRequestError } from '../../../../src/common/errors.js';
import { storeSecret } from '../../../../src/api/github/secrets.js';
import type { RawResponse, Transport } from '../../../../src/transport/transport.js';
import { TransportError, MAX_ELAPSED_MS } from '../../../../src/transport/retry.js';

/** The GitHub secret write through the action's transport: retried by the one policy, ambiguous once sent. */

type Answer = RawResponse | TransportError;

async function publicKeyAnswer(): Promise<RawResponse> {
  await sodium.ready;
  const key = sodium.to_base64(sodium.crypto_box_keypair().publicKey, sodium.base64_variants.ORIGINAL);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key_id: 'k', key }) };
}

function scripted(answers: Answer[]) {
  const sent: string[] = [];
  const transport: Transport = {
    async send(method, url) {
      sent.push(`${method} ${new URL(url).pathname}`);
      const answer = answers.shift();
      if (!answer) throw new Error('no scripted answer left');
      if (answer instanceof TransportError) throw answer;
      return answer;
    },
    close: () => undefined,
  };
  return { transport, sent };
}

const connection = { token: 'ghp_test', apiUrl: 'https://api.github.test', userAgent: 'test', timeoutMs: 1000 };
const target = { name: 'TFC_TOKEN', repository: 'octo-org/infra', environment: null, organization: null };
const empty = (status: number): RawResponse => ({ status, headers: {}, body: '' });
/** The retry policy's waits pass at once on a clock of their own. */
function fakeClock() {
  let now = 0;
  return { now: () => now, random: () => 0, sleep: async (ms: number) => void (now += ms) };
}

describe('storeSecret', () => {
  test('a PUT reset after it was sent is sent again (same value: repeatable)', async () => {
    const { transport, sent } = scripted([await publicKeyAnswer(), new TransportError('ECONNRESET', true), empty(204)]);
    await expect(storeSecret(connection, target, 'value', transport, { clock: fakeClock() })).resolves.toBe('updated');
    expect(sent.filter((request) => request.startsWith('PUT'))).toHaveLength(2);
  });

  test('a PUT whose outcome stays unknown is ambiguous, not "could not be reached"', async () => {
    const resets = Array.from({ length: 10 }, () => new TransportError('ECONNRESET', true));
    const { transport } = scripted([await publicKeyAnswer(), ...resets]);
    const error = await storeSecret(connection, target, 'value', transport, { clock: fakeClock() }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AmbiguousRequestError);
    expect((error as Error).message).toContain('PUT /repos/octo-org/infra/actions/secrets/TFC_TOKEN');
  });

  test('a refused PUT is a plain failure: nothing was written', async () => {
    const refused = { status: 422, headers: {}, body: '{"message":"Bad key id"}' };
    const { transport } = scripted([await publicKeyAnswer(), refused]);
    const error = await storeSecret(connection, target, 'value', transport, { clock: fakeClock() }).catch(
      (caught: unknown) => caught,
    );
    expect(error).not.toBeInstanceOf(AmbiguousRequestError);
    expect((error as Error).message).toContain('Bad key id');
  });

  test('once a PUT may have been processed, a later refusal does not settle it: still unknown', async () => {
    const refused = { status: 403, headers: {}, body: '{"message":"Resource not accessible"}' };
    const { transport, sent } = scripted([await publicKeyAnswer(), empty(502), refused]);
    const error = await storeSecret(connection, target, 'value', transport, { clock: fakeClock() }).catch(
      (caught: unknown) => caught,
    );
    expect(sent.filter((request) => request.startsWith('PUT'))).toHaveLength(2);
    expect(error).toBeInstanceOf(AmbiguousRequestError);
    expect((error as Error).message).toContain('after an earlier attempt that may have been processed');
  });

  test("429s are waited out only within the policy's elapsed bound, whatever the step's budget", async () => {
    const limited = { status: 429, headers: { 'x-ratelimit-reset': '30' }, body: '{"message":"slow down"}' };
    const { transport, sent } = scripted([await publicKeyAnswer(), ...Array.from({ length: 10 }, () => limited)]);
    const clock = fakeClock();
    const error = await storeSecret(connection, target, 'value', transport, { clock }).catch(
      (caught: unknown) => caught,
    );
    // 30 s waits from 0: the third 429 would wait past 60 s, so it ends the write.
    expect(sent.filter((request) => request.startsWith('PUT'))).toHaveLength(3);
    expect(clock.now()).toBeLessThanOrEqual(MAX_ELAPSED_MS);
    expect(error).not.toBeInstanceOf(AmbiguousRequestError);
    expect((error as Error).message).toContain('GitHub answered 429');
  });

  test("every request shares the step's budget: none is sent past it, whatever is left to read", async () => {
    // An organization secret shared with many repositories: a page of 100 at a time, each answer taking 20 s.
    let now = 0;
    const sent: string[] = [];
    const key = await publicKeyAnswer();
    const page = { total_count: 10_000, repositories: Array.from({ length: 100 }, (_, id) => ({ id })) };
    const transport: Transport = {
      async send(method, url) {
        sent.push(`${method} ${new URL(url).pathname}`);
        now += 20_000;
        if (url.includes('public-key')) return key;
        const json = { 'content-type': 'application/json' };
        if (url.includes('/repositories')) return { status: 200, headers: json, body: JSON.stringify(page) };
        return { status: 200, headers: json, body: '{"visibility":"selected"}' };
      },
      close: () => undefined,
    };
    const clock = { now: () => now, random: () => 0, sleep: async (ms: number) => void (now += ms) };
    const organizationTarget = { ...target, organization: 'octo-org' };
    const error = await storeSecret(connection, organizationTarget, 'value', transport, {
      clock,
      deadline: 120_000,
    }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/was not sent: the step's time budget is spent/);
    expect(sent).toHaveLength(6);
    expect(sent.filter((request) => request.startsWith('PUT'))).toEqual([]);
  });

  test("Octokit's own warnings go to the caller's log, never the console", async () => {
    const key = await publicKeyAnswer();
    const deprecated = { ...key, headers: { ...key.headers, deprecation: 'true', sunset: '##[x]y' } };
    const { transport } = scripted([deprecated, empty(204)]);
    const warnings: string[] = [];
    const log = { debug: () => undefined, warning: (message: string) => warnings.push(message) };
    const original = console.warn;
    const console_: string[] = [];
    console.warn = (message: string) => void console_.push(message);
    try {
      await storeSecret(connection, target, 'value', transport, { clock: fakeClock(), log });
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([expect.stringContaining('is scheduled to be removed on ##[x]y')]);
    expect(console_).toEqual([]);
  });
});
