import type { ListTokens } from '../../inputs/parse.js';
import { ListCapError, type ListCap } from '../../api/tfc/client.js';
import * as teamTokens from '../../api/tfc/team-tokens.js';
import type { Token } from '../../api/tfc/types.js';
import type { OperationContext } from '../../tokens/context.js';
import { policyRows } from '../../tokens/lifetime-policy.js';
import { teamNames } from './team-names.js';

/**
 * What a list holds at most, of the organization's team tokens and of its teams each: 10,000 items (100 pages, a
 * large organization's worth; the outputs alone would be a few MB) and 32 MiB of answers (a page of 100 tokens is
 * about 70 KB). Past either, the list is refused rather than held: a server that never stops, or an organization
 * this mode was not made for, cannot fill the runner's memory.
 */
const LIST_CAP: ListCap = { items: 10_000, bytes: 32 * 1024 * 1024 };

/** Metadata of the organization's team tokens, filtered and sorted by expiry; never a secret (the API has none). */
export async function listTokens(context: OperationContext, inputs: ListTokens, now = Date.now()): Promise<void> {
  try {
    await listCapped(context, inputs, now);
  } catch (error) {
    if (!(error instanceof ListCapError)) throw error;
    throw new Error(
      `mode: list refused a list past its cap: ${error.message} Narrow it with team-name or team-id (the server ` +
        'searches by team), or expiring-within (it filters by status).',
      { cause: error },
    );
  }
}

async function listCapped(context: OperationContext, inputs: ListTokens, now: number): Promise<void> {
  const { client, io, publisher } = context;
  // The team list, the tokens and the lifetime policy go together; only a team given by id waits for its name.
  const namesRead = teamNames(client, inputs.organization, LIST_CAP);
  const team = inputs.team;
  const tokensRead =
    team && 'id' in team
      ? namesRead.then((names) => readTokens(context, inputs, names.get(team.id) ?? ''))
      : readTokens(context, inputs, team?.name);
  const [names, all, maxima] = await Promise.all([namesRead, tokensRead, policyRows(context, inputs.organization)]);
  const teamId = team ? teamIdFor(team, names, inputs.organization) : null;
  const matching = all
    .filter((token) => !teamId || token.teamId === teamId)
    .filter((token) => !inputs.descriptionPrefix || (token.description ?? '').startsWith(inputs.descriptionPrefix))
    .filter(
      (token) =>
        inputs.expiringWithinMs === null ||
        (token.expiredAt !== null && Date.parse(token.expiredAt) <= now + inputs.expiringWithinMs),
    )
    .sort(byExpiry);
  const rows = matching.map((token) => ({
    id: token.id,
    'team-id': token.teamId,
    'team-name': token.teamId ? (names.get(token.teamId) ?? null) : null,
    description: token.description,
    'created-at': token.createdAt,
    'last-used-at': token.lastUsedAt,
    'expired-at': token.expiredAt,
  }));
  io.setOutput('tokens', JSON.stringify(rows));
  io.setOutput('count', String(rows.length));
  io.info(`${rows.length} of ${all.length} team tokens match.`);
  await publisher.table(
    `Team tokens of "${inputs.organization}" (${rows.length})`,
    ['Token', 'Team', 'Description', 'Created', 'Last used', 'Expires'],
    rows.map((row) => [
      row.id,
      row['team-name'] ?? row['team-id'] ?? '',
      row.description ?? '(legacy)',
      row['created-at'],
      row['last-used-at'] ?? 'never',
      expiryLabel(row['expired-at'], now),
    ]),
  );
  if (maxima)
    await publisher.table(
      `Maximum token lifetimes in "${inputs.organization}"`,
      ['Token type', 'Maximum lifetime'],
      maxima,
    );
}

/** Every team token of the organization, searched by team name when one is given; the server may filter loosely. */
function readTokens(context: OperationContext, inputs: ListTokens, teamName: string | undefined): Promise<Token[]> {
  return teamTokens.list(context.client, inputs.organization, {
    ...(teamName === undefined ? {} : { teamName }),
    ...statusesFor(inputs.expiringWithinMs),
    cap: LIST_CAP,
    onPage: (page, total) => context.io.info(`Read page ${page} of ${total} of the organization's team tokens.`),
  });
}

function teamIdFor(team: { id: string } | { name: string }, names: Map<string, string>, organization: string): string {
  if ('id' in team) return team.id;
  const match = [...names].find(([, name]) => name === team.name);
  if (!match)
    throw new Error(`No team named "${team.name}" in organization "${organization}" is visible to this credential.`);
  return match[0];
}

const DAY_MS = 86_400_000;

/**
 * Status values that cover `expiring-within`, to save pages where the server filters. A day of slack keeps a
 * server clock that runs behind from dropping a token at the edge; the client filter below decides anyway.
 */
function statusesFor(withinMs: number | null): { statuses?: string[] } {
  if (withinMs === null) return {};
  if (withinMs <= 6 * DAY_MS) return { statuses: ['expired', 'expiring_in_7_days'] };
  if (withinMs <= 29 * DAY_MS) return { statuses: ['expired', 'expiring_in_30_days'] };
  return {};
}

/** Soonest expiry first; tokens that never expire last. */
export function byExpiry(a: Token, b: Token): number {
  const at = (token: Token) => (token.expiredAt ? Date.parse(token.expiredAt) : Number.POSITIVE_INFINITY);
  return at(a) - at(b);
}

function expiryLabel(expiredAt: string | null, now: number): string {
  if (!expiredAt) return 'never';
  return Date.parse(expiredAt) <= now ? `${expiredAt} (expired)` : expiredAt;
}
