import { randomBytes } from 'node:crypto';
import type { Context, Route } from './context.js';
import type { Caller, Team } from './entities.js';
import { document, error, invalid, noContent, notFound, page, type Reply } from './jsonapi.js';
import type { Model } from './model.js';
import { teamResource } from './resources.js';
import {
  atLeast,
  PROJECT_LEVELS,
  WORKSPACE_LEVELS,
  type Grant,
  type Project,
  type ProjectLevel,
  type Workspace,
  type WorkspaceLevel,
} from './scoping.js';

/**
 * Routes for scoped tokens (tfc-scoping-and-variables-api.md): team create and delete, the entitlement set,
 * workspaces and projects, team-workspace and team-project access, and the two writes a grant level decides
 * (configuration versions and runs need "queue plans").
 */

export const SCOPING_ROUTES: readonly Route[] = [
  ['POST', '/organizations/:organization/teams', createTeam],
  ['DELETE', '/teams/:team', deleteTeam],
  ['GET', '/organizations/:organization/entitlement-set', entitlementSet],
  ['GET', '/organizations/:organization/workspaces/:name', workspaceByName],
  ['GET', '/workspaces/:workspace', workspaceById],
  ['GET', '/organizations/:organization/projects', listProjects],
  ['GET', '/projects/:project', projectById],
  ['POST', '/team-workspaces', grantWorkspace],
  ['GET', '/team-workspaces', listWorkspaceGrants],
  ['GET', '/team-workspaces/:grant', showWorkspaceGrant],
  ['DELETE', '/team-workspaces/:grant', revokeWorkspaceGrant],
  ['POST', '/team-projects', grantProject],
  ['GET', '/team-projects', listProjectGrants],
  ['GET', '/team-projects/:grant', showProjectGrant],
  ['DELETE', '/team-projects/:grant', revokeProjectGrant],
  ['POST', '/workspaces/:workspace/configuration-versions', createConfigurationVersion],
  ['POST', '/runs', createRun],
];

const TEAM_NAME = /^[A-Za-z0-9_-]+$/;
const ORGANIZATION_ACCESS_KEYS = new Set([
  'manage-policies',
  'manage-policy-overrides',
  'manage-run-tasks',
  'manage-workspaces',
  'manage-vcs-settings',
  'manage-agent-pools',
  'manage-providers',
  'manage-modules',
  'manage-projects',
  'read-projects',
  'read-workspaces',
  'manage-membership',
  'manage-teams',
  'manage-organization-access',
  'access-secret-teams',
  'delegate-policy-overrides',
]);

// --- teams -------------------------------------------------------------------------------------------------------

/** 200 (not 201) per the docs; 404 for an unknown organization, a caller who may not, or no team entitlement. */
function createTeam(context: Context): Reply {
  const { model, caller, params } = context;
  const organization = params['organization']!;
  if (!model.hasOrganization(organization) || !model.canManageOrganization(caller, organization)) return notFound();
  if (!model.scope.entitlements(organization).teams) return notFound();
  const body = parseBody(context.body);
  if ('reply' in body) return body.reply;
  const name = body.attributes['name'];
  if (typeof name !== 'string' || !name) return invalid("Name can't be blank", 'name');
  if (!TEAM_NAME.test(name)) return invalid('Name can only contain letters, numbers, dashes and underscores', 'name');
  if (model.teamsOf(organization).some((team) => team.name.toLowerCase() === name.toLowerCase())) {
    return invalid('Name has already been taken', 'name');
  }
  const visibility = body.attributes['visibility'] ?? 'secret';
  if (visibility !== 'secret' && visibility !== 'organization')
    return invalid('Visibility is not included in the list', 'visibility');
  const access = organizationAccess(body.attributes['organization-access']);
  if ('reply' in access) return access.reply;
  const id = model.addTeam(organization, name, { visibility, manageTeams: access.flags['manage-teams'] === true });
  if (access.flags['manage-workspaces'] || access.flags['manage-projects']) model.scope.setManagesAll(id);
  return document(200, { data: teamResource(model.team(id)!, caller, model) });
}

function organizationAccess(value: unknown): { flags: Record<string, boolean> } | { reply: Reply } {
  if (value === undefined || value === null) return { flags: {} };
  if (typeof value !== 'object' || Array.isArray(value))
    return { reply: invalid('Organization access must be an object', 'organization-access') };
  const flags = value as Record<string, unknown>;
  for (const [key, flag] of Object.entries(flags)) {
    if (!ORGANIZATION_ACCESS_KEYS.has(key) || typeof flag !== 'boolean')
      return { reply: invalid(`Organization access ${key} is invalid`, 'organization-access') };
  }
  if (flags['manage-projects'] && !flags['manage-workspaces'])
    return { reply: invalid('Manage projects requires manage workspaces', 'organization-access') };
  if (flags['read-projects'] && !flags['read-workspaces'])
    return { reply: invalid('Read projects requires read workspaces', 'organization-access') };
  return { flags: flags as Record<string, boolean> };
}

