import * as teamTokens from '../../api/tfc/team-tokens.js';
import { DESCRIPTION_PREFIX } from '../../inputs/rules.js';
import type { SweepTokens } from '../../inputs/parse.js';
import type { Token } from '../../api/tfc/types.js';
import { printable } from '../../runner/io.js';
import { deleteTeamTokens } from './bulk-delete.js';
import type { OperationContext } from '../../tokens/context.js';
import { byExpiry } from '../list/list.js';
import { sweepTeams } from './teams.js';

/**
 * Deletes per-job tokens whose post step never ran (a cancelled runner): only tokens with this action's per-job
 * prefix, and only once they are older than `older-than` or expired. Nothing else is ever touched.
 * The list is read unfiltered: `older-than` also catches tokens that have not expired, which no status value names.
 * Requests on a current server: one per list page plus one per batch of 100 deletions.
 */
export async function sweepTokens(context: OperationContext, inputs: SweepTokens, now = Date.now()): Promise<void> {
  const { client, io, publisher } = context;
  const all = await teamTokens.list(client, inputs.organization, {
    onPage: (page, total) => io.info(`Read page ${page} of ${total} of the organization's team tokens.`),
  });
  const stale = all.filter((token) => isStale(token, inputs.olderThanMs, now)).sort(byExpiry);
  io.info(`${stale.length} of ${all.length} team tokens were left behind by per-job runs.`);
  if (inputs.dryRun)
    for (const token of stale)
      io.info(`Would delete ${token.id} "${printable(token.description ?? '')}" (created ${token.createdAt}).`);
  const { deleted, failed } = inputs.dryRun
    ? { deleted: [], failed: [] }
    : await deleteTeamTokens(
        context,
        inputs.organization,
        stale.map((token) => token.id),
      );
  io.setOutput('deleted-ids', JSON.stringify(deleted));
  io.setOutput('count', String(inputs.dryRun ? stale.length : deleted.length));
  await publisher.table(
    `Sweep of "${inputs.organization}"${inputs.dryRun ? ' (dry run: nothing deleted)' : ''}`,
    ['Token', 'Description', 'Created', 'Expires', 'Result'],
    stale.map((token) => [
      token.id,
      token.description ?? '',
      token.createdAt,
      token.expiredAt ?? 'never',
      resultOf(token.id, inputs.dryRun, failed),
    ]),
  );
  const failedTeams = await sweepTeams(context, inputs, now);
  if (failed.length > 0)
    throw new Error(`Could not delete ${failed.length} of ${stale.length} tokens: ${failed.join(', ')}.`);
  if (failedTeams.length > 0) throw new Error(`Could not delete the temporary teams ${failedTeams.join(', ')}.`);
}

/**
 * The whole shape of a per-job description, nonce included: a prefix a person typed is not enough. The nonce must
 * follow `job-<job>` directly, so a kept token (`… job-<job> kept <nonce>`, see KEPT_MARKER) never matches.
 */
const PER_JOB = new RegExp(`^${DESCRIPTION_PREFIX} \\S+ run-\\d+-\\d+ job-\\S+ ([0-9a-f]{8}|[0-9a-f]{16})$`);

function isStale(token: Token, olderThanMs: number, now: number): boolean {
  if (!PER_JOB.test(token.description ?? '')) return false;
  const expired = token.expiredAt !== null && Date.parse(token.expiredAt) <= now;
  return expired || Date.parse(token.createdAt) < now - olderThanMs;
}

function resultOf(id: string, dryRun: boolean, failed: readonly string[]): string {
  if (dryRun) return 'would delete';
  return failed.includes(id) ? 'delete failed' : 'deleted';
}
