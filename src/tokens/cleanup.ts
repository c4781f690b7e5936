import type { ActionIo } from '../io.js';
import type { CleanupRecord } from '../state.js';
import type { TfcClient } from '../tfc/client.js';
import * as organizationTokens from '../tfc/organization-tokens.js';
import * as teamTokens from '../tfc/team-tokens.js';
import { readTeam } from '../tfc/teams.js';
import { cleanUpScopedTeam } from './scoped-team-cleanup.js';

export interface CleanupContext {
  readonly io: ActionIo;
  readonly client: TfcClient;
  readonly now: number;
}

/** Deletes the one token a record names, or says why it is left alone. Returns a line for the summary. */
export async function cleanUp(context: CleanupContext, record: CleanupRecord): Promise<string> {
  const { io } = context;
  if (record.kind === 'scoped-team') return cleanUpScopedTeam(context, record);
  const label = record.tokenId ?? `(${record.kind} token, id unknown)`;
  if (record.expiredAt && Date.parse(record.expiredAt) <= context.now) return say(io, `Skipping ${label}: it has already expired.`);
  // A token whose secret never arrived is useless to everyone, so it goes whatever `ephemeral` says.
  if (!record.tokenId) return cleanUpUnconfirmed(context, record);
  if (!record.ephemeral) return say(io, `Keeping ${label}: ephemeral is false.`);
  const outcome = await deleteRecorded(context.client, record, record.tokenId);
  io.info(outcome);
  return outcome;
}

async function deleteRecorded(client: TfcClient, record: CleanupRecord, tokenId: string): Promise<string> {
  if (record.kind === 'team' || record.kind === 'agent') {
    const result = await teamTokens.deleteById(client, tokenId);
    return result === 'deleted' ? `Deleted ${record.kind} token ${tokenId}.` : `${record.kind === 'team' ? 'Team' : 'Agent'} token ${tokenId} was already gone.`;
  }
  const singleton = singletonOf(client, record);
  const current = await singleton.read();
  if (!current || current.id !== tokenId) {
    return `Token ${tokenId} was already replaced or deleted; the current ${record.kind} token${current ? ` ${current.id}` : ''} was left alone.`;
  }
  return (await singleton.remove()) === 'deleted' ? `Deleted token ${tokenId}.` : `Token ${tokenId} was already gone.`;
}

/** Read and delete for a one-per-owner token: the team's legacy token, or the organization's (audit-trail) token. */
function singletonOf(client: TfcClient, record: CleanupRecord) {
  if (record.kind === 'team-legacy') {
    const teamId = record.teamId as string;
    return { read: () => teamTokens.readLegacy(client, teamId), remove: () => teamTokens.deleteLegacy(client, teamId) };
  }
  const organization = record.organization as string;
  const kind = record.kind === 'audit-trail' ? 'audit-trail' : 'organization';
  return { read: () => organizationTokens.read(client, organization, kind), remove: () => organizationTokens.remove(client, organization, kind) };
}

/** A create whose answer never arrived: find the token by its description, if the server made it. */
async function cleanUpUnconfirmed(context: CleanupContext, record: CleanupRecord): Promise<string> {
  const { io, client } = context;
  if (record.kind !== 'team' || !record.description || !record.organization || !record.teamId) {
    return say(io, `A ${record.kind} token create was interrupted and its id never arrived; check the ${record.kind} token by hand${record.organization ? '' : ' (no organization was given, so it could not be looked up)'}. It expires at ${record.expiredAt}.`);
  }
  const team = await readTeam(client, record.teamId);
  const orphan = await teamTokens.findByDescription(client, record.organization, team, record.description);
  if (!orphan) return say(io, `No token was created under "${record.description}"; nothing to delete.`);
  const result = await teamTokens.deleteById(client, orphan.id);
  const outcome = result === 'deleted' ? `Deleted team token ${orphan.id}, whose create was interrupted.` : `Team token ${orphan.id} was already gone.`;
  io.info(outcome);
  return outcome;
}

function say(io: ActionIo, message: string): string {
  io.notice(message);
  return message;
}
