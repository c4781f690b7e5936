import type { Connection, SingletonType, TokenType } from './types.js';
import { InputError } from '../common/errors.js';
import { quote } from '../common/hostname.js';
import {
  boolean,
  duration,
  FORK_HINT,
  forbid,
  forbidTeamInputs,
  oneOf,
  optionalTeamRef,
  optionalTokenId,
  organization,
  requiredOrganization,
  teamRef,
  type InputSource,
} from './rules.js';
import type { Ref } from '../api/tfc/ids.js';
import { readApiToken, readCaCertificate, readHostname } from './connection.js';
import { parseRotate, ROTATE_ONLY_INPUTS, type RotateToken } from './rotate.js';
import { forbidScopedInputs, type CreateScopedToken } from './scoped.js';
import { parseCreate, type CreateAgentToken, type CreateOrganizationToken, type CreateTeamToken } from './create.js';

export { boolean, type InputSource } from './rules.js';
export type { RotateToken, SecretDestination, VariableDestination } from './rotate.js';
export type { CreateScopedToken } from './scoped.js';
export type { CreateAgentToken, CreateOrganizationToken, CreateTeamToken } from './create.js';

export type { Connection, SingletonType, TokenType } from './types.js';

export interface DeleteTeamToken extends Connection {
  readonly operation: 'delete-team-token';
  /** Multiple-tokens API: the token to delete. Legacy: if set, delete only while it is still the team's token. */
  readonly tokenId: string | null;
  readonly team: Ref | null;
  readonly organization: string | null;
  readonly legacy: boolean;
}

export interface DeleteOrganizationToken extends Connection {
  readonly operation: 'delete-organization-token';
  readonly tokenType: SingletonType;
  readonly organization: string;
  readonly tokenId: string | null;
}

export interface DeleteAgentToken extends Connection {
  readonly operation: 'delete-agent-token';
  readonly tokenId: string;
}

export interface ListTokens extends Connection {
  readonly operation: 'list-tokens';
  readonly organization: string;
  readonly team: Ref | null;
  readonly descriptionPrefix: string;
  readonly expiringWithinMs: number | null;
}

export interface SweepTokens extends Connection {
  readonly operation: 'sweep-tokens';
  readonly organization: string;
  readonly olderThanMs: number;
  readonly dryRun: boolean;
}

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
      forbid(source, 'description', 'is only used with mode: create, rotate or list');
      noReplace(source, 'delete');
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

function parseDelete(source: InputSource, connection: Connection, tokenType: TokenType): Inputs {
  if (tokenType === 'team') return deleteTeamToken(source, connection);
  if (tokenType === 'agent') {
    forbidTeamInputs(source, 'agent');
    const tokenId = optionalTokenId(source);
    if (!tokenId)
      throw new InputError(
        'token-id',
        "is required to delete an agent token (the at-… id from the create step's token-id output).",
      );
    return { ...connection, operation: 'delete-agent-token', tokenId };
  }
  forbidTeamInputs(source, tokenType);
  return {
    ...connection,
    operation: 'delete-organization-token',
    tokenType,
    organization: requiredOrganization(source, `${tokenType} tokens belong to an organization`),
    tokenId: optionalTokenId(source),
  };
}

function deleteTeamToken(source: InputSource, connection: Connection): DeleteTeamToken {
  const legacy = boolean(source, 'legacy-team-token', false);
  const tokenId = optionalTokenId(source);
  if (!legacy && !tokenId) {
    throw new InputError(
      'token-id',
      "is required to delete a team token (the at-… id from the create step's token-id output); to delete a team's " +
        'legacy token instead, set legacy-team-token: true and team-id or team-name.',
    );
  }
  if (!legacy) {
    forbid(source, 'team-id', 'is not used when deleting by token-id: the token id alone names the token');
    forbid(source, 'team-name', 'is not used when deleting by token-id: the token id alone names the token');
  }
  const team = legacy ? teamRef(source) : null;
  const byName = team !== null && 'name' in team;
  return {
    ...connection,
    operation: 'delete-team-token',
    tokenId,
    team,
    organization: organization(source, byName),
    legacy,
  };
}

function parseList(source: InputSource, connection: Connection, tokenType: TokenType): ListTokens {
  if (tokenType !== 'team')
    throw new InputError('token-type', "must be team with mode: list (it lists the organization's team tokens).");
  return {
    ...connection,
    operation: 'list-tokens',
    organization: requiredOrganization(source, "mode: list reads the organization's team tokens"),
    team: optionalTeamRef(source),
    descriptionPrefix: source.get('description'),
    expiringWithinMs: source.get('expiring-within') ? duration(source, 'expiring-within', '') : null,
  };
}

function parseSweep(source: InputSource, connection: Connection, tokenType: TokenType): SweepTokens {
  if (tokenType !== 'team')
    throw new InputError('token-type', "must be team with mode: sweep (it sweeps the organization's team tokens).");
  forbid(source, 'team-id', 'is not used with mode: sweep, which sweeps the whole organization');
  forbid(source, 'team-name', 'is not used with mode: sweep, which sweeps the whole organization');
  forbid(
    source,
    'description',
    "is not used with mode: sweep: it only ever touches tokens with this action's own prefix",
  );
  return {
    ...connection,
    operation: 'sweep-tokens',
    organization: requiredOrganization(source, "mode: sweep reads the organization's team tokens"),
    olderThanMs: duration(source, 'older-than', '24h'),
    dryRun: boolean(source, 'dry-run', false),
  };
}

function noReplace(source: InputSource, why: string): void {
  if (boolean(source, 'replace-existing', false)) {
    throw new InputError(
      'replace-existing',
      why === 'delete' ? 'is only used with mode: create.' : `is not used here: ${why}.`,
    );
  }
}

function requestTimeout(source: InputSource): number {
  const value = source.get('request-timeout') || '30';
  if (!/^[1-9][0-9]{0,2}$/.test(value) || Number(value) > 300) {
    throw new InputError('request-timeout', `must be a whole number of seconds from 1 to 300; got ${quote(value)}.`);
  }
  return Number(value) * 1000;
}
