import { parseExpiry } from './expiry.js';
import { InputError } from './errors.js';
import { DEFAULT_HOSTNAME, parseHostname, quote } from './hostname.js';
import { defaultDescription, type RunContext } from './description.js';

export type TeamRef = { readonly id: string } | { readonly name: string };

interface Connection {
  readonly hostname: string;
  readonly apiToken: string;
  readonly requestTimeoutMs: number;
}

export interface CreateTeamToken extends Connection {
  readonly operation: 'create-team-token';
  readonly team: TeamRef;
  readonly organization: string | null;
  readonly expiresAt: Date;
  readonly description: string;
  readonly ephemeral: boolean;
  readonly legacy: boolean;
  readonly replaceExisting: boolean;
  readonly exportEnv: boolean;
}

export interface CreateOrganizationToken extends Connection {
  readonly operation: 'create-organization-token';
  readonly organization: string;
  readonly expiresAt: Date;
  readonly ephemeral: boolean;
  readonly replaceExisting: boolean;
}

export interface DeleteTeamToken extends Connection {
  readonly operation: 'delete-team-token';
  /** Multiple-tokens API: the token to delete. Legacy: if set, delete only while it is still the team's token. */
  readonly tokenId: string | null;
  readonly team: TeamRef | null;
  readonly organization: string | null;
  readonly legacy: boolean;
}

export interface DeleteOrganizationToken extends Connection {
  readonly operation: 'delete-organization-token';
  readonly organization: string;
  readonly tokenId: string | null;
}

export type Inputs = CreateTeamToken | CreateOrganizationToken | DeleteTeamToken | DeleteOrganizationToken;

export interface InputSource {
  /** Reads an input as the runner passes it (INPUT_<NAME>), trimmed; '' when unset. */
  readonly get: (name: string) => string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: number;
  readonly run: RunContext;
  readonly randomHex: () => string;
}

const TEAM_ID = /^team-[A-Za-z0-9]{1,64}$/;
const TOKEN_ID = /^at-[A-Za-z0-9]{1,64}$/;
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const FORK_HINT =
  'Secrets are not passed to workflows triggered from forks or by Dependabot; if this is such a run, the secret exists but is not given to it.';

/** The credential alone, so the caller can mask it before anything else is read or printed. */
export function readApiToken(source: Pick<InputSource, 'get' | 'env'>): string {
  return source.get('api-token') || source.env['TF_API_TOKEN']?.trim() || source.env['TFE_TOKEN']?.trim() || '';
}

/** Every input check happens here, before any network call; the first problem is thrown as one InputError. */
export function parseInputs(source: InputSource): Inputs {
  const mode = oneOf(source, 'mode', ['create', 'delete'], 'create');
  const tokenType = oneOf(source, 'token-type', ['team', 'organization'], 'team');
  const connection = parseConnection(source);
  if (mode === 'create') {
    forbid(source, 'token-id', 'is only used with mode: delete');
    return tokenType === 'team' ? createTeamToken(source, connection) : createOrganizationToken(source, connection);
  }
  forbid(source, 'expiry', 'is only used with mode: create');
  forbid(source, 'description', 'is only used with mode: create');
  if (boolean(source, 'replace-existing', false)) {
    throw new InputError('replace-existing', 'is only used with mode: create.');
  }
  return tokenType === 'team' ? deleteTeamToken(source, connection) : deleteOrganizationToken(source, connection);
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
    throw new InputError('api-token', 'contains spaces, line breaks or other characters a token never has; pass the token alone.');
  }
  const hostname = parseHostname(
    source.get('hostname') || source.env['TF_CLOUD_HOSTNAME']?.trim() || source.env['TFE_HOSTNAME']?.trim() || DEFAULT_HOSTNAME,
  );
  return { apiToken, hostname, requestTimeoutMs: requestTimeout(source) };
}

function createTeamToken(source: InputSource, connection: Connection): CreateTeamToken {
  const team = teamRef(source);
  const legacy = boolean(source, 'legacy-team-token', false);
  const replaceExisting = boolean(source, 'replace-existing', false);
  if (replaceExisting && !legacy) {
    throw new InputError(
      'replace-existing',
      'applies only to organization tokens and legacy team tokens (legacy-team-token: true); team tokens from the multiple-tokens API never replace each other.',
    );
  }
  const ephemeral = boolean(source, 'ephemeral', true);
  const description = source.get('description');
  if (legacy && description) {
    throw new InputError('description', 'cannot be set for a legacy team token: the legacy API has no description.');
  }
  return {
    ...connection,
    operation: 'create-team-token',
    team,
    organization: organization(source, 'name' in team),
    expiresAt: expiry(source, ephemeral),
    description: legacy ? '' : checkedDescription(description) || defaultDescription(source.run, source.randomHex()),
    ephemeral,
    legacy,
    replaceExisting,
    exportEnv: boolean(source, 'export-env', true),
  };
}

