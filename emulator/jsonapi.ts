import { iso, type Caller, type Model, type Team, type Token } from './model.js';

/** JSON:API answers: documents, error objects, resources and pagination, shaped like HCP Terraform's. */

export const JSON_API = 'application/vnd.api+json';

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function document(status: number, content: unknown): Reply {
  return { status, headers: { 'Content-Type': JSON_API }, body: JSON.stringify(content) };
}

export function noContent(): Reply {
  return { status: 204, headers: {}, body: '' };
}

export function error(status: number, title: string, detail?: string, pointer?: string): Reply {
  const entry = { status: String(status), title, ...(detail === undefined ? {} : { detail }), ...(pointer ? { source: { pointer } } : {}) };
  return document(status, { errors: [entry] });
}

/** Unknown, and forbidden to this caller, look alike: "forbidden requests with a valid token result in a 404". */
export function notFound(): Reply {
  return error(404, 'not found');
}

/** The shape of the one documented validation error (duplicate description). */
export function invalid(detail: string, attribute: string): Reply {
  return error(422, 'invalid attributes', `Validation failed: ${detail}`, `/data/attributes/${attribute}`);
}

export function tokenResource(token: Token, withSecret: boolean): object {
  const attributes: Record<string, unknown> = {
    'created-at': iso(token.createdAt),
    'last-used-at': token.lastUsedAt === null ? null : iso(token.lastUsedAt),
    description: token.description,
    token: withSecret ? token.secret : null,
  };
  // Agent tokens have no expiry: the attribute is absent from their docs and from go-tfe's AgentToken.
  if (token.kind !== 'agent') attributes['expired-at'] = token.expiredAt === null ? null : iso(token.expiredAt);
  const relationships: Record<string, unknown> = { 'created-by': { data: token.createdBy } };
  if (token.teamId !== null) relationships['team'] = { data: { id: token.teamId, type: 'teams' } };
  return { id: token.id, type: 'authentication-tokens', attributes, relationships };
}

const ORGANIZATION_ACCESS = [
  'manage-policies', 'manage-policy-overrides', 'manage-workspaces', 'manage-vcs-settings', 'manage-providers',
  'manage-modules', 'manage-run-tasks', 'manage-projects', 'read-workspaces', 'read-projects', 'manage-membership',
  'manage-teams', 'manage-organization-access', 'access-secret-teams', 'manage-agent-pools',
] as const;

export function teamResource(team: Team, caller: Caller, model: Model): object {
  const members = model.members(team);
  const manager = model.canManageOrganization(caller, team.organization);
  const tokens = model.canManageTeamTokens(caller, team);
  const access = Object.fromEntries(ORGANIZATION_ACCESS.map((key) => [key, team.owners || (team.manageTeams && key === 'manage-teams')]));
  return {
    id: team.id,
    type: 'teams',
    attributes: {
      name: team.name,
      'sso-team-id': null,
      'users-count': members.length,
      visibility: team.visibility,
      'allow-member-token-management': team.allowMemberTokenManagement,
      permissions: {
        'can-update-membership': manager,
        'can-destroy': manager && !team.owners,
        'can-update-organization-access': manager && !team.owners,
        'can-update-api-token': tokens,
        'can-view-api-token': tokens,
      },
      'organization-access': access,
    },
    relationships: {
      organization: { data: { id: team.organization, type: 'organizations' } },
      users: { data: members.map((id) => ({ id, type: 'users' })) },
      'authentication-token': { meta: {} },
    },
    links: { self: `/api/v2/teams/${team.id}` },
  };
}

/**
 * One page of `items` as a list document: `page[size]` defaults to 20 and is capped at 100, links are absolute and
 * keep the request's other parameters.
 */
export function page<T>(items: readonly T[], query: URLSearchParams, url: URL, render: (item: T) => object): Reply {
  const size = Math.min(positive(query.get('page[size]')) ?? 20, 100);
  const number = positive(query.get('page[number]')) ?? 1;
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const link = (target: number | null): string | null => {
    if (target === null) return null;
    const next = new URL(url);
    next.searchParams.set('page[number]', String(target));
    next.searchParams.set('page[size]', String(size));
    return next.toString();
  };
  const prev = number > 1 ? Math.min(number - 1, totalPages) : null;
  const next = number < totalPages ? number + 1 : null;
  return document(200, {
    data: items.slice((number - 1) * size, number * size).map(render),
    links: { self: link(number), first: link(1), prev: link(prev), next: link(next), last: link(totalPages) },
    meta: {
      pagination: { 'current-page': number, 'page-size': size, 'prev-page': prev, 'next-page': next, 'total-pages': totalPages, 'total-count': items.length },
    },
  });
}

function positive(value: string | null): number | null {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number > 0 ? number : null;
}
