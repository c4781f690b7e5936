import type { Context, Route, Settings } from './context.js';
import type { Team, Token } from './entities.js';
import { document, error, invalid, noContent, notFound, page, type Reply } from './jsonapi.js';
import type { Model } from './model.js';
import { teamResource, tokenResource } from './resources.js';
import { expiryUnderPolicy } from './token-policy-routes.js';
import type { TokenKind } from './types.js';

/**
 * Routes for the caller's account, teams and tokens of every type (tfc-token-api.md): team tokens (described and
 * legacy), organization and audit-trail tokens, agent tokens, and the team-token listing.
 */

export const TOKEN_ROUTES: readonly Route[] = [
  ['GET', '/account/details', accountDetails],
  ['GET', '/organizations/:organization/teams', listTeams],
  ['GET', '/teams/:team', showTeam],
  ['POST', '/teams/:team/authentication-tokens', createTeamToken],
  ['GET', '/authentication-tokens/:token', showToken],
  ['DELETE', '/authentication-tokens/:token', deleteToken],
  ['POST', '/teams/:team/authentication-token', createLegacyToken],
  ['GET', '/teams/:team/authentication-token', showLegacyToken],
  ['DELETE', '/teams/:team/authentication-token', deleteLegacyToken],
  ['POST', '/organizations/:organization/authentication-token', createOrganizationToken],
  ['GET', '/organizations/:organization/authentication-token', showOrganizationToken],
  ['DELETE', '/organizations/:organization/authentication-token', deleteOrganizationToken],
  ['GET', '/organizations/:organization/team-tokens', listTeamTokens],
  ['POST', '/agent-pools/:pool/authentication-tokens', createAgentToken],
  ['GET', '/agent-pools/:pool/authentication-tokens', listAgentTokens],
  ['POST', '/users/:user/authentication-tokens', createUserToken],
];

const DAY_MS = 86_400_000;

function accountDetails({ caller, settings }: Context): Reply {
  const links: Record<string, string> = { self: `/api/v2/users/${caller.principal}` };
  if (caller.token && supportsAuthTokenLink(settings))
    links['auth-token'] = `/api/v2/authentication-tokens/${caller.token.id}`;
  return document(200, {
    data: {
      id: caller.principal,
      type: 'users',
      attributes: { username: caller.username, 'is-service-account': caller.resource.type !== 'users' },
      relationships: { 'authenticated-resource': { data: caller.resource } },
      links,
    },
  });
}

function listTeams(context: Context): Reply {
  const { model, caller, query, params } = context;
  if (!model.hasOrganization(params['organization']!) || caller.organization !== params['organization'])
    return notFound();
  let teams = model.teamsOf(caller.organization).filter((team) => model.canSeeTeam(caller, team));
  // Case-insensitive here; the real case sensitivity is undocumented, so clients must compare names exactly.
  const names = query.get('filter[names]');
  if (names !== null) {
    const wanted = new Set(names.split(',').map((name) => name.trim().toLowerCase()));
    teams = teams.filter((team) => wanted.has(team.name.toLowerCase()));
  }
  const search = query.get('q')?.toLowerCase();
  if (search) teams = teams.filter((team) => team.name.toLowerCase().includes(search));
  return page(teams, query, context.url, (team) => teamResource(team, caller, model));
}

function showTeam({ model, caller, params }: Context): Reply {
  const team = model.team(params['team']!);
  if (!team || !model.canSeeTeam(caller, team)) return notFound();
  return document(200, { data: teamResource(team, caller, model) });
}

function createTeamToken(context: Context): Reply {
  const { model, settings, caller } = context;
  const team = manageableTeam(context);
  // Before TFE 1.1.0 the path does not exist; the team itself stays readable.
  if (!settings.multipleTeamTokens || !team) return notFound();
  const request = createRequest(context, team.organization, 'team');
  if ('reply' in request) return request.reply;
  const description = request.attributes['description'];
  // An empty string is accepted and kept distinct from null (go-tfe #1088); only a described token is "multiple".
  if (typeof description !== 'string') return invalid('Description must be a string', 'description');
  if (
    model
      .tokens()
      .some((token) => token.teamId === team.id && token.kind === 'team' && token.description === description)
  ) {
    return invalid('Description has already been taken', 'description');
  }
  const token = model.mint({
    kind: 'team',
    organization: team.organization,
    teamId: team.id,
    agentPoolId: null,
    description,
    expiredAt: request.expiredAt,
    createdBy: caller.resource,
  });
  return document(201, { data: tokenResource(token, true) });
}

