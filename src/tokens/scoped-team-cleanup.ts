import * as teams from '../api/tfc/teams.js';
import { clip, printable } from '../runner/io.js';
import { isScopedTeamRecord, type CleanupRecord, type ScopedTeamRecord } from '../state/ledger.js';
import type { ActionIo } from '../runner/io.js';
import type { TfcClient } from '../api/tfc/client.js';
import type { TeamDetails } from '../api/tfc/types.js';
import type { CleanupContext } from './context.js';

/** The post step's part of scoped mode: the temporary team goes after its token, whatever the job's outcome. */

/** A temporary team's read, started early (readScopedTeams); a failed read is kept, not thrown, until it is used. */
export type TeamRead = Promise<{ readonly team: TeamDetails | null } | { readonly error: unknown }>;

/**
 * Starts the read of every temporary team the records name at once, so it travels with the token deletes that come
 * first (independent requests go together: the scoped post stays within its round trips).
 */
export function readScopedTeams(client: TfcClient, records: readonly CleanupRecord[]): Map<CleanupRecord, TeamRead> {
  const reads = new Map<CleanupRecord, TeamRead>();
  for (const record of records) {
    if (!isScopedTeamRecord(record)) continue;
    const read = record.teamId
      ? teams.readDetails(client, record.teamId)
      : teams.readByName(client, record.organization, record.teamName);
    reads.set(
      record,
      read.then(
        (team) => ({ team }),
        (error: unknown) => ({ error }),
      ),
    );
  }
  return reads;
}

/**
 * DELETE /teams/:id (404 means done), only after reading the team and finding what scoped mode made: the recorded
 * name, secret visibility, no members, and the recorded organization. The state file is untrusted: a record that
 * names another team (written by a later step of the job, say) must not delete it with the owners credential.
 */
export async function cleanUpScopedTeam(
  context: CleanupContext,
  record: CleanupRecord,
  started?: TeamRead,
): Promise<string> {
  const { io, client } = context;
  if (!isScopedTeamRecord(record))
    return say(io, 'Skipping a temporary-team record in the saved state that this action would not have written.');
  const read = await (started ?? readScopedTeams(client, [record]).get(record));
  if (!read || 'error' in read) throw read?.error;
  const { team } = read;
  const where = record.teamId ? ` (${record.teamId})` : '';
  if (!team)
    return say(
      io,
      `No temporary team ${record.teamName}${where} is visible: it was never created, or is already gone.`,
    );
  const problem = notOurs(team, record);
  if (problem) {
    const message =
      `Left team ${team.id} alone: the saved state names it as the temporary team ${record.teamName}, ` +
      `but ${problem}. This action did not make it as it is now; check the team and how the state came to name it.`;
    io.warning(message);
    return message;
  }
  const result = await teams.delete(client, team.id);
  const outcome =
    result === 'deleted'
      ? `Deleted the temporary team ${record.teamName} (${team.id}).`
      : `The temporary team ${record.teamName} (${team.id}) was already gone.`;
  io.info(outcome);
  return outcome;
}

/** Why a team read back is not the temporary team the record describes, or null when it is. */
function notOurs(team: TeamDetails, record: ScopedTeamRecord): string | null {
  if (team.name !== record.teamName) return `the server names it ${printable(clip(team.name, 100))}`;
  if (team.organization !== null && team.organization !== record.organization)
    return `it belongs to organization ${team.organization}`;
  if (team.visibility !== 'secret') return `its visibility is ${printable(clip(team.visibility ?? 'not given', 40))}`;
  if (team.usersCount !== 0)
    return team.usersCount === null ? 'the server does not say it has no members' : 'it has members';
  return null;
}

function say(io: ActionIo, message: string): string {
  io.notice(message);
  return message;
}
