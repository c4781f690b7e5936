import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../common/errors.js';
import { DEFAULT_HOSTNAME, parseHostname, quote } from '../common/hostname.js';
import type { InputSource } from './rules.js';

// The post step reads these inputs (and request-timeout) and no others, so they live apart from the input rules it
// never needs.

/** The credential alone, so the caller can mask it before anything else is read or printed. */
export function readApiToken(source: Pick<InputSource, 'get' | 'env'>): string {
  return source.get('api-token') || source.env['TF_API_TOKEN']?.trim() || source.env['TFE_TOKEN']?.trim() || '';
}

/** The host the credential goes to, from the input or the environment; the post step checks its state against it. */
export function readHostname(source: Pick<InputSource, 'get' | 'env'>): string {
  const env = source.env;
  const named = source.get('hostname') || env['TF_CLOUD_HOSTNAME']?.trim() || env['TFE_HOSTNAME']?.trim();
  return parseHostname(named || DEFAULT_HOSTNAME);
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/g;
/** A bundle of a few hundred CAs is well under this. */
const MAX_CA_BYTES = 1024 * 1024;
const CA_HINT = 'give the PEM text of the CA certificate, or the path of a file that holds it';

/**
 * The ca-certificate input: PEM text, or the path of a PEM file (relative to the workspace). Returns the
 * certificates as PEM text, each checked to parse; null when the input is empty.
 */
export function readCaCertificate(source: Pick<InputSource, 'get'>): string | null {
  const value = source.get('ca-certificate');
  if (!value) return null;
  const pem = value.includes('-----BEGIN') ? value : readPemFile(value);
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new InputError('ca-certificate', 'must not hold a private key; give the CA certificate alone.');
  }
  const certificates = pem.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) {
    throw new InputError('ca-certificate', `must hold a PEM certificate (-----BEGIN CERTIFICATE-----); ${CA_HINT}.`);
  }
  // node:crypto is loaded only when the input is set: a bad input elsewhere fails before it is.
  const { X509Certificate } = process.getBuiltinModule('node:crypto');
  certificates.forEach((certificate, index) => {
    try {
      new X509Certificate(certificate);
    } catch {
      throw new InputError('ca-certificate', `holds a certificate (number ${index + 1}) that cannot be parsed.`);
    }
  });
  return certificates.join('\n');
}

/** At most MAX_CA_BYTES and one more are read, whatever the path names (a device that never ends, too). */
function readPemFile(path: string): string {
  let text: Buffer;
  try {
    text = readAtMost(path, MAX_CA_BYTES + 1);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InputError('ca-certificate', `cannot be read as a file (${String(code)}): ${quote(path)}; ${CA_HINT}.`);
  }
  if (text.length > MAX_CA_BYTES) {
    throw new InputError('ca-certificate', `cannot be a file over 1 MiB: ${quote(path)}.`);
  }
  return text.toString('utf8');
}

function readAtMost(path: string, limit: number): Buffer {
  const file = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    let size = 0;
    let read = 1;
    while (read > 0 && size < limit) {
      read = readSync(file, buffer, size, limit - size, null);
      size += read;
    }
    return buffer.subarray(0, size);
  } finally {
    closeSync(file);
  }
}
