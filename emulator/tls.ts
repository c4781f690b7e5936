import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface TestTls {
  /** The CA certificate on disk, for NODE_EXTRA_CA_CERTS of child processes (read only at their start). */
  readonly caCertPath: string;
  /** The temporary folder holding it; removeTls removes it. */
  readonly dir: string;
  readonly key: string;
  readonly cert: string;
  readonly caCert: string;
}

const run = promisify(execFile);
let shared: Promise<TestTls> | undefined;
/** Folders not removed yet, removed at the latest when the process exits. */
const made = new Set<string>();
process.once('exit', () => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A throwaway CA and a leaf certificate for localhost, 127.0.0.1 and ::1, made once per process (per test file under
 * jest, whose module registry is per file) and shared. Real TLS with a private CA keeps the action's HTTPS path under
 * test instead of switching verification off. removeSharedTls removes it.
 */
export function makeTestTls(): Promise<TestTls> {
  shared ??= createTestTls();
  return shared;
}

/** Removes the shared CA's folder, if made; a later makeTestTls makes a new one. */
export async function removeSharedTls(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (current) removeTls(await current);
}

export function removeTls(tls: TestTls): void {
  removeFolder(tls.dir);
}

function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  made.delete(dir);
}

/**
 * What the leaf is: one the CA issued for localhost and the test names, or one a client must refuse whatever it
 * trusts (issued for another name, expired, or signed by itself instead of the CA).
 */
export type LeafKind = 'valid' | 'other-name' | 'expired' | 'self-signed';

/**
 * A CA of its own, for an owner that removes it with removeTls. Only the CA certificate stays on disk: the private
 * keys are read into memory and deleted at once, so a folder left behind (a process killed with SIGKILL) holds
 * nothing secret. A process that exits normally removes what is left; under jest that exit hook never fires (the
 * test sees a copy of `process`), which is why the test setup removes the shared CA after each file.
 */
export async function createTestTls(leaf: LeafKind = 'valid'): Promise<TestTls> {
  const dir = await mkdtemp(join(tmpdir(), 'tfc-token-tls-'));
  made.add(dir);
  try {
    const [key, cert, caCert] = await issue(dir, leaf);
    await Promise.all(['ca.key', 'key.pem', 'leaf.csr', 'leaf.ext', 'cert.pem'].map((name) => rm(join(dir, name))));
    return { caCertPath: join(dir, 'ca.pem'), dir, key, cert, caCert };
  } catch (failure) {
    removeFolder(dir);
    throw failure;
  }
}

/** Runs openssl in `dir`; returns the leaf key, the leaf certificate and the CA certificate as PEM. */
async function issue(dir: string, leaf: LeafKind): Promise<[string, string, string]> {
  const file = (name: string) => join(dir, name);
  // P-256 keys take milliseconds to generate; RSA would slow every test file's start.
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', [
    'req',
    '-x509',
    ...newKey,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-days',
    '7',
    '-subj',
    '/CN=tfc-token-action test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run('openssl', [
    'req',
    ...newKey,
    '-keyout',
    file('key.pem'),
    '-out',
    file('leaf.csr'),
    '-subj',
    '/CN=localhost',
  ]);
  // `x509 -req` with an extension file rather than `req -x509 -CA`, which needs OpenSSL 3 (macOS ships LibreSSL).
  await writeFile(
    file('leaf.ext'),
    [
      // *.test names are reached only through the test proxy, which maps them to 127.0.0.1 (loopback itself
      // bypasses proxies).
      leaf === 'other-name'
        ? 'subjectAltName=DNS:elsewhere.test'
        : 'subjectAltName=DNS:localhost,DNS:tfc.test,DNS:github.test,IP:127.0.0.1,IP:::1',
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
    ].join('\n'),
  );
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    file('leaf.csr'),
    ...(leaf === 'self-signed' ? ['-signkey', file('key.pem')] : ['-CA', file('ca.pem'), '-CAkey', file('ca.key')]),
    '-set_serial',
    `0x${randomBytes(8).toString('hex')}`,
    '-days',
    leaf === 'expired' ? '-1' : '7', // -1: it ended a day before it began
    '-extfile',
    file('leaf.ext'),
    '-out',
    file('cert.pem'),
  ]);
  const read = (name: string) => readFile(file(name), 'utf8');
  return Promise.all([read('key.pem'), read('cert.pem'), read('ca.pem')]);
}
