import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { coreIo, type ActionIo } from './io.js';
import { TfcClient } from './tfc/client.js';
import { nodeTransport } from './tfc/transport.js';
import { ACTION_VERSION } from './version.js';

/** Everything the run functions take from the outside world, so tests can hand in their own. */
export interface Dependencies {
  readonly io: ActionIo;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
  readonly randomHex: () => string;
  readonly connect: (connection: { hostname: string; apiToken: string; requestTimeoutMs: number }) => TfcClient;
}

export function runnerDependencies(): Dependencies {
  const io = coreIo;
  return {
    io,
    env: process.env,
    now: Date.now,
    randomHex: () => randomBytes(4).toString('hex'),
    connect: ({ hostname, apiToken, requestTimeoutMs }) =>
      new TfcClient({
        hostname,
        apiToken,
        transport: nodeTransport({ userAgent: `tfc-token-action/${ACTION_VERSION}`, timeoutMs: requestTimeoutMs }),
        sleep: (ms) => sleep(ms),
        now: Date.now,
        random: Math.random,
        log: (message) => io.info(message),
      }),
  };
}
