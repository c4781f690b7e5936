import { expiresClause } from '../common/text.js';
import type { ActionIo } from '../runner/io.js';
import type { CleanupRecord } from '../state/ledger.js';
import * as agentTokens from '../api/tfc/agent-tokens.js';
import type { TfcClient } from '../api/tfc/client.js';
import * as organizationTokens from '../api/tfc/organization-tokens.js';
import * as teamTokens from '../api/tfc/team-tokens.js';
import type { Token } from '../api/tfc/types.js';
import { teamWithOrganization, type CleanupContext } from './context.js';
import { isOwnedBy } from './ownership.js';
import { cleanUpScopedTeam } from './scoped-team-cleanup.js';

/** Deletes the one token a record names, or says why it is left alone. Returns a line for the summary. */
export async function cleanUp(context: CleanupContext, record: CleanupRecord): Promise<string> {
  const { io } = context;
  if (record.kind === 'scoped-team') return cleanUpScopedTeam(context, record);
  const label = record.tokenId ?? `(${record.kind} token, id unknown)`;
  if (record.expiredAt && Date.parse(record.expiredAt) <= context.now)
    return say(io, `Skipping ${label}: it has already expired.`);
  // A token whose secret never arrived is useless to everyone, so it goes whatever `ephemeral` says.
  if (!record.tokenId) return cleanUpUnconfirmed(context, record);
  if (!record.ephemeral) return say(io, `Keeping ${label}: ephemeral is false.`);
  const outcome = await deleteRecorded(context.client, record, record.tokenId);
  io.info(outcome);
  return outcome;
}

/** Deletes a token this run created, by id; a one-per-owner token only while it is still the current one. */
export async function deleteRecorded(
  client: TfcClient,
  record: Omit<CleanupRecord, 'tokenId'>,
  tokenId: string,
): Promise<string> {
  if (record.kind === 'team' || record.kind === 'agent') {
    const result = await teamTokens.deleteById(client, tokenId);
    const kind = record.kind === 'team' ? 'Team' : 'Agent';
    return result === 'deleted'
      ? `Deleted ${record.kind} token ${tokenId}.`
      : `${kind} token ${tokenId} was already gone.`;
  }
  const singleton = singletonOf(client, record);
  const current = await singleton.read();
  if (!current || current.id !== tokenId) {
    const other = current ? ` ${current.id}` : '';
    return `Token ${tokenId} was already replaced or deleted; the current ${record.kind} token${other} was left alone.`;
  }
  return (await singleton.remove()) === 'deleted' ? `Deleted token ${tokenId}.` : `Token ${tokenId} was already gone.`;
}

/** Read and delete for a one-per-owner token: the team's legacy token, or the organization's (audit-trail) token. */
function singletonOf(client: TfcClient, record: Omit<CleanupRecord, 'tokenId'>) {
  if (record.kind === 'team-legacy') {
    const teamId = record.teamId as string;
    return { read: () => teamTokens.readLegacy(client, teamId), remove: () => teamTokens.deleteLegacy(client, teamId) };
  }
  const organization = record.organization as string;
  const kind = record.kind === 'audit-trail' ? 'audit-trail' : 'organization';
  return {
    read: () => organizationTokens.read(client, organization, kind),
    remove: () => organizationTokens.remove(client, organization, kind),
  };
}

/**
 * A create whose answer never arrived: find the token it may have made. Only a token that carries this run's
 * nonce in its description, on the same team (or agent pool), with the expiry this run asked for, is this run's:
 * a description a person chose, or another job's token, never is.
 */
async function cleanUpUnconfirmed(context: CleanupContext, record: CleanupRecord): Promise<string> {
  const { io } = context;
  const found = await findUnconfirmed(context.client, record);
  if (found === 'cannot-look-up') {
    return say(
      io,
      `A ${record.kind} token create was interrupted and its id never arrived; check the ${record.kind} token by ` +
        `hand: ${expiresClause(record.expiredAt || null)}.`,
    );
  }
  if (!found) return say(io, `No token was created under "${record.description}"; nothing to delete.`);
  const result = await teamTokens.deleteById(context.client, found.id);
  const outcome =
    result === 'deleted'
      ? `Deleted ${record.kind} token ${found.id}, whose create was interrupted.`
      : `Token ${found.id} was already gone.`;
  io.info(outcome);
  return outcome;
}

async function findUnconfirmed(client: TfcClient, record: CleanupRecord): Promise<Token | null | 'cannot-look-up'> {
  if (!record.description) return 'cannot-look-up';
  if (record.kind === 'agent' && record.agentPoolId) {
    const tokens = await agentTokens.listAll(client, record.agentPoolId);
    return tokens.find((token) => isOwnedBy(token, record)) ?? null;
  }
  if (record.kind !== 'team' || !record.teamId) return 'cannot-look-up';
  const team = await teamWithOrganization(client, record.teamId, record.organization);
  const tokens = await teamTokens.listAll(client, team.organization, { teamName: team.name });
  return tokens.find((token) => isOwnedBy(token, record)) ?? null;
}

function say(io: ActionIo, message: string): string {
  io.notice(message);
  return message;
}
