import {
  defaultRotationDescription,
  parseExpiry,
  agentPoolId,
  boolean,
  checkedDescription,
  FORK_HINT,
  forbid,
  forbidTeamInputs,
  organization,
  teamRef,
  wholeNumber,
  type InputSource,
} from './rules.js';
import { InputError, quote } from '../common/errors.js';
import { isId, isName, type Ref } from '../api/tfc/client.js';
import type { Connection, TokenType } from './types.js';

/**
 * mode: rotate — which token, and where the new one is written (a GitHub secret, an HCP Terraform variable, or both).
 */

export interface SecretDestination {
  readonly name: string;
  readonly repository: string;
  readonly environment: string | null;
  readonly organization: string | null;
  readonly githubToken: string;
  readonly apiUrl: string;
}

export interface VariableDestination {
  readonly key: string;
  readonly category: 'env' | 'terraform';
  /** Exactly one of workspace and variableSet is set. */
  readonly workspace: Ref | null;
  readonly variableSet: Ref | null;
  /** For name look-ups; null when both are given by id. */
  readonly organization: string | null;
}

export interface RotateToken extends Connection {
  readonly operation: 'rotate-token';
  readonly tokenType: TokenType;
  readonly team: Ref | null;
  readonly organization: string | null;
  readonly agentPoolId: string | null;
  readonly legacy: boolean;
  /** null for agent tokens, which cannot expire */
  readonly expiresAt: Date | null;
  /** The `expiry` input was empty: an organization's lifetime policy may shorten it (with a notice). */
  readonly expiryDefaulted: boolean;
  /** The stable base that every rotation of this token shares ('' for singletons, which have none). */
  readonly description: string;
  readonly keepPrevious: number;
  /**
   * `adopt-token-id`: a hand-made token of the rotated team (typically the api-token itself) that the destination
   * held before the first rotation; revoked last, once every destination holds its successor.
   */
  readonly adoptTokenId: string | null;
  /** At least one of secret and variable is set. */
  readonly secret: SecretDestination | null;
  readonly variable: VariableDestination | null;
}

/** Inputs that mean something with mode: rotate only. */
export const ROTATE_ONLY_INPUTS = [
  'secret-name',
  'secret-repository',
  'secret-environment',
  'secret-organization',
  'github-token',
  'keep-previous',
  'adopt-token-id',
  'variable-key',
  'variable-workspace',
  'variable-set',
  'variable-category',
];

const DEFAULT_ROTATION_EXPIRY = '30d';

export function parseRotate(source: InputSource, connection: Connection, tokenType: TokenType): RotateToken {
  const legacy = tokenType === 'team' && boolean(source, 'legacy-team-token', false);
  const replacedByCreate = tokenType === 'organization' || tokenType === 'audit-trail' || legacy;
  const team = tokenType === 'team' ? teamRef(source) : null;
  if (tokenType !== 'team') forbidTeamInputs(source, tokenType);
  if (replacedByCreate) {
    forbid(
      source,
      'description',
      'is not used when rotating a token that has no description (organization, audit-trail or legacy team token)',
    );
  }
  if (tokenType === 'agent') forbid(source, 'expiry', 'cannot be set for agent tokens: the API gives them no expiry');
  if (!source.get('secret-name') && !source.get('variable-key')) {
    throw new InputError(
      'secret-name',
      'or "variable-key" is required with mode: rotate: the GitHub Actions secret, the HCP Terraform variable, or ' +
        'both, that receive the new token.',
    );
  }
  const secret = secretDestination(source);
  const variable = variableDestination(source);
  // Team rotations find their predecessors in the organization's team-token list; given a team id, the API names it.
  const needsOrganization = tokenType !== 'agent' && !(team !== null && 'id' in team);
  const expiry = source.get('expiry');
  return {
    ...connection,
    operation: 'rotate-token',
    tokenType,
    team,
    organization: organization(source, needsOrganization, 'rotation finds earlier tokens in the organization'),
    agentPoolId: tokenType === 'agent' ? agentPoolId(source) : null,
    legacy,
    expiresAt: tokenType === 'agent' ? null : parseExpiry(expiry || DEFAULT_ROTATION_EXPIRY, source.now),
    expiryDefaulted: !expiry,
    description: replacedByCreate
      ? ''
      : checkedDescription(source.get('description')) || defaultRotationDescription(source.run),
    keepPrevious: wholeNumber(source, 'keep-previous', '1', 0, 100),
    adoptTokenId: adoptTokenId(source, tokenType === 'team' && !legacy),
    secret,
    variable,
  };
}

/** Only described team tokens coexist with their successor; the other kinds are replaced by their creation. */
function adoptTokenId(source: InputSource, coexists: boolean): string | null {
  const value = source.get('adopt-token-id');
  if (!value) return null;
  if (!coexists) {
    throw new InputError(
      'adopt-token-id',
      'is only used when rotating a team token (token-type team, not legacy-team-token): organization, ' +
        'audit-trail and legacy team tokens are replaced by their creation, and agent tokens cannot call the API.',
    );
  }
  if (!isId('token', value)) {
    throw new InputError(
      'adopt-token-id',
      `must be a token id like at-TLhN8cc6ro6qYDvp (shown in the HCP Terraform UI and by mode: list); got ` +
        `${quote(value)}.`,
    );
  }
  return value;
}

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** GitHub logins: letters, digits and single inner hyphens, at most 39 characters. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
const REPOSITORY_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

