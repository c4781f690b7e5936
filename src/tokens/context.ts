import * as teams from '../api/tfc/teams.js';
import type { ActionIo, Publisher } from '../runner/io.js';
import type { CleanupLedger } from '../state/ledger.js';
import type { TfcClient, Ref } from '../api/tfc/client.js';
import type { Transport } from '../transport/transport.js';
import type { Team, Token } from '../api/tfc/types.js';

/** What every token operation works with; built once by the entry point. */
export interface OperationContext {
  readonly io: ActionIo;
  readonly client: TfcClient;
  readonly publisher: Publisher;
  readonly ledger: CleanupLedger;
  readonly randomHex: () => string;
  readonly now: () => number;
  /** A client for the same host that authenticates with another token (to verify a new one). */
  readonly connectAs: (apiToken: string) => TfcClient;
  /** A transport for GitHub's API, with the step's request deadline and TLS trust. */
  readonly transport: () => Transport;
  /** When the step's time budget ends (epoch ms); the GitHub requests share it with the HCP Terraform ones. */
  readonly deadline: number;
}

/** A team id costs no request; a name costs one look-up. */
export async function resolveTeamId(client: TfcClient, team: Ref, organization: string | null): Promise<string> {
  if ('id' in team) return team.id;
  // parseInputs guarantees an organization whenever a team is named.
  const found = await teams.readByName(client, organization as string, team.name);
  if (found) return found.id;
  throw new Error(
    `No team named "${team.name}" in organization "${organization}" is visible to this credential. Check the name ` +
      `(it is case-sensitive) or use team-id; a secret team needs a credential that can see it.`,
  );
}

/**
 * The team with its organization: the given one, or the one the API names for the team (one request, made only on
 * the paths that need the organization and were not given it).
 */
export async function teamWithOrganization(
  client: TfcClient,
  teamId: string,
  organization: string | null,
): Promise<Team & { organization: string }> {
  const team = await teams.read(client, teamId);
  const known = organization ?? team.organization;
  if (!known) {
    throw new Error(
      `The server did not say which organization team ${teamId} belongs to; set the organization input (or ` +
        `TF_CLOUD_ORGANIZATION).`,
    );
  }
  return { ...team, organization: known };
}

/** What the post step's clean-up needs: no ledger, no publisher, the time it started. */
export interface CleanupContext {
  readonly io: ActionIo;
  readonly client: TfcClient;
  readonly now: number;
}

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

/**
 * Proof that a token is this run's. Every description the action sends ends in a fresh 64-bit nonce, whether the
 * user chose the rest or not, so only the run that drew the nonce can know it. A token is taken as this run's only
 * when its description is exactly the one sent (nonce included), it belongs to the same team, and its expiry is the
 * instant sent. A description that merely matches what a person typed is never enough.
 */
export const NONCE = /^[0-9a-f]{16}$/;

export function withNonce(base: string, nonce: string): string {
  return `${base} ${nonce}`;
}

export interface CreateAttempt {
  readonly description: string | null;
  readonly teamId: string | null;
  /** ISO instant sent, or '' when the kind has no expiry (agent tokens) */
  readonly expiredAt: string;
}

export function isOwnedBy(token: Token, attempt: CreateAttempt): boolean {
  const { description } = attempt;
  if (!description || token.description !== description) return false;
  if (!NONCE.test(description.slice(description.lastIndexOf(' ') + 1))) return false;
  if (attempt.teamId !== null && token.teamId !== attempt.teamId) return false;
  return !attempt.expiredAt || sameInstant(token.expiredAt, attempt.expiredAt);
}

/** The expiry the server reports is the instant sent; servers may drop its milliseconds. */
export function sameInstant(reported: string | null, sent: string): boolean {
  return reported !== null && Math.abs(Date.parse(reported) - Date.parse(sent)) < 1000;
}