function createOrganizationToken(source: InputSource, connection: Connection): CreateOrganizationToken {
  forbidTeamInputs(source);
  forbid(source, 'description', 'applies only to team tokens: organization tokens have no description');
  const ephemeral = boolean(source, 'ephemeral', true);
  return {
    ...connection,
    operation: 'create-organization-token',
    organization: organization(source, true) as string,
    expiresAt: expiry(source, ephemeral),
    ephemeral,
    replaceExisting: boolean(source, 'replace-existing', false),
  };
}

function deleteTeamToken(source: InputSource, connection: Connection): DeleteTeamToken {
  const legacy = boolean(source, 'legacy-team-token', false);
  const tokenId = optionalTokenId(source);
  if (!legacy && !tokenId) {
    throw new InputError(
      'token-id',
      'is required to delete a team token (the at-… id from the create step\'s token-id output); to delete a team\'s legacy token instead, set legacy-team-token: true and team-id or team-name.',
    );
  }
  if (!legacy) {
    forbid(source, 'team-id', 'is not used when deleting by token-id: the token id alone names the token');
    forbid(source, 'team-name', 'is not used when deleting by token-id: the token id alone names the token');
  }
  const team = legacy ? teamRef(source) : null;
  const byName = team !== null && 'name' in team;
  return { ...connection, operation: 'delete-team-token', tokenId, team, organization: organization(source, byName), legacy };
}

function deleteOrganizationToken(source: InputSource, connection: Connection): DeleteOrganizationToken {
  forbidTeamInputs(source);
  return {
    ...connection,
    operation: 'delete-organization-token',
    organization: organization(source, true) as string,
    tokenId: optionalTokenId(source),
  };
}

function teamRef(source: InputSource): TeamRef {
  const id = source.get('team-id');
  const name = source.get('team-name');
  if (id && name) {
    throw new InputError('team-id', 'and team-name are both set; give exactly one of them.');
  }
  if (id) {
    if (!TEAM_ID.test(id)) throw new InputError('team-id', `must be a team id like team-6p5jTwJQXwqZBncC; got ${quote(id)}.`);
    return { id };
  }
  if (name) {
    if (!NAME.test(name)) {
      throw new InputError('team-name', `must be a team name (letters, digits, - and _); got ${quote(name)}.`);
    }
    return { name };
  }
  throw new InputError('team-id', 'or team-name is required for team tokens; give exactly one of them.');
}

function forbidTeamInputs(source: InputSource): void {
  forbid(source, 'team-id', 'applies only to token-type: team');
  forbid(source, 'team-name', 'applies only to token-type: team');
  if (boolean(source, 'legacy-team-token', false)) {
    throw new InputError('legacy-team-token', 'applies only to token-type: team.');
  }
}

function organization(source: InputSource, required: boolean): string | null {
  const value = source.get('organization') || source.env['TF_CLOUD_ORGANIZATION']?.trim() || '';
  if (!value) {
    if (!required) return null;
    throw new InputError('organization', 'is required here (organization tokens and team-name look-ups) and TF_CLOUD_ORGANIZATION is not set either.');
  }
  if (!NAME.test(value)) {
    throw new InputError('organization', `must be an organization name (letters, digits, - and _); got ${quote(value)}.`);
  }
  return value;
}

function expiry(source: InputSource, ephemeral: boolean): Date {
  return parseExpiry(source.get('expiry') || (ephemeral ? '6h' : '30d'), source.now);
}

function checkedDescription(value: string): string {
  if (value.length > 255 || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new InputError('description', 'must be at most 255 characters with no line breaks or control characters.');
  }
  return value;
}

function optionalTokenId(source: InputSource): string | null {
  const value = source.get('token-id');
  if (!value) return null;
  if (!TOKEN_ID.test(value)) throw new InputError('token-id', `must be a token id like at-TLhN8cc6ro6qYDvp; got ${quote(value)}.`);
  return value;
}

function requestTimeout(source: InputSource): number {
  const value = source.get('request-timeout') || '30';
  if (!/^[1-9][0-9]{0,2}$/.test(value) || Number(value) > 300) {
    throw new InputError('request-timeout', `must be a whole number of seconds from 1 to 300; got ${quote(value)}.`);
  }
  return Number(value) * 1000;
}

function oneOf<T extends string>(source: InputSource, name: string, allowed: readonly T[], fallback: T): T {
  const value = source.get(name) || fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(name, `must be one of ${allowed.join(', ')}; got ${quote(value)}.`);
  }
  return value as T;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** YAML 1.2 core-schema booleans, as the runner's own getBooleanInput reads them. */
export function boolean(source: Pick<InputSource, 'get'>, name: string, fallback: boolean): boolean {
  const value = source.get(name);
  if (!value) return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(name, `must be a YAML 1.2 boolean (true, True, TRUE, false, False or FALSE); got ${quote(value)}.`);
}

function forbid(source: InputSource, name: string, why: string): void {
  if (source.get(name)) throw new InputError(name, `${why}; remove it.`);
}
