import { errorMessage, mayHaveLanded } from '../common/errors.js';
import type { MintedToken, Token } from '../api/tfc/types.js';
import type { OperationContext } from './context.js';
import { isOwnedBy } from './ownership.js';

/**
 * Creates that may have landed are settled before they are sent again, never blindly repeated: a token by its
 * description nonce, a grant by reading the team's access. The client already repeats what is idempotent; these
 * cover the POSTs it must not repeat.
 */

/** A create is sent at most this often; each uncertain try is looked up before the next. */
export const MAX_CREATES = 3;

export interface NonceCreate {
  /** The description for one try, ending in a fresh nonce (the proof of ownership). */
  describe(nonce: string): string;
  /** One create under that description, recorded for the post step by the caller. */
  create(description: string): Promise<MintedToken>;
  readonly teamId: string | null;
  /** The expiry the last create sent, as an ISO instant; '' for kinds without one. */
  readonly expiredAt: string;
  /** The tokens among which an interrupted create's token would be. */
  list(): Promise<Token[]>;
  remove(tokenId: string): Promise<unknown>;
}

/**
 * A token whose create may have landed is looked up by its nonce: found, it is deleted (its secret never arrived);
 * not found, its ledger record stays for the post step, and the next try draws a fresh nonce so the two never mix.
 */
export async function createByNonce(context: OperationContext, spec: NonceCreate): Promise<MintedToken> {
  for (let attempt = 1; ; attempt++) {
    const description = spec.describe(context.randomHex());
    try {
      return await spec.create(description);
    } catch (error) {
      if (!mayHaveLanded(error) || attempt === MAX_CREATES) throw error;
      await removeOrphan(context, spec, description, error);
    }
  }
}

async function removeOrphan(
  context: OperationContext,
  spec: NonceCreate,
  description: string,
  error: unknown,
): Promise<void> {
  const { io, ledger } = context;
  io.warning(`Creating the token may or may not have succeeded (${errorMessage(error)}); looking it up by its nonce.`);
  const attempt = { description, teamId: spec.teamId, expiredAt: spec.expiredAt };
  const orphan = (await spec.list()).find((token) => isOwnedBy(token, attempt));
  if (!orphan) return io.info('The server has no token from that request; creating a new one.');
  await spec.remove(orphan.id);
  ledger.settle(description);
  io.info(`Deleted token ${orphan.id}, created by the interrupted request; its secret never arrived.`);
}

/** A grant (or any create with one natural key) that may have landed is read back before it is sent again. */
export async function createOrFind<T>(
  context: OperationContext,
  what: string,
  create: () => Promise<T>,
  find: () => Promise<T | null>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!mayHaveLanded(error) || attempt === MAX_CREATES) throw error;
      context.io.info(`${what} may or may not have succeeded (${errorMessage(error)}); reading it back.`);
      const found = await find();
      if (found !== null) return found;
    }
  }
}
