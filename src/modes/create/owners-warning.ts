import type { ActionIo } from '../../runner/io.js';

/**
 * The owners team's tokens can do anything in the organization. Called wherever the team's name is already known:
 * with team-id alone the name would cost a request, and the per-job create by id stays at exactly one.
 */
export function warnIfOwnersTeam(io: ActionIo, teamName: string | null): void {
  if (teamName !== 'owners') return;
  io.warning(
    'This token belongs to the "owners" team: it has full administrative access to the whole organization. ' +
      'Give the job only what it needs with scoped mode (workspaces and/or projects instead of team-name), ' +
      'which mints the token for a temporary team with access to exactly those.',
  );
}
