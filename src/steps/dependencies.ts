import * as core from '@actions/core';
import { guardIo, type GuardedIo } from '../runner/guarded-io.js';
import type { Connection as InputConnection } from '../inputs/parse.js';
import { coreIo } from '../runner/io.js';
import { TfcClient } from '../api/tfc/client.js';
import { httpClientTransport } from '../transport/transport.js';
import { randomHex } from '../common/random.js';
import type { StepEnv } from '../runner/runner-input.js';
import { ACTION_VERSION } from '../common/version.js';

/** The connection the inputs name, plus the step's deadline. */
export interface Connection extends InputConnection {
  /** When the step's time budget ends (epoch ms). */
  readonly deadline?: number;
}

/** Everything the run functions take from the outside world, so tests can hand in their own. */
export interface Dependencies {
  /** Scrubs secrets from, and escapes, everything printed; the one place a step fails. */
  readonly io: GuardedIo;
  readonly env: StepEnv;
  readonly now: () => number;
  readonly randomHex: () => string;
  readonly connect: (connection: Connection) => TfcClient;
}

export function runnerDependencies(): Dependencies {
  const io = guardIo(coreIo, (message) => core.setFailed(message));
  return {
    io,
    env: process.env,
    now: Date.now,
    randomHex,
    connect: ({ hostname, apiToken, requestTimeoutMs, deadline }) =>
      new TfcClient({
        hostname,
        apiToken,
        transport: httpClientTransport({
          userAgent: `tfc-token-action/${ACTION_VERSION}`,
          timeoutMs: requestTimeoutMs,
        }),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: Date.now,
        random: Math.random,
        log: (message) => io.info(message),
        ...(deadline === undefined ? {} : { deadline }),
      }),
  };
}
