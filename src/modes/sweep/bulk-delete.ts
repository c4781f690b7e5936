import * as teamTokens from '../../api/tfc/team-tokens.js';
import { ApiError, errorMessage } from '../../common/errors.js';
import { count } from '../../runner/io.js';
import type { OperationContext } from '../../tokens/context.js';

export interface DeleteOutcome {
  readonly deleted: string[];
  readonly failed: string[];
}

/**
 * Deletes team tokens in batches with the bulk endpoint, falling back to one DELETE per id where the server has
 * none (older Terraform Enterprise) or refuses one batch as malformed or too large. Ids already gone count as done.
 * A 403 is not a missing endpoint: that batch fails, so nothing is reported deleted that may still exist.
 * The first batch goes alone, to learn whether the server has the bulk endpoint; the others then go together.
 */
export async function deleteTeamTokens(
  context: OperationContext,
  organization: string,
  tokenIds: readonly string[],
): Promise<DeleteOutcome> {
  const batches = chunks(tokenIds, teamTokens.BULK_DELETE_BATCH);
  const progress = (index: number) => `batch ${index + 1} of ${batches.length}`;
  const [first, ...rest] = batches;
  if (!first) return { deleted: [], failed: [] };
  const opening = await deleteBatch(context, organization, first, progress(0), true);
  const others = await Promise.all(
    rest.map((batch, index) => deleteBatch(context, organization, batch, progress(index + 1), opening.bulk)),
  );
  const outcomes = [opening.outcome, ...others.map((other) => other.outcome)];
  return {
    deleted: outcomes.flatMap((outcome) => outcome.deleted),
    failed: outcomes.flatMap((outcome) => outcome.failed),
  };
}

/** One batch: in one request while the server has the bulk endpoint, else one DELETE per id (sent together). */
async function deleteBatch(
  context: OperationContext,
  organization: string,
  batch: readonly string[],
  label: string,
  bulk: boolean,
): Promise<{ outcome: DeleteOutcome; bulk: boolean }> {
  const outcome: DeleteOutcome = { deleted: [], failed: [] };
  const result = bulk ? await bulkBatch(context, organization, batch, outcome) : 'unsupported';
  if (result === 'done') context.io.info(`Deleted ${label} (${count(batch.length, 'token')}) in one request.`);
  if (result === 'done' || result === 'failed') return { outcome, bulk: true };
  if (bulk && result === 'unsupported') {
    context.io.info(
      'This server has no bulk delete for team tokens (older Terraform Enterprise): deleting them one by one.',
    );
  }
  await oneByOne(context, batch, outcome);
  return { outcome, bulk: result !== 'unsupported' };
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
    context.io.warning(`Could not delete ${batch.length} tokens (${batch.join(', ')}): ${errorMessage(error)}`);
    return 'failed';
  }
}

async function oneByOne(context: OperationContext, batch: readonly string[], outcome: DeleteOutcome): Promise<void> {
  const results = await Promise.allSettled(batch.map((id) => teamTokens.delete(context.client, id)));
  results.forEach((result, index) => {
    const id = batch[index] as string;
    if (result.status === 'fulfilled') {
      outcome.deleted.push(id);
      return;
    }
    outcome.failed.push(id);
    context.io.warning(`Could not delete ${id}: ${errorMessage(result.reason)}`);
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
