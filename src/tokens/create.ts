import { errorMessage, mayHaveLanded } from '../common/errors.js';
import { UnusableTokenError } from '../api/tfc/team-tokens.js';
import { deleteRecorded } from './cleanup.js';
import { clampAfterRefusal, refusedForExpiry } from './lifetime-policy.js';
import type { CleanupRecord, TokenKind } from '../state/ledger.js';
import type { MintedToken, Token } from '../api/tfc/types.js';
import { isOwnedBy, sameInstant, withNonce, type OperationContext } from './context.js';

/** A create is sent at most this often; each uncertain try is looked up by its nonce before the next. */
export const MAX_CREATES = 3;

/** One token to create: what the post step records about it, and how to send it. */
export interface TokenCreate {
  /** The record's fixed part: kind, owner (organization, team, agent pool) and `ephemeral`. */
  readonly owner: Omit<CleanupRecord, 'tokenId' | 'description' | 'expiredAt'> & { readonly kind: TokenKind };
  /**
   * What the description starts with; each try appends a fresh nonce, the proof that a token is this run's. Null for
   * the kinds that have no description (organization, audit-trail and legacy team tokens).
   */
  readonly description: string | null;
  /** The expiry asked for; null for agent tokens, which take none. */
  readonly expiresAt: Date | null;
  /**
   * Whether the `expiry` input was empty: a refusal for the expiry then shortens it to the organization's maximum,
   * and an explicit one fails naming the maximum. Left out where the policy was read before (rotate) or is not
   * consulted (scoped, agent): the refusal is the error.
   */
  readonly expiryDefaulted?: boolean;
  /** Sends one create (the loop records it for the post step first). */
  send(description: string | null, expiresAt: Date | null): Promise<MintedToken>;
  /** The tokens among which an interrupted create's token would be; only described kinds can be found again. */
  candidates?(): Promise<Token[]>;
}

/**
 * Creates a token of any kind, top to bottom: draw a nonce; record the attempt for the post step; send; on a refusal
 * for the expiry, clamp it to the lifetime policy and send again; settle an uncertain outcome by the nonce before
 * another try; check the answer. A token whose secret is missing or implausible is deleted by id at once.
 */
export async function createToken(context: OperationContext, create: TokenCreate): Promise<MintedToken> {
  let expiresAt = create.expiresAt;
  let clamped = false;
  for (let attempt = 1; ; attempt++) {
    const nonce = context.randomHex();
    const description = create.description === null ? null : withNonce(create.description, nonce);
    const record = { ...create.owner, description, expiredAt: expiresAt?.toISOString() ?? '' };
    context.ledger.begin(record);
    try {
      const token = await create.send(description, expiresAt);
      context.ledger.created(description, token.id, token.expiredAt);
      await checkExpiry(context, record.expiredAt, token);
      return token;
    } catch (error) {
      context.ledger.failed(description, error);
      if (error instanceof UnusableTokenError) throw await discard(context, record, error);
      if (!clamped && create.expiryDefaulted !== undefined && refusedForExpiry(error) && expiresAt) {
        const request = { ...create.owner, expiresAt, expiryDefaulted: create.expiryDefaulted };
        expiresAt = await clampAfterRefusal(context, request, error);
        clamped = true;
        continue;
      }
      if (!mayHaveLanded(error) || attempt >= MAX_CREATES || !description || !create.candidates) throw error;
      await settleByNonce(context, create.candidates, record, error);
    }
  }
}

/** A create that may have landed: its token, found by the nonce, is deleted (its secret never arrived). */
async function settleByNonce(
  context: OperationContext,
  candidates: () => Promise<Token[]>,
  record: Omit<CleanupRecord, 'tokenId'>,
  error: unknown,
): Promise<void> {
  const { io, ledger } = context;
  io.warning(`Creating the token may or may not have succeeded (${errorMessage(error)}); looking it up by its nonce.`);
  const orphan = (await candidates()).find((token) => isOwnedBy(token, record));
  if (!orphan) return io.info('The server has no token from that request; creating a new one.');
  await deleteRecorded(context.client, record, orphan.id);
  ledger.settle(record.description as string);
  io.info(`Deleted token ${orphan.id}, created by the interrupted request; its secret never arrived.`);
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

/** The expiry is the backstop when the post step never runs, so another one than asked for is said. */
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