/** 204; 404 when unknown, invisible or not allowed. Its tokens are revoked and its grants removed. */
function deleteTeam({ model, caller, params }: Context): Reply {
  const team = model.team(params['team']!);
  if (!team || !model.canSeeTeam(caller, team) || !model.canManageOrganization(caller, team.organization))
    return notFound();
  if (team.owners) return error(422, 'invalid attributes', 'The owners team cannot be deleted.');
  model.deleteTeam(team.id);
  return noContent();
}

function entitlementSet({ model, caller, params }: Context): Reply {
  const organization = params['organization']!;
  if (!model.hasOrganization(organization) || caller.organization !== organization) return notFound();
  const { teams } = model.scope.entitlements(organization);
  const attributes = {
    operations: true,
    'private-module-registry': true,
    sentinel: teams,
    'state-storage': true,
    teams,
    sso: teams,
    'user-limit': teams ? null : 5,
  };
  return document(200, { data: { id: `org-${organization}`, type: 'entitlement-sets', attributes } });
}

// --- workspaces and projects ---------------------------------------------------------------------------------------

function workspaceByName({ model, caller, params }: Context): Reply {
  const workspace = model.scope
    .workspacesOf(params['organization']!)
    .find((candidate) => candidate.name === params['name']);
  return showWorkspace(model, caller, workspace);
}

function workspaceById({ model, caller, params }: Context): Reply {
  return showWorkspace(model, caller, model.scope.workspace(params['workspace']!));
}

function showWorkspace(model: Model, caller: Caller, workspace: Workspace | undefined): Reply {
  const level = workspace ? model.scope.workspaceAccess(caller, workspace) : null;
  if (!workspace || level === null) return notFound();
  const can = (needed: WorkspaceLevel) => atLeast(WORKSPACE_LEVELS, level, needed);
  const permissions = {
    'can-update': can('admin'),
    'can-destroy': can('admin'),
    'can-queue-run': can('plan'),
    'can-queue-apply': can('write'),
    'can-read-variable': true,
    'can-update-variable': can('write'),
    'can-lock': can('write'),
    'can-unlock': can('write'),
    'can-read-state-versions': true,
    'can-create-state-versions': can('write'),
    'can-read-settings': true,
  };
  return document(200, {
    data: {
      id: workspace.id,
      type: 'workspaces',
      attributes: { name: workspace.name, permissions },
      relationships: {
        organization: { data: { id: workspace.organization, type: 'organizations' } },
        project: { data: { id: workspace.projectId, type: 'projects' } },
      },
      links: { self: `/api/v2/organizations/${workspace.organization}/workspaces/${workspace.name}` },
    },
  });
}

/** `filter[names]` is a case-insensitive any-of list and wins over `q` (a case-insensitive search). */
function listProjects(context: Context): Reply {
  const { model, caller, params, query } = context;
  const organization = params['organization']!;
  if (!model.hasOrganization(organization) || caller.organization !== organization) return notFound();
  let projects = model.scope
    .projectsOf(organization)
    .filter((project) => model.scope.projectAccess(caller, project) !== null);
  const names = query.get('filter[names]');
  const search = query.get('q');
  if (names !== null) {
    const wanted = new Set(names.split(',').map((name) => name.trim().toLowerCase()));
    projects = projects.filter((project) => wanted.has(project.name.toLowerCase()));
  } else if (search) {
    projects = projects.filter((project) => project.name.toLowerCase().includes(search.toLowerCase()));
  }
  return page(projects, query, context.url, (project) => projectResource(model, caller, project));
}

function projectById({ model, caller, params }: Context): Reply {
  const project = model.scope.project(params['project']!);
  if (!project || model.scope.projectAccess(caller, project) === null) return notFound();
  return document(200, { data: projectResource(model, caller, project) });
}

function projectResource(model: Model, caller: Caller, project: Project): object {
  const level = model.scope.projectAccess(caller, project);
  const can = (needed: ProjectLevel) => atLeast(PROJECT_LEVELS, level, needed);
  return {
    id: project.id,
    type: 'projects',
    attributes: {
      name: project.name,
      permissions: { 'can-update': can('admin'), 'can-destroy': can('admin'), 'can-create-workspace': can('maintain') },
    },
    relationships: { organization: { data: { id: project.organization, type: 'organizations' } } },
  };
}

// --- access grants -------------------------------------------------------------------------------------------------

/** Fine-grained attributes exist only with `custom`; a fixed level with one of them is refused. */
const WORKSPACE_CUSTOM = ['runs', 'variables', 'state-versions', 'sentinel-mocks', 'workspace-locking', 'run-tasks'];
const PROJECT_CUSTOM = ['project-access', 'workspace-access'];

