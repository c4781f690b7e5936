import type { Connection, SingletonType, TokenType } from './types.js';
import { InputError } from '../common/errors.js';
import {
  boolean,
  forbid,
  forbidTeamInputs,
  optionalTokenId,
  organization,
  requiredOrganization,
  teamRef,
  type InputSource,
} from './rules.js';
import type { Ref } from '../api/tfc/client.js';

/** The delete mode's inputs: a token by id, or a team's legacy token, or an organization's or audit trail's. */

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

export function parseDelete(
  source: InputSource,
  connection: Connection,
  tokenType: TokenType,
): DeleteTeamToken | DeleteOrganizationToken | DeleteAgentToken {
  forbid(source, 'description', 'is only used with mode: create, rotate or list');
  noReplace(source);
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

function noReplace(source: InputSource): void {
  if (boolean(source, 'replace-existing', false))
    throw new InputError('replace-existing', 'is only used with mode: create.');
}
