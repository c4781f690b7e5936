import { closeSync, openSync, readSync } from 'node:fs';
import { InputError, quote } from '../common/errors.js';
import { FORK_HINT, forbid, oneOf, type InputSource } from './rules.js';
import { forbidScopedInputs, parseCreate, type CreateAgentToken, type CreateOrganizationToken } from './create.js';
import type { CreateTeamToken } from './create.js';
import { parseDelete, type DeleteAgentToken, type DeleteOrganizationToken, type DeleteTeamToken } from './delete.js';
import { parseList, parseSweep, type ListTokens, type SweepTokens } from './list.js';
import { parseRotate, ROTATE_ONLY_INPUTS, type RotateToken } from './rotate.js';
import type { CreateScopedToken } from './scoped.js';
import type { Connection } from './types.js';

export { boolean, type InputSource } from './rules.js';
export type { RotateToken, SecretDestination, VariableDestination } from './rotate.js';
export type { CreateScopedToken } from './scoped.js';
export type { CreateAgentToken, CreateOrganizationToken, CreateTeamToken } from './create.js';
export type { Connection, SingletonType, TokenType } from './types.js';
export type { DeleteAgentToken, DeleteOrganizationToken, DeleteTeamToken } from './delete.js';
export type { ListTokens, SweepTokens } from './list.js';

export type Inputs =
  | CreateTeamToken
  | CreateScopedToken
  | CreateOrganizationToken
  | CreateAgentToken
  | DeleteTeamToken
  | DeleteOrganizationToken
  | DeleteAgentToken
  | RotateToken
  | ListTokens
  | SweepTokens;

const MODES = ['create', 'delete', 'rotate', 'list', 'sweep'] as const;
const TOKEN_TYPES = ['team', 'organization', 'audit-trail', 'agent'] as const;

/** Every input check happens here, before any network call; the first problem is thrown as one InputError. */
export function parseInputs(source: InputSource): Inputs {
  const mode = oneOf(source, 'mode', MODES, 'create');
  const tokenType = oneOf(source, 'token-type', TOKEN_TYPES, 'team');
  const connection = parseConnection(source);
  if (mode !== 'rotate') for (const name of ROTATE_ONLY_INPUTS) forbid(source, name, 'is only used with mode: rotate');
  if (mode !== 'list') forbid(source, 'expiring-within', 'is only used with mode: list');
  if (mode !== 'create' && mode !== 'rotate')
    forbid(source, 'expiry', `is only used with mode: create or rotate, not ${mode}`);
  if (mode !== 'create' && mode !== 'delete')
    forbid(source, 'token-id', `is only used with mode: create or delete, not ${mode}`);
  if (tokenType !== 'agent') forbid(source, 'agent-pool-id', 'applies only to token-type: agent');
  forbidScopedInputs(source, mode, tokenType);
  switch (mode) {
    case 'create':
      forbid(source, 'token-id', 'is only used with mode: delete');
      return parseCreate(source, connection, tokenType);
    case 'delete':
      return parseDelete(source, connection, tokenType);
    case 'rotate':
      return parseRotate(source, connection, tokenType);
    case 'list':
      return parseList(source, connection, tokenType);
    case 'sweep':
      return parseSweep(source, connection, tokenType);
  }
}

function parseConnection(source: InputSource): Connection {
  const apiToken = readApiToken(source);
  if (!apiToken) {
    throw new InputError(
      'api-token',
      `is empty, and neither TF_API_TOKEN nor TFE_TOKEN is set in the environment. ${FORK_HINT}`,
    );
  }
  if (!/^[\x21-\x7e]+$/.test(apiToken)) {
    throw new InputError(
      'api-token',
      'contains spaces, line breaks or other characters a token never has; pass the token alone.',
    );
  }
  const hostname = readHostname(source);
  return { apiToken, hostname, requestTimeoutMs: requestTimeout(source), caCertificate: readCaCertificate(source) };
}

function requestTimeout(source: InputSource): number {
  const value = source.get('request-timeout') || '30';
  if (!/^[1-9][0-9]{0,2}$/.test(value) || Number(value) > 300) {
    throw new InputError('request-timeout', `must be a whole number of seconds from 1 to 300; got ${quote(value)}.`);
  }
  return Number(value) * 1000;
}

// The connection: the post step reads these inputs (and request-timeout) and no others.

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

const DEFAULT_HOSTNAME = 'app.terraform.io';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_AND_PORT = new RegExp(`^(${LABEL}(?:\\.${LABEL})*)(?::([0-9]{1,5}))?$`);

/**
 * Normalises the `hostname` input to `host` or `host:port`. The credential travels to this host only, so
 * anything that could send it elsewhere (plain http, a path, user info) is refused rather than guessed at.
 */
export function parseHostname(raw: string): string {
  let value = raw;
  if (/^http:\/\//i.test(value)) {
    throw new InputError(
      'hostname',
      'must not use http://: the API token would travel unencrypted. Give the host alone, e.g. app.terraform.io.',
    );
  }
  value = value
    .replace(/^https:\/\//i, '')
    .replace(/\/$/, '')
    .toLowerCase();
  const match = HOST_AND_PORT.exec(value);
  const port = match?.[2];
  if (!match || (port !== undefined && (Number(port) < 1 || Number(port) > 65535))) {
    throw new InputError(
      'hostname',
      `must be a host name with an optional port (host or host:port, e.g. app.terraform.io or ` +
        `tfe.example.com:8443), with no path, user info or spaces; got ${quote(raw)}.`,
    );
  }
  return value;
}