function grantWorkspace(context: Context): Reply {
  const { model, caller } = context;
  const body = parseBody(context.body);
  if ('reply' in body) return body.reply;
  const access = accessOf(body.attributes, WORKSPACE_LEVELS, WORKSPACE_CUSTOM);
  if (typeof access !== 'string') return access;
  const workspace = model.scope.workspace(body.related('workspace') ?? '');
  const team = model.team(body.related('team') ?? '');
  if (
    !workspace ||
    !team ||
    !mayManageAccess(
      model,
      caller,
      team,
      workspace.organization,
      model.scope.workspaceAccess(caller, workspace) === 'admin',
    )
  ) {
    return notFound();
  }
  if (model.scope.workspaceGrants().some((grant) => grant.teamId === team.id && grant.targetId === workspace.id)) {
    return invalid('Team has already been taken', 'team');
  }
  const grant = model.scope.grantWorkspace(team.id, workspace.id, access);
  return document(context.settings.grantStatus, { data: grantResource('team-workspaces', 'workspace', grant) });
}

function grantProject(context: Context): Reply {
  const { model, caller } = context;
  const body = parseBody(context.body);
  if ('reply' in body) return body.reply;
  const access = accessOf(body.attributes, PROJECT_LEVELS, PROJECT_CUSTOM);
  if (typeof access !== 'string') return access;
  const project = model.scope.project(body.related('project') ?? '');
  const team = model.team(body.related('team') ?? '');
  if (
    !project ||
    !team ||
    !mayManageAccess(model, caller, team, project.organization, model.scope.projectAccess(caller, project) === 'admin')
  ) {
    return notFound();
  }
  if (model.scope.projectGrants().some((grant) => grant.teamId === team.id && grant.targetId === project.id)) {
    return invalid('Team has already been taken', 'team');
  }
  const grant = model.scope.grantProject(team.id, project.id, access);
  return document(context.settings.grantStatus, { data: grantResource('team-projects', 'project', grant) });
}

/**
 * Owners and the organization token may; so may an admin of the workspace or project, but not for a secret team
 * ("workspace admins cannot view or manage teams with the Secret visibility unless they are also owners").
 */
function mayManageAccess(
  model: Model,
  caller: Caller,
  team: Team,
  organization: string,
  adminOfTarget: boolean,
): boolean {
  if (team.organization !== organization || caller.organization !== organization || !model.canSeeTeam(caller, team))
    return false;
  if (caller.role === 'owner' || caller.role === 'organization-token') return true;
  return adminOfTarget && team.visibility !== 'secret';
}

function accessOf<Level extends string>(
  attributes: Record<string, unknown>,
  levels: readonly Level[],
  custom: readonly string[],
): Level | 'custom' | Reply {
  const access = attributes['access'];
  if (typeof access !== 'string' || ![...levels, 'custom'].includes(access))
    return invalid('Access is not included in the list', 'access');
  const fixed = custom.find((key) => key in attributes);
  if (access !== 'custom' && fixed) {
    return error(
      422,
      'invalid attribute',
      `${fixed} is read-only when access level is '${access}'; use the 'custom' access level to set it.`,
      `/data/attributes/${fixed}`,
    );
  }
  return access as Level | 'custom';
}

/** `filter[workspace][id]` is required, as the docs list it. */
function listWorkspaceGrants(context: Context): Reply {
  const { model, caller, query } = context;
  const workspace = model.scope.workspace(query.get('filter[workspace][id]') ?? '');
  if (!workspace)
    return query.has('filter[workspace][id]')
      ? notFound()
      : error(400, 'missing filter', 'filter[workspace][id] is required.');
  if (model.scope.workspaceAccess(caller, workspace) === null) return notFound();
  const grants = model.scope
    .workspaceGrants()
    .filter((grant) => grant.targetId === workspace.id && visibleTeam(model, caller, grant.teamId));
  return page(grants, query, context.url, (grant) => grantResource('team-workspaces', 'workspace', grant));
}

function listProjectGrants(context: Context): Reply {
  const { model, caller, query } = context;
  const project = model.scope.project(query.get('filter[project][id]') ?? '');
  if (!project)
    return query.has('filter[project][id]')
      ? notFound()
      : error(400, 'missing filter', 'filter[project][id] is required.');
  if (model.scope.projectAccess(caller, project) === null) return notFound();
  const grants = model.scope
    .projectGrants()
    .filter((grant) => grant.targetId === project.id && visibleTeam(model, caller, grant.teamId));
  return page(grants, query, context.url, (grant) => grantResource('team-projects', 'project', grant));
}

function showWorkspaceGrant({ model, caller, params }: Context): Reply {
  const grant = manageableWorkspaceGrant(model, caller, params['grant']!);
  return grant ? document(200, { data: grantResource('team-workspaces', 'workspace', grant) }) : notFound();
}

