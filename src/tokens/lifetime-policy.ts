import { ApiError, errorMessage } from '../common/errors.js';
import { count } from '../runner/io.js';
import { MIN_LIFETIME_MS } from '../inputs/rules.js';
import type { RotateToken } from '../inputs/parse.js';
import type { TokenKind } from '../state/ledger.js';
import { list as listMaxima, type PolicyTokenType } from '../api/tfc/token-ttl-policies.js';
import type { OperationContext } from './context.js';

/**
 * The organization's maximum token lifetime per type. Reading it needs the owners team, so it is read only when it
 * matters: after a create was refused for its expiry, before a scheduled rotation, and for the list summary.
 */

const DAY_MS = 86_400_000;
/** A clamped expiry stays this far below the maximum, so clock skew and latency cannot push it over. */
const CLAMP_MARGIN_MS = 60_000;

export type PolicyReading = { readonly maxima: ReadonlyMap<string, number> } | { readonly unreadable: string };

export function policyTypeOf(kind: TokenKind): PolicyTokenType | null {
  if (kind === 'team' || kind === 'team-legacy') return 'team';
  if (kind === 'organization') return 'organization';
  if (kind === 'audit-trail') return 'audit_trails';
  return null;
}

export async function readPolicy(context: OperationContext, organization: string | null): Promise<PolicyReading> {
  if (!organization) return { unreadable: 'the organization input is not set' };
  try {
    return { maxima: await listMaxima(context.client, organization) };
  } catch (error) {
    if (error instanceof ApiError && (error.is(403) || error.is(404))) {
      return { unreadable: `only the owners team may read it (${error.status})` };
    }
    throw error;
  }
}

export function lifetimeLabel(ms: number): string {
  return ms % DAY_MS === 0 || ms > 30 * DAY_MS
    ? count(Number((ms / DAY_MS).toFixed(2)), 'day')
    : count(Number((ms / 3_600_000).toFixed(2)), 'hour');
}

export interface LifetimeRequest {
  readonly organization: string | null;
  readonly kind: TokenKind;
  readonly expiresAt: Date;
  readonly expiryDefaulted: boolean;
}

/**
 * After a create was refused for its expiry, the policy is read (no request is spent on it otherwise): a defaulted
 * expiry is clamped to the maximum, with a notice, and returned for another try; an explicit one fails naming the
 * maximum; an unreadable policy fails with the refusal.
 */
export async function clampAfterRefusal(
  context: OperationContext,
  request: LifetimeRequest,
  error: unknown,
): Promise<Date> {
  const type = policyTypeOf(request.kind);
  const reading = await readPolicy(context, request.organization);
  const max = 'maxima' in reading && type ? reading.maxima.get(type) : undefined;
  if (max === undefined) {
    const why = 'unreadable' in reading ? reading.unreadable : 'it names no maximum for this token type';
    throw new Error(
      `${errorMessage(error)} The organization's token lifetime policy could not be read (${why}); try a shorter ` +
        `expiry.`,
      { cause: error },
    );
  }
  const now = context.now();
  if (request.expiresAt.getTime() - now <= max) throw error;
  if (!request.expiryDefaulted) throw tooLong(type as string, max, 'create');
  const clamped = clampedExpiry(now, max);
  context.io.notice(
    `The organization allows ${type} tokens at most ${lifetimeLabel(max)}; the default expiry was shortened to ` +
      `${clamped.toISOString()}.`,
  );
  return clamped;
}

/**
 * A rotation reads the policy first (a scheduled run can afford the request): a defaulted expiry beyond the maximum
 * is clamped with a notice, an explicit one fails before anything is created. Unreadable: said, and go on.
 */
export async function expiryForRotation(context: OperationContext, inputs: RotateToken): Promise<Date | null> {
  const kind: TokenKind = inputs.legacy ? 'team-legacy' : inputs.tokenType;
  const type = policyTypeOf(kind);
  if (!inputs.expiresAt || !type) return inputs.expiresAt;
  const reading = await readPolicy(context, inputs.organization);
  if ('unreadable' in reading) {
    context.io.info(
      `Could not read the organization's token lifetime policy (${reading.unreadable}); using the expiry as given.`,
    );
    return inputs.expiresAt;
  }
  const max = reading.maxima.get(type);
  const now = context.now();
  if (max === undefined || inputs.expiresAt.getTime() - now <= max) return inputs.expiresAt;
  if (!inputs.expiryDefaulted) throw tooLong(type, max, 'rotate');
  const clamped = clampedExpiry(now, max);
  context.io.notice(
    `The organization allows ${type} tokens at most ${lifetimeLabel(max)}; the default expiry was shortened to ` +
      `${clamped.toISOString()}.`,
  );
  return clamped;
}

/** A 400 or 422 that names the expiry: the organization's lifetime policy refused it. */
export function refusedForExpiry(error: unknown): boolean {
  return error instanceof ApiError && (error.is(400) || error.is(422)) && /expir/i.test(error.message);
}

function clampedExpiry(now: number, max: number): Date {
  if (max - CLAMP_MARGIN_MS < MIN_LIFETIME_MS) {
    throw new Error(
      `The organization's maximum token lifetime (${lifetimeLabel(max)}) is shorter than the 5 minutes a token ` +
        `needs to be useful.`,
    );
  }
  return new Date(now + max - CLAMP_MARGIN_MS);
}

function tooLong(type: string, max: number, mode: 'create' | 'rotate'): Error {
  const nothing = mode === 'rotate' ? ' Nothing was created.' : '';
  return new Error(
    `Input "expiry" is beyond the organization's maximum lifetime for ${type} tokens, ` +
      `${lifetimeLabel(max)}.${nothing} Choose an expiry within it, or leave expiry empty to use the maximum.`,
  );
}

/** Rows for the list summary: each type's maximum, or null when the credential may not read the policy. */
export async function policyRows(context: OperationContext, organization: string): Promise<string[][] | null> {
  const reading = await readPolicy(context, organization);
  if ('unreadable' in reading) {
    context.io.info(`The organization's token lifetime policy is not shown: ${reading.unreadable}.`);
    return null;
  }
  return [...reading.maxima].map(([type, max]) => [type, lifetimeLabel(max)]);
}
