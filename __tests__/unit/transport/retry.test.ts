import { describe, expect, test } from '@jest/globals';
import {
  decideRetry,
  MAX_ATTEMPTS,
  MAX_ELAPSED_MS,
  RATE_LIMIT_WINDOWS_MS,
  rateLimitDelayMs,
  type Outcome,
  MAX_IN_FLIGHT,
  Pacer,
} from '../../../src/transport/retry.js';

const clock = { now: () => 1_800_000_000_000, random: () => 0 };
/** The history as the client keeps it: a 429 counts in `rateLimited`, anything else in `attempt`. */
const decide = (method: string, outcome: Outcome, attempt = 1, elapsedMs = 0) => {
  const rateLimited = 'status' in outcome && outcome.status === 429;
  return decideRetry(
    method,
    outcome,
    { attempt: rateLimited ? 0 : attempt, elapsedMs, rateLimited: rateLimited ? attempt : 0 },
    clock,
  );
};

describe('what is retried', () => {
  test.each([
    ['GET', { status: 429, rateLimitReset: '0.5' }, 500],
    ['POST', { status: 429, rateLimitReset: '0.5' }, 500],
    ['DELETE', { status: 429, rateLimitReset: '2' }, 2000],
    ['POST', { status: 429 }, 1000],
    ['GET', { status: 500 }, 500],
    ['GET', { status: 502 }, 500],
    ['DELETE', { status: 503 }, 500],
    ['GET', { status: 504 }, 500],
    ['GET', { networkError: 'ECONNRESET', connected: true }, 500],
    ['DELETE', { networkError: 'ETIMEDOUT', connected: true }, 500],
    ['POST', { networkError: 'ECONNREFUSED', connected: false }, 500],
  ] as const)('%s after %j waits %i ms', (method, outcome, delayMs) => {
    expect(decide(method, outcome)).toEqual({ retry: true, delayMs });
  });

  test.each([
    ['POST', { status: 500 }],
    ['POST', { status: 502 }],
    ['POST', { networkError: 'ECONNRESET', connected: true }],
    ['POST', { networkError: 'ETIMEDOUT', connected: true }],
    [
      'POST',
      { networkError: "UNABLE_TO_VERIFY_LEAF_SIGNATURE (the server's TLS certificate was refused)", connected: false },
    ],
    ['GET', { networkError: 'ERR_TLS_CERT_ALTNAME_INVALID', connected: false }],
    ['GET', { networkError: 'CERT_HAS_EXPIRED', connected: false }],
    ['DELETE', { networkError: 'SELF_SIGNED_CERT_IN_CHAIN', connected: false }],
    ['GET', { status: 404 }],
    ['GET', { status: 401 }],
    ['POST', { status: 422 }],
    ['GET', { status: 501 }],
    ['GET', { status: 200 }],
  ] as const)('%s after %j is not repeated', (method, outcome) => {
    expect(decide(method, outcome)).toEqual({ retry: false });
  });
});

describe('bounds', () => {
  test('backoff doubles per attempt up to 8 s, plus up to 300 ms of jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => decide('GET', { status: 503 }, attempt))).toEqual(
      [500, 1000, 2000, 4000, 8000, 8000].map((delayMs) => ({ retry: true, delayMs })),
    );
    const history = { attempt: 1, elapsedMs: 0, rateLimited: 0 };
    expect(decideRetry('GET', { status: 503 }, history, { ...clock, random: () => 0.999 })).toEqual({
      retry: true,
      delayMs: 800,
    });
  });

  test('other failures stop after the last attempt and before their own time limit', () => {
    expect(decide('GET', { status: 503 }, MAX_ATTEMPTS)).toEqual({ retry: false });
    expect(decide('GET', { status: 503 }, 1, MAX_ELAPSED_MS - 400)).toEqual({ retry: false });
    expect(decide('GET', { status: 503 }, 1, MAX_ELAPSED_MS - 500)).toEqual({ retry: true, delayMs: 500 });
  });
});

