import type { Connection, TokenType } from './types.js';
import { InputError } from '../common/errors.js';
import { boolean, duration, forbid, optionalTeamRef, requiredOrganization, type InputSource } from './rules.js';
import type { Ref } from '../api/tfc/client.js';

/** The list and sweep modes' inputs: both read an organization's team tokens. */

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

export function parseList(source: InputSource, connection: Connection, tokenType: TokenType): ListTokens {
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

export function parseSweep(source: InputSource, connection: Connection, tokenType: TokenType): SweepTokens {
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
