import type { Caller, Team, Token } from './entities.js';
import { iso } from './ids.js';
import type { Model } from './model.js';

/** How a token and a team look in an answer; the token routes and the team create (scoping-routes.ts) share them. */

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
  'manage-policies',
  'manage-policy-overrides',
  'manage-workspaces',
  'manage-vcs-settings',
  'manage-providers',
  'manage-modules',
  'manage-run-tasks',
  'manage-projects',
  'read-workspaces',
  'read-projects',
  'manage-membership',
  'manage-teams',
  'manage-organization-access',
  'access-secret-teams',
  'manage-agent-pools',
] as const;

export function teamResource(team: Team, caller: Caller, model: Model): object {
  const members = model.members(team);
  const manager = model.canManageOrganization(caller, team.organization);
  const tokens = model.canManageTeamTokens(caller, team);
  const access = Object.fromEntries(
    ORGANIZATION_ACCESS.map((key) => [key, team.owners || (team.manageTeams && key === 'manage-teams')]),
  );
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
