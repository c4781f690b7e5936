import { expect, test } from '@jest/globals';
import { TfcClient } from '../../src/api/tfc/client.js';
import { guardIo } from '../../src/runner/io.js';
import { CleanupLedger } from '../../src/state/ledger.js';
import type { Dependencies } from '../../src/runner/io.js';
import { postStep } from '../../src/post.js';
import type { Transport } from '../../src/transport/transport.js';
import { fakeIo } from '../support/fakes/fake-io.js';

const MINUTE = 60_000;
const START = 1_800_000_000_000;

/**
 * The post step of a job whose delete meets nothing but 429s: it keeps waiting them out (never by a count of
 * attempts) until its budget of 5 minutes ends, then warns naming the token.
 */
test('the post step waits out 429s for 5 minutes, not for a number of attempts', async () => {
  const { io, calls } = fakeIo();
  new CleanupLedger(io, 'app.terraform.io').put({
    kind: 'team',
    organization: 'acme',
    description: 'per-job 0123456789abcdef',
    tokenId: 'at-abc123',
    expiredAt: new Date(START + 60 * MINUTE).toISOString(),
    teamId: 'team-abc123',
    ephemeral: true,
  });
  let now = START;
  let sent = 0;
  const connections: Parameters<Dependencies['connect']>[0][] = [];
  const transport: Transport = {
    send: async () => {
      sent++;
      return { status: 429, headers: { 'x-ratelimit-reset': '1' }, body: '{"errors":[]}' };
    },
    close: () => undefined,
  };
  const deps: Dependencies = {
    io: guardIo(io, (message) => calls.push(['fail', message])),
    env: { 'INPUT_API-TOKEN': 'credential.atlasv1.secret', INPUT_HOSTNAME: 'app.terraform.io' },
    now: () => now,
    randomHex: () => '0123456789abcdef',
    connect: (connection) => {
      connections.push(connection);
      return new TfcClient({
        ...connection,
        transport,
        sleep: async (ms) => void (now += ms),
        now: () => now,
        random: () => 0.5,
        log: () => undefined,
      });
    },
    transport: () => transport,
  };
  await postStep(deps);
  expect(connections[0]?.deadline).toBe(START + 5 * MINUTE);
  expect(sent).toBeGreaterThan(30);
  expect(now).toBeGreaterThan(START + 4 * MINUTE);
  expect(now).toBeLessThanOrEqual(START + 5 * MINUTE);
  const warnings = calls.filter(([kind]) => kind === 'warning').map(([, message]) => message);
  expect(warnings).toEqual([
    expect.stringContaining('Could not delete at-abc123: DELETE /authentication-tokens/at-abc123 answered 429'),
  ]);
});
