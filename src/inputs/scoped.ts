import {
  defaultDescription,
  parseExpiry,
  boolean,
  checkedDescription,
  oneOf,
  organization,
  type InputSource,
} from './rules.js';
import { InputError, quote } from '../common/errors.js';
import { scopedTeamName } from './scoped-team-name.js';
import { isId, isName, type IdKind, type NameKind, type Ref } from '../api/tfc/client.js';
import type { Connection } from './types.js';
import type { ProjectAccess, WorkspaceAccess } from '../api/tfc/team-access.js';

/**
 * Scoped mode: `mode: create`, `token-type: team` with `workspaces` and/or `projects` and no team. The action makes a
 * temporary team with exactly that access, mints the job's token for it and removes the team when the job ends.
 */

export interface CreateScopedToken extends Connection {
  readonly operation: 'create-scoped-token';
  readonly organization: string;
  readonly workspaces: readonly Ref[];
  readonly projects: readonly Ref[];
  readonly workspaceAccess: WorkspaceAccess;
  readonly projectAccess: ProjectAccess;
  /** gha-tfc-scoped-<UTC creation time>-<run id>-<attempt>-<random>: a sweep reads the team's age from it. */
  readonly teamName: string;
  readonly expiresAt: Date;
  readonly description: string;
  readonly exportEnv: boolean;
}

const WORKSPACE_LEVELS = ['read', 'plan', 'write', 'admin'] as const;
const PROJECT_LEVELS = ['read', 'write', 'maintain', 'admin'] as const;
/** HCP Europe has HCP groups instead of teams: the Teams API, and so a temporary team, does not exist there. */
const HCP_EUROPE = 'app.eu.terraform.io';

export function parseScopedCreate(source: InputSource, connection: Connection): CreateScopedToken {
  for (const team of ['team-id', 'team-name']) {
    if (source.get(team))
      throw new InputError(
        team,
        'cannot be combined with workspaces or projects: a scoped token gets a temporary team of its own; remove ' +
          'one of them.',
      );
  }
  const why = 'a scoped team lives only as long as its job';
  if (boolean(source, 'legacy-team-token', false))
    throw new InputError(
      'legacy-team-token',
      `cannot be true with workspaces or projects: ${why} and gets a described token.`,
    );
  if (boolean(source, 'replace-existing', false))
    throw new InputError(
      'replace-existing',
      `cannot be true with workspaces or projects: ${why}; nothing is replaced.`,
    );
  if (!boolean(source, 'ephemeral', true))
    throw new InputError('ephemeral', `cannot be false with workspaces or projects: ${why}, and its token with it.`);
  if (connection.hostname === HCP_EUROPE) {
    throw new InputError(
      'hostname',
      `is HCP Europe (${HCP_EUROPE}), which has HCP groups instead of teams, so scoped tokens (workspaces, ` +
        `projects) cannot work there; use team-id with a group id instead.`,
    );
  }
  const workspaces = refs(
    source,
    'workspaces',
    'workspace',
    'a workspace name (letters, digits, - and _, at most 90) or id like ws-6p5jTwJQXwqZBncC',
  );
  const projects = refs(
    source,
    'projects',
    'project',
    'a project name (letters, digits, spaces, - and _, 3 to 40, no space at either end) or id like ' +
      'prj-6p5jTwJQXwqZBncC',
  );
  if (source.get('workspace-access') && workspaces.length === 0)
    throw new InputError('workspace-access', 'applies only with workspaces; remove it or list the workspaces.');
  if (source.get('project-access') && projects.length === 0)
    throw new InputError('project-access', 'applies only with projects; remove it or list the projects.');
  return {
    ...connection,
    operation: 'create-scoped-token',
    organization: organization(source, true, 'scoped tokens name workspaces and projects in an organization') as string,
    workspaces,
    projects,
    workspaceAccess: oneOf(source, 'workspace-access', WORKSPACE_LEVELS, 'plan'),
    projectAccess: oneOf(source, 'project-access', PROJECT_LEVELS, 'read'),
    teamName: scopedTeamName(source.run, source.now, source.randomHex().slice(0, 8)),
    expiresAt: parseExpiry(source.get('expiry') || '6h', source.now),
    description: checkedDescription(source.get('description')) || defaultDescription(source.run),
    exportEnv: boolean(source, 'export-env', true),
  };
}

/**
 * The listed workspaces or projects, each by id (`ws-…`, `prj-…`) or by name, separated by commas or new lines; an
 * empty item, a bad name or one listed twice is an input error.
 */
function refs(source: InputSource, input: string, kind: IdKind & NameKind, allowed: string): Ref[] {
  const raw = source.get(input);
  if (!raw) return [];
  // A comma ending a line separates once, so `a,⏎b` is two items, as a person writing YAML means it.
  const items = raw.split(/,?[ \t]*\r?\n|,/).map((item) => item.trim());
  const seen = new Set<string>();
  return items.map((item, index) => {
    if (!item)
      throw new InputError(
        input,
        `has an empty item (number ${index + 1}); separate names by single commas or new lines.`,
      );
    if (!isId(kind, item) && !isName(kind, item))
      throw new InputError(input, `must list only ${allowed}; got ${quote(item)}.`);
    // Project names are matched case-insensitively by the API, so "Core" and "core" are the same project.
    const key = input === 'projects' ? item.toLowerCase() : item;
    if (seen.has(key)) throw new InputError(input, `lists ${quote(item)} twice.`);
    seen.add(key);
    return isId(kind, item) ? { id: item } : { name: item };
  });
}