function showToken(context: Context): Reply {
  const token = visibleToken(context);
  return token ? document(200, { data: tokenResource(token, false) }) : notFound();
}

function deleteToken(context: Context): Reply {
  const token = visibleToken(context);
  if (!token) return notFound();
  context.model.revoke(token);
  return noContent();
}

/** Replaces the team's description-less token only; described tokens are not legacy and survive. */
function createLegacyToken(context: Context): Reply {
  const { model, caller } = context;
  const team = manageableTeam(context);
  if (!team) return notFound();
  const request = createRequest(context, team.organization, 'team-legacy');
  if ('reply' in request) return request.reply;
  const current = legacyTokenOf(model, team);
  if (current) model.revoke(current);
  const token = model.mint({
    kind: 'team-legacy',
    organization: team.organization,
    teamId: team.id,
    agentPoolId: null,
    description: null,
    expiredAt: request.expiredAt,
    createdBy: caller.resource,
  });
  return document(201, { data: tokenResource(token, true) });
}

function showLegacyToken(context: Context): Reply {
  const team = manageableTeam(context);
  const token = team && legacyTokenOf(context.model, team);
  return token ? document(200, { data: tokenResource(token, false) }) : notFound();
}

function deleteLegacyToken(context: Context): Reply {
  const team = manageableTeam(context);
  const token = team && legacyTokenOf(context.model, team);
  if (!token) return notFound();
  context.model.revoke(token);
  return noContent();
}

function createOrganizationToken(context: Context): Reply {
  const { model, caller, params } = context;
  if (!canManageOrganizationTokens(context)) return notFound();
  const kind = organizationTokenKind(context);
  const request = createRequest(context, params['organization']!, kind);
  if ('reply' in request) return request.reply;
  const current = organizationTokenOf(context);
  if (current) model.revoke(current);
  const token = model.mint({
    kind,
    organization: params['organization']!,
    teamId: null,
    agentPoolId: null,
    description: null,
    expiredAt: request.expiredAt,
    createdBy: caller.resource,
  });
  return document(201, { data: tokenResource(token, true) });
}

function showOrganizationToken(context: Context): Reply {
  const token = canManageOrganizationTokens(context) && organizationTokenOf(context);
  return token ? document(200, { data: tokenResource(token, false) }) : notFound();
}

function deleteOrganizationToken(context: Context): Reply {
  const token = canManageOrganizationTokens(context) && organizationTokenOf(context);
  if (!token) return notFound();
  context.model.revoke(token);
  return noContent();
}

function listTeamTokens(context: Context): Reply {
  const { model, caller, query, params, settings } = context;
  const organization = params['organization']!;
  if (!model.hasOrganization(organization) || !model.canManageOrganization(caller, organization)) return notFound();
  let tokens = model
    .tokens()
    .filter((token) => token.organization === organization && (token.kind === 'team' || token.kind === 'team-legacy'));
  const teamName = (token: Token) => model.team(token.teamId ?? '')?.name ?? '';
  // `q` searches team names; substring and case-insensitive here, which the docs leave open.
  const search = query.get('q')?.toLowerCase();
  if (search) tokens = tokens.filter((token) => teamName(token).toLowerCase().includes(search));
  const status = settings.teamTokenStatusFilter ? statusFilter(query, settings.now()) : () => true;
  if (typeof status !== 'function') return status;
  const order = tokenOrder(query.get('sort') ?? 'expired-at', teamName);
  if (!order)
    return error(
      400,
      'invalid sort parameter',
      `Sort by one of ${Object.keys(SORT_KEYS).join(', ')}, optionally prefixed with -.`,
    );
  return page(tokens.filter(status).sort(order), query, context.url, (token) => tokenResource(token, false));
}

/**
 * "You must access this endpoint with a user token, and it will only create new tokens for that token's user
 * account" [D-UT]: a user (a seeded user credential or one of its tokens) for itself only; anyone else gets 404.
 */
function createUserToken(context: Context): Reply {
  const { model, caller, params } = context;
  if (caller.resource.type !== 'users' || caller.resource.id !== params['user']) return notFound();
  const request = createRequest(context, caller.organization, 'user');
  if ('reply' in request) return request.reply;
  const description = request.attributes['description'];
  const token = model.mint({
    kind: 'user',
    organization: caller.organization,
    teamId: null,
    agentPoolId: null,
    description: typeof description === 'string' ? description : null,
    expiredAt: request.expiredAt,
    createdBy: caller.resource,
  });
  return document(201, { data: tokenResource(token, true) });
}