function secretDestination(source: InputSource): SecretDestination | null {
  const name = source.get('secret-name');
  if (!name) {
    for (const input of ['secret-repository', 'secret-environment', 'secret-organization', 'github-token']) {
      forbid(source, input, 'is only used with secret-name (rotation into a GitHub secret)');
    }
    return null;
  }
  if (!SECRET_NAME.test(name) || /^GITHUB_/i.test(name)) {
    throw new InputError(
      'secret-name',
      `must contain only letters, digits and underscores, must not start with a digit or with GITHUB_; got ` +
        `${quote(name)}.`,
    );
  }
  const environment = source.get('secret-environment') || null;
  const secretOrganization = source.get('secret-organization') || null;
  if (secretOrganization && (environment || source.get('secret-repository'))) {
    throw new InputError(
      'secret-organization',
      'cannot be combined with secret-repository or secret-environment: an organization secret belongs to the ' +
        'organization.',
    );
  }
  if (secretOrganization && !OWNER.test(secretOrganization)) {
    throw new InputError(
      'secret-organization',
      `must be a GitHub organization login; got ${quote(secretOrganization)}.`,
    );
  }
  if (environment && (environment.length > 255 || /[\u0000-\u001f'"`]/.test(environment))) {
    throw new InputError('secret-environment', `must be a GitHub environment name; got ${quote(environment)}.`);
  }
  const repository = source.get('secret-repository') || source.env['GITHUB_REPOSITORY'] || '';
  if (!secretOrganization && !isRepository(repository)) {
    throw new InputError(
      'secret-repository',
      `must be owner/repo, a GitHub login and a repository name other than . or .. (default: the current ` +
        `repository, GITHUB_REPOSITORY); got ${quote(repository)}.`,
    );
  }
  const githubToken = source.get('github-token');
  if (!githubToken) {
    throw new InputError(
      'github-token',
      `is required with secret-name: a token allowed to write Actions secrets (the workflow's GITHUB_TOKEN never ` +
        `is). ${FORK_HINT}`,
    );
  }
  const apiUrl = (source.env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/$/, '');
  return { name, repository, environment, organization: secretOrganization, githubToken, apiUrl };
}

/** `owner/name` where the name is a real repository name: `.` and `..` would walk up the API path. */
function isRepository(value: string): boolean {
  const [owner, name, ...rest] = value.split('/');
  return (
    rest.length === 0 && OWNER.test(owner ?? '') && REPOSITORY_NAME.test(name ?? '') && name !== '.' && name !== '..'
  );
}

/** Environment variable names; Terraform variable names also allow hyphens. Both start with a letter or `_`. */
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const TERRAFORM_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;

function variableDestination(source: InputSource): VariableDestination | null {
  const key = source.get('variable-key');
  if (!key) {
    for (const input of ['variable-workspace', 'variable-set', 'variable-category']) {
      forbid(source, input, 'is only used with variable-key (rotation into an HCP Terraform variable)');
    }
    return null;
  }
  const category = source.get('variable-category') || 'env';
  if (category !== 'env' && category !== 'terraform') {
    throw new InputError('variable-category', `must be env or terraform; got ${quote(category)}.`);
  }
  if (!(category === 'env' ? ENV_KEY : TERRAFORM_KEY).test(key)) {
    const allowed = category === 'env' ? 'letters, digits and underscores' : 'letters, digits, underscores and hyphens';
    throw new InputError(
      'variable-key',
      `must be a ${category} variable name (${allowed}, not starting with a digit, at most 128 characters); got ` +
        `${quote(key)}.`,
    );
  }
  const workspaceInput = source.get('variable-workspace');
  const setInput = source.get('variable-set');
  if (Boolean(workspaceInput) === Boolean(setInput)) {
    throw new InputError(
      'variable-workspace',
      'or "variable-set" (exactly one of them) is required with variable-key: the workspace or variable set that ' +
        'holds the variable.',
    );
  }
  const workspace = workspaceInput ? workspaceRef(workspaceInput) : null;
  const variableSet = setInput ? variableSetRef(setInput) : null;
  const byName = (workspace !== null && 'name' in workspace) || (variableSet !== null && 'name' in variableSet);
  const why = `${workspace ? 'variable-workspace' : 'variable-set'} is a name, looked up in the organization`;
  return { key, category, workspace, variableSet, organization: organization(source, byName, why) };
}

function workspaceRef(value: string): Ref {
  if (isId('workspace', value)) return { id: value };
  if (isName('workspace', value)) return { name: value };
  throw new InputError(
    'variable-workspace',
    `must be a workspace name (letters, digits, - and _, at most 90) or id (ws-…); got ${quote(value)}.`,
  );
}

function variableSetRef(value: string): Ref {
  if (isId('variable set', value as unknown)) return { id: value };
  if (value.length <= 128 && !/[\u0000-\u001f\u007f-\u009f]/.test(value)) return { name: value };
  throw new InputError(
    'variable-set',
    `must be a variable set name (at most 128 characters, no control characters) or id (varset-…); got ` +
      `${quote(value)}.`,
  );
}