describe('429: bounded by the deadline, not by a count', () => {
  const at = (random: number) => ({ ...clock, random: () => random });
  const history = (rateLimited: number) => ({ attempt: 0, elapsedMs: 0, rateLimited });

  test('any number of 429s in a row, after any time spent, is waited out again (the client holds the deadline)', () => {
    const outcome = { status: 429, rateLimitReset: '0.5' };
    for (const rateLimited of [1, MAX_ATTEMPTS, 100, 10_000]) {
      expect(decideRetry('POST', outcome, { attempt: MAX_ATTEMPTS, elapsedMs: 3_600_000, rateLimited }, clock)).toEqual(
        { retry: true, delayMs: 500 },
      );
    }
  });

  test('never before the reset: the random share comes on top of it', () => {
    for (const random of [0, 0.3, 0.999]) {
      const decision = decideRetry('GET', { status: 429, rateLimitReset: '2.25' }, history(3), at(random));
      expect(decision.retry && decision.delayMs).toBeGreaterThanOrEqual(2250);
    }
  });

  test('the random share spans a wide window for the first two 429s in a row, then a short one for the tail', () => {
    const widest = [1, 2, 3, 4, 5, 20].map((rateLimited) => {
      const decision = decideRetry('GET', { status: 429, rateLimitReset: '0' }, history(rateLimited), at(1));
      return decision.retry ? decision.delayMs : null;
    });
    expect(widest).toEqual([16_000, 20_000, 6000, 6000, 6000, 6000]);
    expect(RATE_LIMIT_WINDOWS_MS).toEqual([16_000, 20_000, 6000]);
  });

  test('two waiters with different draws wait different times (the herd is broken up)', () => {
    const outcome = { status: 429, rateLimitReset: '1' };
    const first = decideRetry('POST', outcome, history(1), at(0.1));
    const second = decideRetry('POST', outcome, history(1), at(0.9));
    expect(first).toEqual({ retry: true, delayMs: 2600 });
    expect(second).toEqual({ retry: true, delayMs: 15_400 });
  });

  test('without a usable reset header, the next one-second window is the floor', () => {
    expect(decideRetry('GET', { status: 429, rateLimitReset: 'soon' }, history(1), clock)).toEqual({
      retry: true,
      delayMs: 1000,
    });
  });
});

describe('X-RateLimit-Reset', () => {
  test.each([
    ['0.25', 250],
    ['3', 3000],
    [' 1.5 ', 1500],
    ['999', 30_000],
    [String(1_800_000_002), 2000],
    [String(1_799_999_000), 0],
    [undefined, null],
    ['', null],
    ['soon', null],
    ['-1', null],
  ])('%j → %j ms', (header, expected) => {
    expect(rateLimitDelayMs(header, clock.now() / 1000)).toBe(expected);
  });
});

describe('the pacer: in flight, per second, after a reset', () => {
  /** A clock whose sleeps end in time order when `drive` advances it. */
  function virtualClock() {
    let now = 0;
    const timers: Array<{ at: number; wake: () => void }> = [];
    const clock = {
      now: () => now,
      sleep: (ms: number) => new Promise<void>((wake) => timers.push({ at: now + ms, wake })),
    };
    const drive = async (until: Promise<unknown>) => {
      let done = false;
      void until.finally(() => (done = true));
      while (!done) {
        await new Promise((resolve) => setImmediate(resolve));
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (!next) continue;
        now = Math.max(now, next.at);
        next.wake();
      }
    };
    return { clock, drive };
  }

  test(`at most ${MAX_IN_FLIGHT} requests are in flight; the next goes when one settles`, async () => {
    const pacer = new Pacer({ now: () => 0, sleep: async () => undefined });
    const answers: Array<() => void> = [];
    const all = Promise.all(
      Array.from({ length: 12 }, () => pacer.run(() => new Promise<void>((resolve) => answers.push(resolve)))),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(answers).toHaveLength(MAX_IN_FLIGHT);
    answers[0]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(answers).toHaveLength(MAX_IN_FLIGHT + 1);
    answers.slice(1).forEach((answer) => answer());
    await new Promise((resolve) => setImmediate(resolve));
    answers.forEach((answer) => answer());
    await all;
    expect(answers).toHaveLength(12);
  });

  test('once X-RateLimit-Limit is known, no second holds more sends than it allows', async () => {
    const { clock, drive } = virtualClock();
    const pacer = new Pacer(clock);
    pacer.learnLimit('3');
    const sentAt: number[] = [];
    await drive(Promise.all(Array.from({ length: 10 }, () => pacer.run(async () => sentAt.push(clock.now())))));
    expect(sentAt).toEqual([0, 0, 0, 1000, 1000, 1000, 2000, 2000, 2000, 3000]);
  });

  test('a limit that is not a positive whole number is ignored', async () => {
    const pacer = new Pacer({ now: () => 0, sleep: () => Promise.reject(new Error('paced')) });
    for (const header of ['0', '-3', '2.5', 'lots', undefined]) pacer.learnLimit(header);
    await Promise.all(Array.from({ length: 8 }, () => pacer.run(async () => undefined)));
  });

  test("after a reset is announced, none of the step's requests goes before it", async () => {
    const { clock, drive } = virtualClock();
    const pacer = new Pacer(clock);
    pacer.holdUntil(2500);
    pacer.holdUntil(1000);
    const sentAt: number[] = [];
    await drive(Promise.all(Array.from({ length: 3 }, () => pacer.run(async () => sentAt.push(clock.now())))));
    expect(sentAt).toEqual([2500, 2500, 2500]);
  });
});