function createAgentToken(context: Context): Reply {
  const { model, caller } = context;
  const pool = manageablePool(context);
  if (!pool) return notFound();
  const parsed = requestAttributes(context.body);
  if ('reply' in parsed) return parsed.reply;
  const description = parsed.attributes['description'];
  if (typeof description !== 'string' || !description.trim())
    return invalid("Description can't be blank", 'description');
  const token = model.mint({
    kind: 'agent',
    organization: pool.organization,
    teamId: null,
    agentPoolId: pool.id,
    description,
    expiredAt: null,
    createdBy: caller.resource,
  });
  return document(201, { data: tokenResource(token, true) });
}

function listAgentTokens(context: Context): Reply {
  const pool = manageablePool(context);
  if (!pool) return notFound();
  const sort = context.query.get('sort') ?? 'created-at';
  if (sort !== 'created-at' && sort !== '-created-at')
    return error(400, 'invalid sort parameter', 'Sort by created-at or -created-at.');
  const tokens = context.model.tokens().filter((token) => token.agentPoolId === pool.id);
  if (sort === '-created-at') tokens.reverse();
  return page(tokens, context.query, context.url, (token) => tokenResource(token, false));
}

function manageableTeam({ model, caller, params }: Context): Team | undefined {
  const team = model.team(params['team']!);
  return team && model.canManageTeamTokens(caller, team) ? team : undefined;
}

function manageablePool({ model, caller, params }: Context) {
  const pool = model.pool(params['pool']!);
  return pool && model.canManageOrganization(caller, pool.organization) ? pool : undefined;
}

/**
 * Team tokens follow the team's rules and agent tokens the organization's. Organization and audit-trail tokens
 * are reached only through their organization path (this path is documented for team, user and agent tokens).
 */
function visibleToken({ model, caller, params }: Context): Token | undefined {
  const token = model.token(params['token']!);
  if (!token) return undefined;
  const team = token.teamId === null ? undefined : model.team(token.teamId);
  if (team) return model.canManageTeamTokens(caller, team) ? token : undefined;
  // A user's tokens are its own: "404 not found, or user unauthorized" for everyone else [D-UT].
  if (token.kind === 'user')
    return caller.resource.type === 'users' && caller.resource.id === token.createdBy.id ? token : undefined;
  return token.kind === 'agent' && model.canManageOrganization(caller, token.organization) ? token : undefined;
}

function legacyTokenOf(model: Model, team: Team): Token | undefined {
  return model.tokens().find((token) => token.teamId === team.id && token.kind === 'team-legacy');
}

function canManageOrganizationTokens({ model, caller, params }: Context): boolean {
  const organization = params['organization']!;
  return model.hasOrganization(organization) && model.canManageOrganizationTokens(caller, organization);
}

/** Terraform Enterprise ignores `?token=audit-trails` and acts on the organization token: the documented hazard. */
function organizationTokenKind({ settings, query }: Context): TokenKind {
  return settings.platform === 'hcp' && query.get('token') === 'audit-trails' ? 'audit-trail' : 'organization';
}

function organizationTokenOf(context: Context): Token | undefined {
  const kind = organizationTokenKind(context);
  return context.model
    .tokens()
    .find((token) => token.organization === context.params['organization'] && token.kind === kind);
}

/** `data.attributes` of the body; no body at all is fine (the legacy create is documented without one). */
function requestAttributes(body: string): { attributes: Record<string, unknown> } | { reply: Reply } {
  if (!body.trim()) return { attributes: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { reply: error(400, 'bad request', 'The request body is not valid JSON.') };
  }
  const attributes = (parsed as { data?: { attributes?: unknown } } | null)?.data?.attributes;
  return { attributes: attributes && typeof attributes === 'object' ? (attributes as Record<string, unknown>) : {} };
}

/**
 * The attributes of a token create that accepts `expired-at`, with the expiry validated (and the TTL policy applied).
 */
