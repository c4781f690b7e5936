import * as agentTokens from '../api/tfc/agent-tokens.js';
import * as organizationTokens from '../api/tfc/organization-tokens.js';
import * as teamTokens from '../api/tfc/team-tokens.js';
import { expiresClause } from '../runner/io.js';
import {
  inCleanupOrder,
  isScopedTeamRecord,
  leftBehindHint,
  recordLabel,
  type CleanupRecord,
} from '../state/ledger.js';
import { errorMessage } from '../common/errors.js';
import { instantOrNull } from '../api/tfc/team-tokens.js';
import { teamWithOrganization, type CleanupContext, isOwnedBy } from './context.js';
import { cleanUpScopedTeam, readScopedTeams, type TeamRead } from './scoped-team-cleanup.js';
import type { ActionIo } from '../runner/io.js';
import type { TfcClient } from '../api/tfc/client.js';
import type { Token } from '../api/tfc/types.js';

/**
 * The post step's clean-up: tokens first, then temporary teams (each read early, beside the token delete), one
 * summary line each. A failure is a warning naming what is left behind, never a failed job.
 */
export async function cleanUpRecords(
  context: Omit<CleanupContext, 'now'> & { readonly clock: () => number },
  records: readonly CleanupRecord[],
): Promise<Array<readonly [string, string]>> {
  const ordered = inCleanupOrder(records);
  // Only a scoped job's post step has a temporary team to read; a per-job one never enters scoped code.
  const teamReads = ordered.some(isScopedTeamRecord) ? readScopedTeams(context.client, ordered) : new Map();
  const lines: Array<readonly [string, string]> = [];
  for (const record of ordered) {
    const label = recordLabel(record);
    try {
      lines.push([label, await cleanUp({ ...context, now: context.clock() }, record, teamReads.get(record))]);
    } catch (error) {
      context.io.warning(`Could not delete ${label}: ${errorMessage(error)} ${leftBehindHint(record)}`);
      lines.push([label, 'delete failed (see the warning)']);
    }
  }
  return lines;
}

/** Deletes the one token a record names, or says why it is left alone. Returns a line for the summary. */
export async function cleanUp(context: CleanupContext, record: CleanupRecord, teamRead?: TeamRead): Promise<string> {
  const { io } = context;
  if (record.kind === 'scoped-team') return cleanUpScopedTeam(context, record, teamRead);
  const label = record.tokenId ?? `(${record.kind} token, id unknown)`;
  if (hasExpired(record, context.now)) return say(io, `Skipping ${label}: it has already expired.`);
  // A token whose secret never arrived is useless to everyone, so it goes whatever `ephemeral` says.
  if (!record.tokenId) return cleanUpUnconfirmed(context, record);
  if (!record.ephemeral) return say(io, `Keeping ${label}: ephemeral is false.`);
  const outcome = await deleteRecorded(context.client, record, record.tokenId);
  io.info(outcome);
  return outcome;
}

/**
 * The expiry is the backstop, so a token is skipped as expired only when it is expired by every account: the expiry
 * this run sent and the one the server reported have both passed. A server that reported an expiry in the past, none
 * at all, or one that is not a date, cannot make the post step leave a live token alone: deleting a token that did
 * expire costs one request. A record whose create never answered has only the expiry sent.
 */
export function hasExpired(record: CleanupRecord, now: number): boolean {
  if (!(Date.parse(record.expiredAt) <= now)) return false;
  if (record.reportedExpiredAt === undefined) return true;
  const reported = instantOrNull(record.reportedExpiredAt);
  return reported !== null && Date.parse(reported) <= now;
}

/** Deletes a token this run created, by id; a one-per-owner token only while it is still the current one. */
export async function deleteRecorded(
  client: TfcClient,
  record: Omit<CleanupRecord, 'tokenId'>,
  tokenId: string,
): Promise<string> {
  if (record.kind === 'team' || record.kind === 'agent') {
    const result = await teamTokens.delete(client, tokenId);
    const kind = record.kind === 'team' ? 'Team' : 'Agent';
    return result === 'deleted'
      ? `Deleted ${record.kind} token ${tokenId}.`
      : `${kind} token ${tokenId} was already gone.`;
  }
  const singleton = singletonOf(client, record);
  const current = await singleton.read();
  if (!current || current.id !== tokenId) {
    const other = current ? ` ${current.id}` : '';
    return `Token ${tokenId} was already replaced or deleted; the current ${record.kind} token${other} was left alone.`;
  }
  return (await singleton.remove()) === 'deleted' ? `Deleted token ${tokenId}.` : `Token ${tokenId} was already gone.`;
}

