import type { Caller } from './entities.js';
import { newId } from './ids.js';

/**
 * Workspaces, projects, team access grants and organization entitlements (tfc-scoping-and-variables-api.md §1-§5).
 * Access rules follow HashiCorp's permissions pages: owners and the organization token act as owners everywhere; a
 * team's workspace access is the highest of its workspace grant and what its project grant implies.
 */

export const WORKSPACE_LEVELS = ['read', 'plan', 'write', 'admin'] as const;
export const PROJECT_LEVELS = ['read', 'write', 'maintain', 'admin'] as const;
export type WorkspaceLevel = (typeof WORKSPACE_LEVELS)[number];
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];

/** What each project level implies on the project's workspaces ("Implied Custom Permission Levels"). */
const IMPLIED: Readonly<Record<ProjectLevel, WorkspaceLevel>> = {
  read: 'read',
  write: 'write',
  maintain: 'write',
  admin: 'admin',
};

export interface Workspace {
  readonly id: string;
  readonly organization: string;
  readonly name: string;
  readonly projectId: string;
}

export interface Project {
  readonly id: string;
  readonly organization: string;
  readonly name: string;
}

export interface Grant<Level> {
  readonly id: string;
  readonly teamId: string;
  /** The workspace or project. */
  readonly targetId: string;
  readonly access: Level | 'custom';
}

export interface Entitlements {
  readonly teams: boolean;
}

export class Scoping {
  readonly #workspaces = new Map<string, Workspace>();
  readonly #projects = new Map<string, Project>();
  readonly #defaultProjects = new Map<string, string>();
  readonly #workspaceGrants = new Map<string, Grant<WorkspaceLevel>>();
  readonly #projectGrants = new Map<string, Grant<ProjectLevel>>();
  readonly #entitlements = new Map<string, Entitlements>();
  /** Teams with the organization-level "Manage all workspaces" / "Manage all projects" access: admin everywhere. */
  readonly #managers = new Set<string>();

  addProject(organization: string, name: string): string {
    if (this.projectsOf(organization).some((project) => project.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`project ${name} exists in ${organization}`);
    }
    const id = newId('prj');
    this.#projects.set(id, { id, organization, name });
    return id;
  }

  /** In the organization's "Default Project" unless a project is named, as HCP Terraform does. */
  addWorkspace(organization: string, name: string, projectId?: string): string {
    if (this.workspacesOf(organization).some((workspace) => workspace.name === name))
      throw new Error(`workspace ${name} exists in ${organization}`);
    const project = projectId ?? this.#defaultProject(organization);
    if (this.#projects.get(project)?.organization !== organization)
      throw new Error(`no project ${project} in ${organization}`);
    const id = newId('ws');
    this.#workspaces.set(id, { id, organization, name, projectId: project });
    return id;
  }

  setEntitlements(organization: string, entitlements: Entitlements): void {
    this.#entitlements.set(organization, entitlements);
  }

  entitlements(organization: string): Entitlements {
    return this.#entitlements.get(organization) ?? { teams: true };
  }

  workspace(id: string): Workspace | undefined {
    return this.#workspaces.get(id);
  }

  workspacesOf(organization: string): Workspace[] {
    return [...this.#workspaces.values()].filter((workspace) => workspace.organization === organization);
  }

  project(id: string): Project | undefined {
    return this.#projects.get(id);
  }

  projectsOf(organization: string): Project[] {
    return [...this.#projects.values()].filter((project) => project.organization === organization);
  }

  workspaceGrants(): Grant<WorkspaceLevel>[] {
    return [...this.#workspaceGrants.values()];
  }

  projectGrants(): Grant<ProjectLevel>[] {
    return [...this.#projectGrants.values()];
  }

  grantWorkspace(teamId: string, workspaceId: string, access: WorkspaceLevel | 'custom'): Grant<WorkspaceLevel> {
    const grant = { id: newId('tws'), teamId, targetId: workspaceId, access };
    this.#workspaceGrants.set(grant.id, grant);
    return grant;
  }

  grantProject(teamId: string, projectId: string, access: ProjectLevel | 'custom'): Grant<ProjectLevel> {
    const grant = { id: newId('tprj'), teamId, targetId: projectId, access };
    this.#projectGrants.set(grant.id, grant);
    return grant;
  }

  workspaceGrant(id: string): Grant<WorkspaceLevel> | undefined {
    return this.#workspaceGrants.get(id);
  }

  projectGrant(id: string): Grant<ProjectLevel> | undefined {
    return this.#projectGrants.get(id);
  }

  revokeWorkspaceGrant(id: string): void {
    this.#workspaceGrants.delete(id);
  }

  revokeProjectGrant(id: string): void {
    this.#projectGrants.delete(id);
  }

  /** Organization access overrides every grant: such a team is admin on every workspace and project. */
  setManagesAll(teamId: string): void {
    this.#managers.add(teamId);
  }

  /** A deleted team's access goes with it. */
  forgetTeam(teamId: string): void {
    this.#managers.delete(teamId);
    for (const grant of this.workspaceGrants()) if (grant.teamId === teamId) this.#workspaceGrants.delete(grant.id);
    for (const grant of this.projectGrants()) if (grant.teamId === teamId) this.#projectGrants.delete(grant.id);
  }

  /** The caller's effective level on a workspace, or null for none (the API then answers 404). */
  workspaceAccess(caller: Caller, workspace: Workspace): WorkspaceLevel | null {
    if (workspace.organization !== caller.organization) return null;
    if (this.#actsAsOwner(caller)) return 'admin';
    const levels: WorkspaceLevel[] = [];
    for (const grant of this.workspaceGrants()) {
      if (grant.targetId === workspace.id && caller.teams.has(grant.teamId))
        levels.push(grant.access === 'custom' ? 'read' : grant.access);
    }
    for (const grant of this.projectGrants()) {
      if (grant.targetId === workspace.projectId && caller.teams.has(grant.teamId))
        levels.push(grant.access === 'custom' ? 'read' : IMPLIED[grant.access]);
    }
    return highest(WORKSPACE_LEVELS, levels);
  }

  projectAccess(caller: Caller, project: Project): ProjectLevel | null {
    if (project.organization !== caller.organization) return null;
    if (this.#actsAsOwner(caller)) return 'admin';
    const levels = this.projectGrants()
      .filter((grant) => grant.targetId === project.id && caller.teams.has(grant.teamId))
      .map((grant) => (grant.access === 'custom' ? 'read' : grant.access));
    return highest(PROJECT_LEVELS, levels);
  }

  #actsAsOwner(caller: Caller): boolean {
    return (
      caller.role === 'owner' ||
      caller.role === 'organization-token' ||
      [...caller.teams].some((team) => this.#managers.has(team))
    );
  }

  #defaultProject(organization: string): string {
    let id = this.#defaultProjects.get(organization);
    if (!id) {
      id = this.addProject(organization, 'Default Project');
      this.#defaultProjects.set(organization, id);
    }
    return id;
  }
}

function highest<Level extends string>(order: readonly Level[], levels: readonly Level[]): Level | null {
  let best = -1;
  for (const level of levels) best = Math.max(best, order.indexOf(level));
  return best < 0 ? null : (order[best] as Level);
}

export function atLeast<Level extends string>(order: readonly Level[], level: Level | null, needed: Level): boolean {
  return level !== null && order.indexOf(level) >= order.indexOf(needed);
}
