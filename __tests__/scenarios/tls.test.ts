import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorsOf } from '../support/assertions/expectations.js';
import { noticesOf } from '../support/assertions/lines.js';
import { startWorld, type World } from '../support/steps/world.js';
import { createTestTls, removeTls, type LeafKind } from '../../emulator/tls.js';
import type { StepResult } from '../support/steps/runner.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.emulator.close());

// On Linux, Node's "system" store is OpenSSL's files, which SSL_CERT_FILE and SSL_CERT_DIR replace: a test can hand
// a step a machine store of its own. A missing SSL_CERT_DIR makes OpenSSL say so on stderr whenever the store is read,
// which shows whether a step read it. (macOS and Windows keep their stores elsewhere.)
const onLinux = process.platform === 'linux' ? test : test.skip;
const machineStore = (certFile: string) => ({ SSL_CERT_FILE: certFile, SSL_CERT_DIR: missingDir() });
const missingDir = () => join(world.caCertPath, '..', 'no-such-certs-dir');
const readTheStore = (step: StepResult) => step.stderr.includes(`Cannot open directory ${missingDir()}`);
const trustNotices = (step: StepResult) =>
  noticesOf(step).filter((line) => line.startsWith('::notice::The TLS certificate'));

test('an untrusted certificate: one clear error at once, never "may have been processed", nothing sent', async () => {
  // /dev/null as the CA bundle: the emulator's private CA is not trusted, as on a runner without NODE_EXTRA_CA_CERTS,
  // and the machine's store (this machine's own) does not know it either.
  const main = await world.main({ 'team-id': world.teamId }, { caCertPath: '/dev/null' });
  expect(main.code).toBe(1);
  const errors = errorsOf(main);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`POST /teams/${world.teamId}/authentication-tokens failed`);
  expect(errors[0]).toContain(
    "TLS certificate was refused: neither Node's bundled roots nor this machine's trust store know its issuer; " +
      'for a private CA set the ca-certificate input',
  );
  expect(errors[0]).not.toContain('may have been processed');
  expect(main.stdout).not.toContain('retrying');
  expect(main.elapsedMs).toBeLessThan(10_000);
  expect(world.emulator.requests()).toEqual([]);
  expect(world.emulator.tokens()).toEqual([]);
});

describe("the machine's trust store", () => {
  onLinux(
    'a CA only SSL_CERT_FILE knows: the job runs, after one notice that the store verified the host',
    async () => {
      world.emulator.clearRequests();
      const env = machineStore(world.caCertPath);
      const { main, post } = await world.job({ 'team-id': world.teamId }, { caCertPath: null, env });
      expect(errorsOf(main)).toEqual([]);
      expect(trustNotices(main)).toEqual([
        `::notice::The TLS certificate of ${world.emulator.hostname} was verified with this machine's trust store ` +
          "(Node's bundled roots do not know its issuer); the step trusts that store from now on.",
      ]);
      expect(readTheStore(main)).toBe(true);
      expect(post.stdout).toContain(`Deleted team token ${main.outputs['token-id']}.`);
      expect(trustNotices(post)).toHaveLength(1); // its own process: the same fallback, said again
      expect(world.calls()).toEqual([
        `POST /teams/${world.teamId}/authentication-tokens`,
        `DELETE /authentication-tokens/${main.outputs['token-id']}`,
      ]);
      expect(world.emulator.tokens()).toEqual([]);
    },
  );

  onLinux("when Node's roots (with NODE_EXTRA_CA_CERTS) verify the host, the store is never read", async () => {
    const { main, post } = await world.job({ 'team-id': world.teamId }, { env: machineStore('/dev/null') });
    expect(errorsOf(main)).toEqual([]);
    expect([readTheStore(main), readTheStore(post), trustNotices(main), trustNotices(post)]).toEqual([
      false,
      false,
      [],
      [],
    ]);
  });
});

describe('the ca-certificate input', () => {
  onLinux('as a file path or as PEM text, it trusts the CA with nothing in the environment', async () => {
    const pem = await readFile(world.caCertPath, 'utf8');
    for (const given of [world.caCertPath, pem]) {
      const inputs = { 'team-id': world.teamId, 'ca-certificate': given };
      const { main, post } = await world.job(inputs, { caCertPath: null, env: machineStore('/dev/null') });
      expect(errorsOf(main)).toEqual([]);
      expect(post.stdout).toContain(`Deleted team token ${main.outputs['token-id']}.`);
      expect([readTheStore(main), trustNotices(main)]).toEqual([false, []]);
    }
    expect(world.emulator.tokens()).toEqual([]);
  });

  test("a CA that did not issue the server's certificate: one error naming the input", async () => {
    const other = await createTestTls();
    try {
      const inputs = { 'team-id': world.teamId, 'ca-certificate': other.caCert };
      const main = await world.main(inputs, { caCertPath: null });
      expect(errorsOf(main)).toEqual([
        expect.stringContaining(
          "TLS certificate was refused: neither the ca-certificate input nor Node's bundled roots issued it",
        ),
      ]);
      expect(world.emulator.tokens()).toEqual([]);
    } finally {
      removeTls(other);
    }
  });
});

describe('refused whatever is trusted', () => {
  test.each<[label: string, kind: LeafKind, reason: string]>([
    ['for another name', 'other-name', 'ERR_TLS_CERT_ALTNAME_INVALID (%s: it is for another host name)'],
    ['that has expired', 'expired', 'CERT_HAS_EXPIRED (%s: it has expired)'],
    ['that signed itself', 'self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT (%s: it is self-signed)'],
  ])('a certificate %s fails the step with the reason, nothing sent', async (_label, kind, reason) => {
    const material = await createTestTls(kind);
    const bad = await startWorld({ tls: material });
    try {
      // Its CA in NODE_EXTRA_CA_CERTS and the input: trusted every way there is.
      const inputs = { 'team-id': bad.teamId, 'ca-certificate': material.caCert };
      const main = await bad.main(inputs, { caCertPath: material.caCertPath });
      const errors = errorsOf(main);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(reason.replace('%s', "the server's TLS certificate was refused"));
      expect(errors[0]).not.toContain('may have been processed');
      expect(main.stdout).not.toContain('retrying');
      expect([bad.emulator.requests(), bad.emulator.tokens()]).toEqual([[], []]);
    } finally {
      await bad.emulator.close();
      removeTls(material);
    }
  });
});
