import * as projects from '../../api/tfc/projects.js';
import * as workspaces from '../../api/tfc/workspaces.js';
import { quote } from '../../common/errors.js';
import type { CreateScopedToken } from '../../inputs/scoped.js';
import type { Ref, TfcClient } from '../../api/tfc/client.js';

export interface Targets {
  readonly workspaces: readonly workspaces.Workspace[];
  readonly projects: readonly projects.Project[];
}

/**
 * Every listed workspace and project as ids, before anything is created: one request per workspace, one for all
 * project names, one per id, all sent together. Unknown ones fail together in one error that names each of them.
 */
export async function resolveTargets(client: TfcClient, inputs: CreateScopedToken): Promise<Targets> {
  const [workspaceResults, projectResults] = await Promise.all([
    Promise.all(inputs.workspaces.map((ref) => resolveWorkspace(client, inputs.organization, ref))),
    resolveProjects(client, inputs),
  ]);
  const unknown = [
    ...inputs.workspaces.flatMap((ref, index) => (workspaceResults[index] ? [] : [`workspace ${quote(label(ref))}`])),
    ...inputs.projects.flatMap((ref, index) => (projectResults[index] ? [] : [`project ${quote(label(ref))}`])),
  ];
  if (unknown.length > 0) {
    throw new Error(
      `Not found in organization "${inputs.organization}", or not visible to this credential (the API answers 404 ` +
        `for both): ${unknown.join(', ')}. Nothing was created.`,
    );
  }
  const foundWorkspaces = workspaceResults as workspaces.Workspace[];
  const foundProjects = projectResults as projects.Project[];
  requireDistinct(foundWorkspaces, 'workspace');
  requireDistinct(foundProjects, 'project');
  return { workspaces: foundWorkspaces, projects: foundProjects };
}

async function resolveWorkspace(
  client: TfcClient,
  organization: string,
  ref: Ref,
): Promise<workspaces.Workspace | null> {
  const found =
    'id' in ref ? await workspaces.read(client, ref.id) : await workspaces.readByName(client, organization, ref.name);
  return found && matches(ref, found, organization, (a, b) => a === b) ? found : null;
}

/** Each project ref's project, or null where it is unknown; names are looked up in one request. */
async function resolveProjects(client: TfcClient, inputs: CreateScopedToken): Promise<Array<projects.Project | null>> {
  const names = inputs.projects.flatMap((ref) => ('name' in ref ? [ref.name] : []));
  const [named, byId] = await Promise.all([
    names.length > 0 ? projects.list(client, inputs.organization, { names }) : [],
    Promise.all(inputs.projects.map((ref) => ('id' in ref ? projects.read(client, ref.id) : null))),
  ]);
  return inputs.projects.map((ref, index) => {
    const project = 'id' in ref ? byId[index] : named.find((candidate) => candidate.name === ref.name);
    // Project names are unique regardless of case (filter[names] is case-insensitive): compare them that way.
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    return project && matches(ref, project, inputs.organization, same) ? project : null;
  });
}

function matches(
  ref: Ref,
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

function label(ref: Ref): string {
  return 'id' in ref ? ref.id : ref.name;
}
