import { expiresClause } from '../common/text.js';
import type { ActionIo } from '../runner/io.js';
import { isScopedTeamRecord, type CleanupRecord } from '../state/records.js';
import { deleteTeam, lookUpTeam } from '../api/tfc/teams.js';
import type { CleanupContext } from './context.js';

/** The post step's part of scoped mode: the temporary team goes after its token, whatever the job's outcome. */

/** Tokens first, then teams: a token is deleted by its id before the team it belongs to disappears. */
export function inCleanupOrder(records: readonly CleanupRecord[]): CleanupRecord[] {
  return [
    ...records.filter((record) => record.kind !== 'scoped-team'),
    ...records.filter((record) => record.kind === 'scoped-team'),
  ];
}

/** How the post step names a record in its summary and warnings. */
export function recordLabel(record: CleanupRecord): string {
  if (record.kind === 'scoped-team')
    return `temporary team ${isScopedTeamRecord(record) ? record.teamName : '(invalid record)'}`;
  return record.tokenId ?? 'token with unknown id';
}

/** What a person must do about a record the post step could not clean up. */
export function leftBehindHint(record: CleanupRecord): string {
  if (record.kind === 'scoped-team') return 'Delete the team by hand (Settings > Teams), or let mode: sweep remove it.';
  return `Delete it by hand; ${expiresClause(record.expiredAt || null)}.`;
}

/** DELETE /teams/:id (404 means done); a team whose id never arrived is looked up by its name first. */
export async function cleanUpScopedTeam(context: CleanupContext, record: CleanupRecord): Promise<string> {
  const { io, client } = context;
  if (!isScopedTeamRecord(record))
    return say(io, 'Skipping a temporary-team record in the saved state that this action would not have written.');
  const teamId = record.teamId ?? (await lookUpTeam(client, record.organization, record.teamName))?.id ?? null;
  if (!teamId)
    return say(io, `No temporary team ${record.teamName} is visible: it was never created, or is already gone.`);
  const result = await deleteTeam(client, teamId);
  const outcome =
    result === 'deleted'
      ? `Deleted the temporary team ${record.teamName} (${teamId}).`
      : `The temporary team ${record.teamName} (${teamId}) was already gone.`;
  io.info(outcome);
  return outcome;
}

function say(io: ActionIo, message: string): string {
  io.notice(message);
  return message;
}
