import {
  defaultDescription,
  keptDescription,
  type RunContext,
  parseExpiry,
  agentPoolId,
  boolean,
  checkedDescription,
  forbid,
  forbidTeamInputs,
  organization,
  requiredOrganization,
  teamRef,
  type InputSource,
} from './rules.js';
import { InputError } from '../common/errors.js';
import { parseScopedCreate, type CreateScopedToken } from './scoped.js';
import type { Connection, SingletonType, TokenType } from './types.js';
import type { Ref } from '../api/tfc/client.js';

/** The create mode's inputs, one parser per token type (scoped mode's own parser is in scoped.ts). */

export interface CreateTeamToken extends Connection {
  readonly operation: 'create-team-token';
  readonly team: Ref;
  readonly organization: string | null;
  readonly expiresAt: Date;
  /** The `expiry` input was empty: an organization's lifetime policy may shorten it (with a notice). */
  readonly expiryDefaulted: boolean;
  /** What every description starts with; each create appends its own nonce ('' for legacy tokens). */
  readonly description: string;
  readonly ephemeral: boolean;
  readonly legacy: boolean;
  readonly replaceExisting: boolean;
  readonly exportEnv: boolean;
}

export interface CreateOrganizationToken extends Connection {
  readonly operation: 'create-organization-token';
  readonly tokenType: SingletonType;
  readonly organization: string;
  readonly expiresAt: Date;
  readonly expiryDefaulted: boolean;
  readonly ephemeral: boolean;
  readonly replaceExisting: boolean;
}

export interface CreateAgentToken extends Connection {
  readonly operation: 'create-agent-token';
  readonly agentPoolId: string;
  /** What the description starts with; the create appends its nonce. */
  readonly description: string;
  readonly ephemeral: boolean;
}

export type CreateInputs = CreateTeamToken | CreateScopedToken | CreateOrganizationToken | CreateAgentToken;

const SCOPED_INPUTS = ['workspaces', 'projects', 'workspace-access', 'project-access'] as const;

/** Scoped mode is asked for by listing workspaces or projects. */
function wantsScopedToken(source: InputSource): boolean {
  return Boolean(source.get('workspaces') || source.get('projects'));
}

/** workspaces, projects and their access levels mean nothing outside `mode: create` of team tokens. */
export function forbidScopedInputs(source: InputSource, mode: string, tokenType: string): void {
  if (mode === 'create' && tokenType === 'team') {
    if (wantsScopedToken(source)) return;
    if (source.get('workspace-access'))
      throw new InputError(
        'workspace-access',
        'applies only with workspaces (a scoped token); remove it or list the workspaces.',
      );
    if (source.get('project-access'))
      throw new InputError(
        'project-access',
        'applies only with projects (a scoped token); remove it or list the projects.',
      );
    return;
  }
  for (const name of SCOPED_INPUTS) {
    if (source.get(name)) {
      throw new InputError(
        name,
        `applies only to mode: create with token-type: team (a scoped token), not to mode: ${mode} with token-type: ` +
          `${tokenType}; remove it.`,
      );
    }
  }
}

export function parseCreate(source: InputSource, connection: Connection, tokenType: TokenType): CreateInputs {
  if (tokenType === 'team')
    return wantsScopedToken(source) ? parseScopedCreate(source, connection) : createTeamToken(source, connection);
  if (tokenType === 'agent') return createAgentToken(source, connection);
  forbidTeamInputs(source, tokenType);
  forbid(source, 'description', `applies only to team and agent tokens: ${tokenType} tokens have no description`);
  const ephemeral = boolean(source, 'ephemeral', true);
  return {
    ...connection,
    operation: 'create-organization-token',
    tokenType,
    organization: requiredOrganization(source, `${tokenType} tokens belong to an organization`),
    expiresAt: expiry(source, ephemeral),
    expiryDefaulted: !source.get('expiry'),
    ephemeral,
    replaceExisting: boolean(source, 'replace-existing', false),
  };
}

function createTeamToken(source: InputSource, connection: Connection): CreateTeamToken {
  const team = teamRef(source);
  const legacy = boolean(source, 'legacy-team-token', false);
  const replaceExisting = boolean(source, 'replace-existing', false);
  if (replaceExisting && !legacy) {
    throw new InputError(
      'replace-existing',
      'applies only to organization, audit-trail and legacy team tokens (legacy-team-token: true); team tokens from ' +
        'the multiple-tokens API never replace each other.',
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
    expiryDefaulted: !source.get('expiry'),
    description: legacy ? '' : teamTokenDescription(description, ephemeral, source.run),
    ephemeral,
    legacy,
    replaceExisting,
    exportEnv: boolean(source, 'export-env', true),
  };
}

/** A kept token (ephemeral: false) is marked, so the sweep never takes it (see KEPT_MARKER). */
function teamTokenDescription(description: string, ephemeral: boolean, run: RunContext): string {
  if (ephemeral) return checkedDescription(description) || defaultDescription(run);
  const marker = keptDescription('').length;
  return keptDescription(checkedDescription(description, marker) || defaultDescription(run));
}

function createAgentToken(source: InputSource, connection: Connection): CreateAgentToken {
  forbidTeamInputs(source, 'agent');
  forbid(source, 'expiry', 'cannot be set for agent tokens: the API gives them no expiry');
  if (boolean(source, 'replace-existing', false))
    throw new InputError('replace-existing', 'is not used here: agent tokens never replace each other.');
  return {
    ...connection,
    operation: 'create-agent-token',
    agentPoolId: agentPoolId(source),
    description: checkedDescription(source.get('description')) || defaultDescription(source.run),
    ephemeral: boolean(source, 'ephemeral', true),
  };
}

function expiry(source: InputSource, ephemeral: boolean): Date {
  return parseExpiry(source.get('expiry') || (ephemeral ? '6h' : '30d'), source.now);
}
