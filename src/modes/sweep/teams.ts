import { errorMessage } from '../../common/errors.js';
import { count } from '../../runner/io.js';
import { SCOPED_TEAM_PREFIX, scopedTeamCreatedAt } from '../../inputs/scoped-team-name.js';
import { isId } from '../../api/tfc/client.js';
import { delete as deleteTeam, list as listTeams } from '../../api/tfc/teams.js';
import type { SweepTokens } from '../../inputs/parse.js';
import type { OperationContext } from '../../tokens/context.js';

interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
}

/**
 * Removes temporary teams of scoped mode whose post step never ran, once older than `older-than`. The API gives
 * teams no creation date, so the age is read from the name; only a secret team without members whose name has this
 * action's exact shape is a candidate, so a team a person made is never touched. Returns the ids it failed to delete.
 */
export async function sweepTeams(context: OperationContext, inputs: SweepTokens, now: number): Promise<string[]> {
  const { client, io } = context;
  const teams = await listTeams(client, inputs.organization, { q: SCOPED_TEAM_PREFIX });
  const stale = teams.flatMap(candidate).filter((team) => team.createdAt < now - inputs.olderThanMs);
  io.info(`Found ${count(stale.length, 'temporary team')} of scoped runs older than older-than.`);
  const deleted: string[] = [];
  const failed: string[] = [];
  for (const team of stale) {
    if (inputs.dryRun) {
      io.info(`Would delete the temporary team ${team.name} (${team.id}).`);
      continue;
    }
    try {
      const result = await deleteTeam(client, team.id);
      if (result === 'deleted') deleted.push(team.id);
      io.info(`${result === 'deleted' ? 'Deleted' : 'Already gone:'} the temporary team ${team.name} (${team.id}).`);
    } catch (error) {
      failed.push(team.id);
      io.warning(`Could not delete the temporary team ${team.name} (${team.id}): ${errorMessage(error)}`);
    }
  }
  io.setOutput('deleted-team-ids', JSON.stringify(deleted));
  return failed;
}

function candidate(resource: unknown): Candidate[] {
  const data = (resource ?? {}) as {
    id?: unknown;
    attributes?: { name?: unknown; visibility?: unknown; 'users-count'?: unknown };
  };
  const name = data.attributes?.name;
  if (!isId('team', data.id) || typeof name !== 'string') return [];
  const createdAt = scopedTeamCreatedAt(name);
  if (createdAt === null || data.attributes?.visibility !== 'secret' || data.attributes?.['users-count'] !== 0)
    return [];
  return [{ id: data.id, name, createdAt }];
}