/** Read and delete for a one-per-owner token: the team's legacy token, or the organization's (audit-trail) token. */
function singletonOf(client: TfcClient, record: Omit<CleanupRecord, 'tokenId'>) {
  if (record.kind === 'team-legacy') {
    const teamId = record.teamId as string;
    return { read: () => teamTokens.readLegacy(client, teamId), remove: () => teamTokens.deleteLegacy(client, teamId) };
  }
  const organization = record.organization as string;
  const kind = record.kind === 'audit-trail' ? 'audit-trail' : 'organization';
  return {
    read: () => organizationTokens.read(client, organization, kind),
    remove: () => organizationTokens.delete(client, organization, kind),
  };
}

/**
 * A create whose answer never arrived: find the token it may have made. Only a token that carries this run's
 * nonce in its description, on the same team (or agent pool), with the expiry this run asked for, is this run's:
 * a description a person chose, or another job's token, never is.
 */
async function cleanUpUnconfirmed(context: CleanupContext, record: CleanupRecord): Promise<string> {
  const { io } = context;
  if (isSingleton(record)) return settleSingleton(context, record);
  const found = await findUnconfirmed(context.client, record);
  if (found === 'cannot-look-up') {
    return warn(
      io,
      `The create of a ${kindName(record)} was interrupted and its id never arrived; check that ${kindName(record)} ` +
        `by hand: ${expiresClause(record.expiredAt || null)}.`,
    );
  }
  if (!found) return say(io, `No token was created under "${record.description}"; nothing to delete.`);
  const result = await teamTokens.delete(context.client, found.id);
  const outcome =
    result === 'deleted'
      ? `Deleted ${record.kind} token ${found.id}, whose create was interrupted.`
      : `Token ${found.id} was already gone.`;
  io.info(outcome);
  return outcome;
}

async function findUnconfirmed(client: TfcClient, record: CleanupRecord): Promise<Token | null | 'cannot-look-up'> {
  if (!record.description) return 'cannot-look-up';
  if (record.kind === 'agent' && record.agentPoolId) {
    const tokens = await agentTokens.list(client, record.agentPoolId);
    return tokens.find((token) => isOwnedBy(token, record)) ?? null;
  }
  if (record.kind !== 'team' || !record.teamId) return 'cannot-look-up';
  const team = await teamWithOrganization(client, record.teamId, record.organization);
  const tokens = await teamTokens.list(client, team.organization, { teamName: team.name });
  return tokens.find((token) => isOwnedBy(token, record)) ?? null;
}

/** One per owner, with no description: the team's legacy token, the organization's (audit-trail) token. */
function isSingleton(record: CleanupRecord): boolean {
  return ['team-legacy', 'organization', 'audit-trail'].includes(record.kind);
}

/** "organization token", "audit-trail token", "legacy team token", "team token", "agent token". */
function kindName(record: CleanupRecord): string {
  return record.kind === 'team-legacy' ? 'legacy team token' : `${record.kind} token`;
}

/**
 * A one-per-owner create whose answer never arrived. Such tokens have no description, and a create replaces the
 * current one, so only the current token can be this run's: it is, provably, when it carries exactly the expiry this
 * attempt sent (to the millisecond: a server that rounds it proves nothing) and the server created it after the
 * record was saved, just before the create was sent. Then it is deleted, whatever `ephemeral` says (its secret never
 * arrived). No current token means nothing of this run's is alive. Anything else is left alone with a warning that
 * names it, since it may be another pipeline's token, or this run's under an expiry the server changed.
 */
async function settleSingleton(context: CleanupContext, record: CleanupRecord): Promise<string> {
  const { io } = context;
  const singleton = singletonOf(context.client, record);
  const current = await singleton.read();
  const what = `the ${kindName(record)} create of this run, which was interrupted before its answer`;
  if (!current) return say(io, `There is no current ${kindName(record)}: ${what} left nothing alive.`);
  if (!isThisAttempts(current, record)) {
    return warn(
      io,
      `Could not tell whether ${what} made the current ${kindName(record)} ${current.id} (created ` +
        `${current.createdAt || 'at an unknown time'}, ${expiresClause(current.expiredAt)}; this run asked for an ` +
        `expiry of ${record.expiredAt || 'none'}), so it was left alone. Check it by hand and delete it if no ` +
        `pipeline uses it.`,
    );
  }
  const result = await singleton.remove();
  const outcome =
    result === 'deleted'
      ? `Deleted ${kindName(record)} ${current.id}, made by ${what}.`
      : `The ${kindName(record)} ${current.id} was already gone.`;
  io.info(outcome);
  return outcome;
}

/** The exact expiry sent, and a creation after the record was saved (both as the decoders read them: ISO or null). */
function isThisAttempts(current: Token, record: CleanupRecord): boolean {
  const savedAt = instantOrNull(record.savedAt);
  if (!record.expiredAt || !savedAt || !current.expiredAt || !current.createdAt) return false;
  return (
    Date.parse(current.expiredAt) === Date.parse(record.expiredAt) &&
    Date.parse(current.createdAt) >= Date.parse(savedAt)
  );
}

function warn(io: ActionIo, message: string): string {
  io.warning(message);
  return message;
}

function say(io: ActionIo, message: string): string {
  io.notice(message);
  return message;
}
