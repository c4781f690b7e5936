import { ApiError, errorMessage } from '../common/errors.js';
import { count } from '../common/text.js';
import * as teamTokens from '../api/tfc/team-tokens.js';
import type { OperationContext } from './context.js';

export interface DeleteOutcome {
  readonly deleted: string[];
  readonly failed: string[];
}

/**
 * Deletes team tokens in batches with the bulk endpoint, falling back to one DELETE per id where the server has
 * none (older Terraform Enterprise) or refuses one batch as malformed or too large. Ids already gone count as done.
 * A 403 is not a missing endpoint: that batch fails, so nothing is reported deleted that may still exist.
 */
export async function deleteTeamTokens(
  context: OperationContext,
  organization: string,
  tokenIds: readonly string[],
): Promise<DeleteOutcome> {
  const outcome: DeleteOutcome = { deleted: [], failed: [] };
  let bulk = true;
  const batches = chunks(tokenIds, teamTokens.BULK_DELETE_BATCH);
  for (const [index, batch] of batches.entries()) {
    if (bulk) {
      const result = await bulkBatch(context, organization, batch, outcome);
      if (result === 'done')
        context.io.info(
          `Deleted batch ${index + 1} of ${batches.length} (${count(batch.length, 'token')}) in one request.`,
        );
      if (result === 'done' || result === 'failed') continue;
      if (result === 'unsupported') {
        bulk = false;
        context.io.info(
          'This server has no bulk delete for team tokens (older Terraform Enterprise): deleting them one by one.',
        );
      }
    }
    await oneByOne(context, batch, outcome);
  }
  return outcome;
}

async function bulkBatch(
  context: OperationContext,
  organization: string,
  batch: readonly string[],
  outcome: DeleteOutcome,
): Promise<'done' | 'unsupported' | 'one-by-one' | 'failed'> {
  try {
    if ((await teamTokens.deleteBulk(context.client, organization, batch)) === 'unsupported') return 'unsupported';
    outcome.deleted.push(...batch);
    return 'done';
  } catch (error) {
    if (error instanceof ApiError && [400, 413, 422].includes(error.status)) {
      context.io.warning(`The bulk delete refused a batch (${errorMessage(error)}); deleting its tokens one by one.`);
      return 'one-by-one';
    }
    outcome.failed.push(...batch);
    context.io.warning(
      `Could not delete ${count(batch.length, 'token')} (${batch.join(', ')}): ${errorMessage(error)}`,
    );
    return 'failed';
  }
}

async function oneByOne(context: OperationContext, batch: readonly string[], outcome: DeleteOutcome): Promise<void> {
  for (const id of batch) {
    try {
      await teamTokens.deleteById(context.client, id);
      outcome.deleted.push(id);
    } catch (error) {
      outcome.failed.push(id);
      context.io.warning(`Could not delete ${id}: ${errorMessage(error)}`);
    }
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
