import * as core from '@actions/core';
import { guardIo, type GuardedIo } from './runner/io.js';
import type { Connection as InputConnection } from './inputs/parse.js';
import type { ActionIo, StepEnv } from './runner/io.js';
import { TfcClient } from './api/tfc/client.js';
import { httpClientTransport, type Transport } from './transport/transport.js';
import { TlsTrust } from './transport/trust.js';
import { randomHex } from './common/random.js';
import { ACTION_VERSION } from './common/version.js';

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
  /** A transport for another API (GitHub) with the connection's deadline and the step's TLS trust. */
  readonly transport: (connection: Connection) => Transport;
}

const USER_AGENT = `tfc-token-action/${ACTION_VERSION}`;

export function runnerDependencies(): Dependencies {
  const io = guardIo(coreIo, (message) => core.setFailed(message));
  // One per step: once the machine's store is added for an unknown issuer, every later connection has it.
  let trust: TlsTrust | undefined;
  const transport = ({ requestTimeoutMs, caCertificate }: Connection) => {
    trust ??= new TlsTrust({ ca: caCertificate, notice: (message) => io.notice(message) });
    return httpClientTransport({ userAgent: USER_AGENT, timeoutMs: requestTimeoutMs, trust });
  };
  return {
    io,
    env: process.env,
    now: Date.now,
    randomHex,
    transport,
    connect: (connection) =>
      new TfcClient({
        hostname: connection.hostname,
        apiToken: connection.apiToken,
        transport: transport(connection),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: Date.now,
        random: Math.random,
        log: (message) => io.info(message),
        warn: (message) => io.warning(message),
        ...(connection.deadline === undefined ? {} : { deadline: connection.deadline }),
      }),
  };
}

/** The runner surface through @actions/core (the only module that imports it, so only a good input loads it). */
const coreIo: ActionIo = {
  getState: (name) => core.getState(name),
  saveState: (name, value) => core.saveState(name, value),
  setSecret: (value) => core.setSecret(value),
  setOutput: (name, value) => core.setOutput(name, value),
  exportVariable: (name, value) => core.exportVariable(name, value),
  info: (message) => core.info(message),
  notice: (message) => core.notice(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  async writeSummary(heading, header, rows) {
    // Without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write; that is not an error.
    if (!process.env['GITHUB_STEP_SUMMARY']) return;
    await core.summary
      .addHeading(heading, 3)
      .addTable([header.map((data) => ({ data, header: true })), ...rows.map((row) => [...row])])
      .write();
  },
};