function showProjectGrant({ model, caller, params }: Context): Reply {
  const grant = manageableProjectGrant(model, caller, params['grant']!);
  return grant ? document(200, { data: grantResource('team-projects', 'project', grant) }) : notFound();
}

function revokeWorkspaceGrant({ model, caller, params }: Context): Reply {
  const grant = manageableWorkspaceGrant(model, caller, params['grant']!);
  if (!grant) return notFound();
  model.scope.revokeWorkspaceGrant(grant.id);
  return noContent();
}

function revokeProjectGrant({ model, caller, params }: Context): Reply {
  const grant = manageableProjectGrant(model, caller, params['grant']!);
  if (!grant) return notFound();
  model.scope.revokeProjectGrant(grant.id);
  return noContent();
}

function manageableWorkspaceGrant(model: Model, caller: Caller, id: string): Grant<WorkspaceLevel> | undefined {
  const grant = model.scope.workspaceGrant(id);
  const workspace = grant && model.scope.workspace(grant.targetId);
  const team = grant && model.team(grant.teamId);
  if (!grant || !workspace || !team) return undefined;
  return mayManageAccess(
    model,
    caller,
    team,
    workspace.organization,
    model.scope.workspaceAccess(caller, workspace) === 'admin',
  )
    ? grant
    : undefined;
}

function manageableProjectGrant(model: Model, caller: Caller, id: string): Grant<ProjectLevel> | undefined {
  const grant = model.scope.projectGrant(id);
  const project = grant && model.scope.project(grant.targetId);
  const team = grant && model.team(grant.teamId);
  if (!grant || !project || !team) return undefined;
  return mayManageAccess(
    model,
    caller,
    team,
    project.organization,
    model.scope.projectAccess(caller, project) === 'admin',
  )
    ? grant
    : undefined;
}

function visibleTeam(model: Model, caller: Caller, teamId: string): boolean {
  const team = model.team(teamId);
  return team !== undefined && model.canSeeTeam(caller, team);
}

function grantResource(
  type: 'team-workspaces' | 'team-projects',
  target: 'workspace' | 'project',
  grant: Grant<string>,
): object {
  return {
    id: grant.id,
    type,
    attributes: { access: grant.access },
    relationships: {
      team: { data: { id: grant.teamId, type: 'teams' } },
      [target]: { data: { id: grant.targetId, type: `${target}s` } },
    },
    links: { self: `/api/v2/${type}/${grant.id}` },
  };
}

// --- the writes a level decides ------------------------------------------------------------------------------------

/**
 * Creating a configuration version or a run needs "queue plans" (workspace plan and up). Organization tokens can never
 * do either. Forbidden answers 404, as everywhere.
 */
function mayQueue(model: Model, caller: Caller, workspace: Workspace | undefined): boolean {
  if (!workspace || caller.role === 'organization-token') return false;
  return atLeast(WORKSPACE_LEVELS, model.scope.workspaceAccess(caller, workspace), 'plan');
}

function createConfigurationVersion({ model, caller, params }: Context): Reply {
  if (!mayQueue(model, caller, model.scope.workspace(params['workspace']!))) return notFound();
  const id = `cv-${randomBytes(8).toString('hex')}`;
  return document(201, {
    data: {
      id,
      type: 'configuration-versions',
      attributes: { status: 'pending', 'auto-queue-runs': true, speculative: false },
    },
  });
}

function createRun(context: Context): Reply {
  const body = parseBody(context.body);
  if ('reply' in body) return body.reply;
  const workspace = context.model.scope.workspace(body.related('workspace') ?? '');
  if (!mayQueue(context.model, context.caller, workspace)) return notFound();
  const id = `run-${randomBytes(8).toString('hex')}`;
  return document(201, {
    data: {
      id,
      type: 'runs',
      attributes: { status: 'pending' },
      relationships: { workspace: { data: { id: workspace!.id, type: 'workspaces' } } },
    },
  });
}

// --- bodies --------------------------------------------------------------------------------------------------------

interface Body {
  readonly attributes: Record<string, unknown>;
  related(name: string): string | undefined;
}

function parseBody(text: string): Body | { reply: Reply } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { reply: error(400, 'bad request', 'The request body is not valid JSON.') };
  }
  const data = (parsed as { data?: { attributes?: unknown; relationships?: unknown } } | null)?.data;
  const attributes =
    data?.attributes && typeof data.attributes === 'object' ? (data.attributes as Record<string, unknown>) : {};
  const relationships = (data?.relationships ?? {}) as Record<string, { data?: { id?: unknown } } | undefined>;
  return {
    attributes,
    related: (name) => {
      const id = relationships[name]?.data?.id;
      return typeof id === 'string' ? id : undefined;
    },
  };
}
