import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface TestTls {
  /** The CA certificate on disk, for NODE_EXTRA_CA_CERTS of child processes (read only at their start). */
  readonly caCertPath: string;
  readonly key: string;
  readonly cert: string;
  readonly caCert: string;
}

const run = promisify(execFile);
let pending: Promise<TestTls> | undefined;

/**
 * A throwaway CA and a leaf certificate for localhost, 127.0.0.1 and ::1, made once per process. Real TLS with a
 * private CA keeps the action's HTTPS path under test instead of switching verification off.
 */
export function makeTestTls(): Promise<TestTls> {
  pending ??= create();
  return pending;
}

async function create(): Promise<TestTls> {
  const dir = await mkdtemp(join(tmpdir(), 'tfc-token-tls-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => join(dir, name);
  // P-256 keys take milliseconds to generate; RSA would slow every test file's start.
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', ['req', '-x509', ...newKey, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '7',
    '-subj', '/CN=tfc-token-action test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await run('openssl', ['req', ...newKey, '-keyout', file('key.pem'), '-out', file('leaf.csr'), '-subj', '/CN=localhost']);
  // `x509 -req` with an extension file rather than `req -x509 -CA`, which needs OpenSSL 3 (macOS ships LibreSSL).
  await writeFile(file('leaf.ext'), [
    // *.test names are reached only through the test proxy, which maps them to 127.0.0.1 (loopback itself bypasses proxies).
    'subjectAltName=DNS:localhost,DNS:tfc.test,DNS:github.test,IP:127.0.0.1,IP:::1',
    'basicConstraints=CA:FALSE',
    'keyUsage=critical,digitalSignature',
    'extendedKeyUsage=serverAuth',
  ].join('\n'));
  await run('openssl', ['x509', '-req', '-in', file('leaf.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'),
    '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '7', '-extfile', file('leaf.ext'), '-out', file('cert.pem')]);
  const [key, cert, caCert] = await Promise.all(['key.pem', 'cert.pem', 'ca.pem'].map((name) => readFile(file(name), 'utf8')));
  return { caCertPath: file('ca.pem'), key: key!, cert: cert!, caCert: caCert! };
}
