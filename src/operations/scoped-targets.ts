import { quote } from '../common/hostname.js';
import type { CreateScopedToken, ScopeRef } from '../inputs/scoped.js';
import type { TfcClient } from '../api/tfc/client.js';
import * as projects from '../api/tfc/projects.js';
import * as workspaces from '../api/tfc/workspaces.js';

export interface Targets {
  readonly workspaces: readonly workspaces.Workspace[];
  readonly projects: readonly projects.Project[];
}

/**
 * Every listed workspace and project as ids, before anything is created: one request per workspace, one for all
 * project names, one per id. Unknown ones fail together in one error that names each of them.
 */
export async function resolveTargets(client: TfcClient, inputs: CreateScopedToken): Promise<Targets> {
  const unknown: string[] = [];
  const foundWorkspaces: workspaces.Workspace[] = [];
  for (const ref of inputs.workspaces) {
    const found =
      'id' in ref
        ? await workspaces.readById(client, ref.id)
        : await workspaces.readByName(client, inputs.organization, ref.name);
    if (found && matches(ref, found, inputs.organization, (a, b) => a === b)) foundWorkspaces.push(found);
    else unknown.push(`workspace ${quote(label(ref))}`);
  }
  const foundProjects = await resolveProjects(client, inputs, unknown);
  if (unknown.length > 0) {
    throw new Error(
      `Not found in organization "${inputs.organization}", or not visible to this credential (the API answers 404 ` +
        `for both): ${unknown.join(', ')}. Nothing was created.`,
    );
  }
  requireDistinct(foundWorkspaces, 'workspace');
  requireDistinct(foundProjects, 'project');
  return { workspaces: foundWorkspaces, projects: foundProjects };
}

async function resolveProjects(
  client: TfcClient,
  inputs: CreateScopedToken,
  unknown: string[],
): Promise<projects.Project[]> {
  const names = inputs.projects.flatMap((ref) => ('name' in ref ? [ref.name] : []));
  const named = names.length > 0 ? await projects.listByNames(client, inputs.organization, names) : [];
  const found: projects.Project[] = [];
  for (const ref of inputs.projects) {
    const project =
      'id' in ref ? await projects.readById(client, ref.id) : named.find((candidate) => candidate.name === ref.name);
    // Project names are unique regardless of case (filter[names] is case-insensitive): compare them that way.
    if (project && matches(ref, project, inputs.organization, (a, b) => a.toLowerCase() === b.toLowerCase()))
      found.push(project);
    else unknown.push(`project ${quote(label(ref))}`);
  }
  return found;
}

function matches(
  ref: ScopeRef,
  found: { id: string; name: string; organization: string },
  organization: string,
  same: (a: string, b: string) => boolean,
): boolean {
  if (found.organization && found.organization !== organization) return false;
  return 'id' in ref ? found.id === ref.id : same(found.name, ref.name);
}

/** A name and an id of the same workspace would grant twice, which the API refuses: say so before creating anything. */
function requireDistinct(items: ReadonlyArray<{ id: string; name: string }>, kind: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id))
      throw new Error(
        `The ${kind} ${item.id} ("${item.name}") is listed twice, by name and by id. Nothing was created.`,
      );
    seen.add(item.id);
  }
}

function label(ref: ScopeRef): string {
  return 'id' in ref ? ref.id : ref.name;
}
