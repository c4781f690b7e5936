import { errorMessage } from '../common/errors.js';
import type { CleanupRecord } from '../state/ledger.js';
import { UnusableTokenError } from '../api/tfc/documents.js';
import type { MintedToken } from '../api/tfc/types.js';
import { deleteRecorded } from './cleanup.js';
import type { OperationContext } from './context.js';
import { sameInstant } from './ownership.js';

/**
 * Every create goes through here: recorded for the post step before the request, and checked after it. A token whose
 * secret is missing or implausible is deleted by id at once; an expiry other than the one asked for is warned about,
 * because the expiry is the backstop when the post step never runs.
 */
export async function mint(
  context: OperationContext,
  record: Omit<CleanupRecord, 'tokenId'>,
  create: () => Promise<MintedToken>,
): Promise<MintedToken> {
  try {
    const token = await context.ledger.track(record, create);
    await checkExpiry(context, record.expiredAt, token);
    return token;
  } catch (error) {
    if (error instanceof UnusableTokenError) throw await discard(context, record, error);
    throw error;
  }
}

async function discard(context: OperationContext, record: Omit<CleanupRecord, 'tokenId'>, error: UnusableTokenError) {
  try {
    context.io.info(await deleteRecorded(context.client, record, error.tokenId));
    context.ledger.forget(error.tokenId);
    return new Error(`${error.message} It was deleted again; nothing was output or exported.`);
  } catch (deleteError) {
    return new Error(
      `${error.message} Deleting it failed too (${errorMessage(deleteError)}); the post step tries again. Nothing ` +
        `was output or exported.`,
    );
  }
}

async function checkExpiry(context: OperationContext, askedFor: string, token: MintedToken): Promise<void> {
  // Agent tokens have no expiry to ask for.
  if (!askedFor || sameInstant(token.expiredAt, askedFor)) return;
  const got = token.expiredAt === null ? 'no expiry' : `an expiry of ${token.expiredAt}`;
  const message =
    `Token ${token.id} was asked to expire at ${askedFor} but the server reports ${got}: ` +
    'if the post step never runs, it lives that long.';
  context.io.warning(message);
  await context.publisher.summary('HCP Terraform token expiry differs', [
    ['Token ID', token.id],
    ['Expiry asked for', askedFor],
    ['Expiry reported', token.expiredAt ?? 'none'],
  ]);
}