function createRequest(
  context: Context,
  organization: string,
  kind: TokenKind,
): { attributes: Record<string, unknown>; expiredAt: number | null } | { reply: Reply } {
  const parsed = requestAttributes(context.body);
  if ('reply' in parsed) return parsed;
  const expiry = expiryOf(parsed.attributes, context.settings);
  if ('reply' in expiry) return expiry;
  const explicit = parsed.attributes['expired-at'] !== undefined && parsed.attributes['expired-at'] !== null;
  const allowed = expiryUnderPolicy(context, organization, kind, expiry.expiredAt, explicit);
  return 'reply' in allowed ? allowed : { attributes: parsed.attributes, expiredAt: allowed.expiredAt };
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The expiry to store (ms, or null for never), or a 422. A past or present expiry is undocumented; it is refused
 * here with a 422 like the other validation errors, so clients must validate before sending.
 */
function expiryOf(
  attributes: Record<string, unknown>,
  settings: Settings,
): { expiredAt: number | null } | { reply: Reply } {
  const value = attributes['expired-at'];
  if (value === undefined || value === null) return { expiredAt: defaultExpiry(settings) };
  const ms = typeof value === 'string' && ISO_8601.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) return { reply: invalid('Expired at is not a valid ISO 8601 date and time', 'expired-at') };
  if (ms <= settings.now()) return { reply: invalid('Expired at must be in the future', 'expired-at') };
  return { expiredAt: ms };
}

/** Two years (calendar) on HCP Terraform and TFE 2.0.0+; never before TFE 2.0.0. */
function defaultExpiry(settings: Settings): number | null {
  if (settings.platform === 'tfe' && compareVersions(settings.tfeVersion, '2.0.0') < 0) return null;
  const date = new Date(settings.now());
  date.setUTCFullYear(date.getUTCFullYear() + 2);
  return date.getTime();
}

/** links.auth-token exists on HCP Terraform and on TFE from 2.1. */
function supportsAuthTokenLink(settings: Settings): boolean {
  return settings.platform === 'hcp' || compareVersions(settings.tfeVersion, '2.1.0') >= 0;
}

function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

const STATUSES: Readonly<Record<string, (expiredAt: number | null, now: number) => boolean>> = {
  active: (expiredAt, now) => expiredAt === null || expiredAt > now,
  expiring_in_7_days: (expiredAt, now) => expiredAt !== null && expiredAt > now && expiredAt <= now + 7 * DAY_MS,
  expiring_in_30_days: (expiredAt, now) => expiredAt !== null && expiredAt > now && expiredAt <= now + 30 * DAY_MS,
  expired: (expiredAt, now) => expiredAt !== null && expiredAt <= now,
  no_expiration: (expiredAt) => expiredAt === null,
};

/**
 * `filter[status]` (docs) or `filter[expiry_status]` (OpenAPI spec): a comma list, OR-combined. Unknown values get a
 * 400 like an invalid sort, rather than being silently ignored.
 */
function statusFilter(query: URLSearchParams, now: number): ((token: Token) => boolean) | Reply {
  const value = query.get('filter[status]') ?? query.get('filter[expiry_status]');
  if (value === null) return () => true;
  const tests = value.split(',').map((name) => STATUSES[name.trim()]);
  if (tests.some((test) => !test))
    return error(400, 'invalid filter parameter', `Filter by status among ${Object.keys(STATUSES).join(', ')}.`);
  return (token) => tests.some((test) => test!(token.expiredAt, now));
}

type Compare = (a: Token, b: Token) => number;

/** Sort keys; missing values (no expiry, never used) sort last ascending, as SQL's NULLS LAST. */
const SORT_KEYS: Readonly<Record<string, (teamName: (token: Token) => string) => Compare>> = {
  'expired-at': () => (a, b) => nullsLast(a.expiredAt, b.expiredAt),
  'created-at': () => (a, b) => a.createdAt - b.createdAt,
  'last-used-at': () => (a, b) => nullsLast(a.lastUsedAt, b.lastUsedAt),
  'team-name': (teamName) => (a, b) => teamName(a).localeCompare(teamName(b)),
  'created-by': () => (a, b) => a.createdBy.id.localeCompare(b.createdBy.id),
};

function tokenOrder(sort: string, teamName: (token: Token) => string): Compare | null {
  const descending = sort.startsWith('-');
  const key = SORT_KEYS[descending ? sort.slice(1) : sort];
  if (!key) return null;
  const compare = key(teamName);
  // Array sort is stable and the model lists tokens in creation order, so ties keep creation order and pages never
  // overlap.
  return descending ? (a, b) => compare(b, a) : compare;
}

function nullsLast(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
