import { describe, expect, test } from '@jest/globals';
import {
  decideRetry,
  MAX_ATTEMPTS,
  MAX_ELAPSED_MS,
  rateLimitDelayMs,
  type Outcome,
} from '../../src/transport/retry.js';

const clock = { nowSeconds: 1_800_000_000, random: () => 0 };
const decide = (method: string, outcome: Outcome, attempt = 1, elapsed = 0) =>
  decideRetry(method, outcome, attempt, elapsed, clock);

describe('what is retried', () => {
  test.each([
    ['GET', { status: 429, rateLimitReset: '0.5' }, 500],
    ['POST', { status: 429, rateLimitReset: '0.5' }, 500],
    ['DELETE', { status: 429, rateLimitReset: '2' }, 2000],
    ['POST', { status: 429 }, 500],
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
    expect([1, 2, 3, 4, 5, 6].map((attempt) => decideRetry('GET', { status: 503 }, attempt, 0, clock))).toEqual(
      [500, 1000, 2000, 4000, 8000, 8000].map((delayMs) => ({ retry: true, delayMs })),
    );
    expect(decideRetry('GET', { status: 503 }, 1, 0, { ...clock, random: () => 0.999 })).toEqual({
      retry: true,
      delayMs: 800,
    });
  });

  test('stops after the last attempt and before the time budget is spent', () => {
    expect(decide('GET', { status: 503 }, MAX_ATTEMPTS)).toEqual({ retry: false });
    expect(decide('GET', { status: 429, rateLimitReset: '1' }, 1, MAX_ELAPSED_MS - 500)).toEqual({ retry: false });
    expect(decide('GET', { status: 429, rateLimitReset: '1' }, 1, MAX_ELAPSED_MS - 1000)).toEqual({
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
    expect(rateLimitDelayMs(header, clock.nowSeconds)).toBe(expected);
  });
});
