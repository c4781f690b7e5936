import { DESCRIPTION_PREFIX } from '../description.js';
import { errorMessage } from '../errors.js';
import type { SweepTokens } from '../inputs.js';
import * as teamTokens from '../tfc/team-tokens.js';
import type { Token } from '../tfc/types.js';
import type { OperationContext } from './context.js';
import { byExpiry } from './list-tokens.js';
import { sweepTeams } from './sweep-teams.js';

/**
 * Deletes per-job tokens whose post step never ran (a cancelled runner): only tokens with this action's per-job
 * prefix, and only once they are older than `older-than` or expired. Nothing else is ever touched.
 */
export async function sweepTokens(context: OperationContext, inputs: SweepTokens, now = Date.now()): Promise<void> {
  const { client, io, publisher } = context;
  const all = await teamTokens.listAll(client, inputs.organization, {
    onPage: (page, total) => io.info(`Read page ${page} of ${total} of the organization's team tokens.`),
  });
  const stale = all.filter((token) => isStale(token, inputs.olderThanMs, now)).sort(byExpiry);
  io.info(`${stale.length} of ${all.length} team tokens were left behind by per-job runs.`);
  const deleted: string[] = [];
  const failed: string[] = [];
  for (const [index, token] of stale.entries()) {
    if (inputs.dryRun) {
      io.info(`Would delete ${token.id} "${token.description}" (created ${token.createdAt}).`);
      continue;
    }
    try {
      await teamTokens.deleteById(client, token.id);
      deleted.push(token.id);
    } catch (error) {
      failed.push(token.id);
      io.warning(`Could not delete ${token.id}: ${errorMessage(error)}`);
    }
    if ((index + 1) % 10 === 0) io.info(`Swept ${index + 1} of ${stale.length}.`);
  }
  io.setOutput('deleted-ids', JSON.stringify(deleted));
  io.setOutput('count', String(inputs.dryRun ? stale.length : deleted.length));
  await publisher.table(
    `Sweep of "${inputs.organization}"${inputs.dryRun ? ' (dry run: nothing deleted)' : ''}`,
    ['Token', 'Description', 'Created', 'Expires', 'Result'],
    stale.map((token) => [token.id, token.description ?? '', token.createdAt, token.expiredAt ?? 'never', resultOf(token.id, inputs.dryRun, failed)]),
  );
  const failedTeams = await sweepTeams(context, inputs, now);
  if (failed.length > 0) throw new Error(`Could not delete ${failed.length} of ${stale.length} tokens: ${failed.join(', ')}.`);
  if (failedTeams.length > 0) throw new Error(`Could not delete the temporary teams ${failedTeams.join(', ')}.`);
}

function isStale(token: Token, olderThanMs: number, now: number): boolean {
  if (!token.description?.startsWith(`${DESCRIPTION_PREFIX} `)) return false;
  const expired = token.expiredAt !== null && Date.parse(token.expiredAt) <= now;
  return expired || Date.parse(token.createdAt) < now - olderThanMs;
}

function resultOf(id: string, dryRun: boolean, failed: readonly string[]): string {
  if (dryRun) return 'would delete';
  return failed.includes(id) ? 'delete failed' : 'deleted';
}
