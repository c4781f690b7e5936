import type { RequestRecord } from '../../../emulator/types.js';

/**
 * Requests repeated before the reset their 429 announced: each 429 is matched with the next request that has the
 * same fingerprint (the same step sending it again), which must arrive no earlier than the reset. Only requests that
 * one job alone sends are matched (a create carries its job's nonce, a delete its token's id): two jobs' identical
 * look-ups (GET) cannot be told apart.
 */
export function sentBeforeReset(requests: readonly RequestRecord[]): RequestRecord[] {
  const early: RequestRecord[] = [];
  requests.forEach((request, index) => {
    if (request.status !== 429 || request.rateLimitReset === null || request.method === 'GET') return;
    const again = requests.slice(index + 1).find((later) => later.fingerprint === request.fingerprint);
    if (again && again.receivedMs < request.receivedMs + request.rateLimitReset * 1000) early.push(again);
  });
  return early;
}

export function rateLimitedCount(requests: readonly RequestRecord[]): number {
  return requests.filter((request) => request.status === 429).length;
}
