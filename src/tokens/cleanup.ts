import type { ActionIo } from '../io.js';
import type { CleanupRecord } from '../state.js';
import type { TfcClient } from '../tfc/client.js';
import * as organizationTokens from '../tfc/organization-tokens.js';
import * as teamTokens from '../tfc/team-tokens.js';

export interface CleanupContext {
  readonly io: ActionIo;
  readonly client: TfcClient;
  readonly now: number;
}

/** Deletes the one token a record names, or says why it is left alone. Returns a line for the summary. */
export async function cleanUp(context: CleanupContext, record: CleanupRecord): Promise<string> {
  const { io } = context;
  const label = record.tokenId ?? `(${record.kind} token, id unknown)`;
  if (!record.ephemeral) return say(io, `Keeping ${label}: ephemeral is false.`);
  if (Date.parse(record.expiredAt) <= context.now) return say(io, `Skipping ${label}: it has already expired.`);
  if (!record.tokenId) {
    return say(io, `A ${record.kind} token create was interrupted and its id never arrived; check the ${record.kind === 'organization' ? 'organization' : 'team'} token by hand. It expires at ${record.expiredAt}.`);
  }
  const outcome = await deleteRecorded(context.client, record, record.tokenId);
  io.info(outcome);
  return outcome;
}

async function deleteRecorded(client: TfcClient, record: CleanupRecord, tokenId: string): Promise<string> {
  if (record.kind === 'team') {
    const result = await teamTokens.deleteById(client, tokenId);
    return result === 'deleted' ? `Deleted team token ${tokenId}.` : `Team token ${tokenId} was already gone.`;
  }
  const current =
    record.kind === 'organization'
      ? await organizationTokens.read(client, record.organization as string)
      : await teamTokens.readLegacy(client, record.teamId as string);
  if (!current || current.id !== tokenId) {
    return `Token ${tokenId} was already replaced or deleted; the current ${record.kind === 'organization' ? 'organization' : 'team'} token${current ? ` ${current.id}` : ''} was left alone.`;
  }
  const result =
    record.kind === 'organization'
      ? await organizationTokens.remove(client, record.organization as string)
      : await teamTokens.deleteLegacy(client, record.teamId as string);
  return result === 'deleted' ? `Deleted token ${tokenId}.` : `Token ${tokenId} was already gone.`;
}

function say(io: ActionIo, message: string): string {
  io.notice(message);
  return message;
}
