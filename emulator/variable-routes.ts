import type { Context, Route } from './context.js';
import type { Caller } from './entities.js';
import { base62 } from './ids.js';
import { document, error, invalid, noContent, notFound, page, type Reply } from './jsonapi.js';
import type { Owner, Variable } from './variables.js';

/**
 * Routes for workspace and variable-set variables (tfc-scoping-and-variables-api.md §6-7). Sensitive values are
 * write-only: every answer shows them as null. Who may write: owners, the organization token, and the teams a
 * workspace or variable set names as writers (standing in for workspace `write` access and "Manage all workspaces").
 */

const CATEGORIES = new Set(['terraform', 'env', 'terraform-cloud', 'policy-set']);

export const VARIABLE_ROUTES: readonly Route[] = [
  ['GET', '/organizations/:organization/workspaces/:name', showWorkspaceByName],
  ['GET', '/workspaces/:owner', showWorkspace],
  ['GET', '/workspaces/:owner/vars', listVariables],
  ['POST', '/workspaces/:owner/vars', createVariable],
  ['PATCH', '/workspaces/:owner/vars/:variable', updateVariable],
  ['DELETE', '/workspaces/:owner/vars/:variable', deleteVariable],
  ['GET', '/organizations/:organization/varsets', listVariableSets],
  ['GET', '/varsets/:owner', showVariableSet],
  ['GET', '/varsets/:owner/relationships/vars', listVariables],
  ['POST', '/varsets/:owner/relationships/vars', createVariable],
  ['PATCH', '/varsets/:owner/relationships/vars/:variable', updateVariable],
  ['DELETE', '/varsets/:owner/relationships/vars/:variable', deleteVariable],
];

function mayWrite(caller: Caller, owner: Owner): boolean {
  if (caller.organization !== owner.organization) return false;
  if (caller.role === 'owner' || caller.role === 'organization-token') return true;
  return [...caller.teams].some((team) => owner.writers.has(team));
}

/** The workspace or set named by the path, if this caller may work with its variables; 404 otherwise. */
function ownerFor({ model, caller, params, url }: Context): Owner | undefined {
  const owner = model.variables.owner(params['owner']!);
  const type = url.pathname.startsWith('/api/v2/workspaces/') ? 'workspaces' : 'varsets';
  return owner && owner.type === type && mayWrite(caller, owner) ? owner : undefined;
}

function showWorkspaceByName({ model, caller, params }: Context): Reply {
  const workspace = model.variables.workspaceByName(params['organization']!, params['name']!);
  return workspace && mayWrite(caller, workspace)
    ? document(200, { data: ownerResource(workspace, caller) })
    : notFound();
}

function showWorkspace(context: Context): Reply {
  const workspace = ownerFor(context);
  return workspace ? document(200, { data: ownerResource(workspace, context.caller) }) : notFound();
}

function showVariableSet(context: Context): Reply {
  const set = ownerFor(context);
  return set ? document(200, { data: ownerResource(set, context.caller) }) : notFound();
}

/** `q` searches names (substring, case-insensitive here); an exact match is the client's job. */
function listVariableSets(context: Context): Reply {
  const { model, caller, params, query } = context;
  const organization = params['organization']!;
  if (caller.organization !== organization) return notFound();
  const search = query.get('q')?.toLowerCase();
  const sets = model.variables
    .setsOf(organization)
    .filter((set) => mayWrite(caller, set) && (!search || set.name.toLowerCase().includes(search)));
  return page(sets, query, context.url, (set) => ownerResource(set, caller));
}

/** Workspace variables come unpaginated (the OpenAPI description declares no page parameters); a set's are paged. */
function listVariables(context: Context): Reply {
  const owner = ownerFor(context);
  if (!owner) return notFound();
  const variables = context.model.variables.variablesOf(owner.id);
  if (owner.type === 'workspaces')
    return document(200, { data: variables.map((variable) => variableResource(variable, owner)) });
  return page(variables, context.query, context.url, (variable) => variableResource(variable, owner));
}

function createVariable(context: Context): Reply {
  const owner = ownerFor(context);
  if (!owner) return notFound();
  const attributes = bodyAttributes(context.body);
  if ('reply' in attributes) return attributes.reply;
  const fields = {
    key: attributes.values['key'],
    value: attributes.values['value'] ?? '',
    category: attributes.values['category'],
    sensitive: attributes.values['sensitive'] ?? false,
    hcl: attributes.values['hcl'] ?? false,
    description: attributes.values['description'] ?? '',
  };
  const problem = validate(fields);
  if (problem) return problem;
  const store = context.model.variables;
  if (store.variablesOf(owner.id).some((other) => other.key === fields.key && other.category === fields.category)) {
    return invalid('Key has already been taken', 'key');
  }
  const variable = store.create(owner.id, fields as Omit<Variable, 'id' | 'owner' | 'versionId'>);
  // The docs show 200 for adding a variable to a set; the OpenAPI description says 201 (workspace vars: 201).
  return document(owner.type === 'varsets' ? 200 : 201, { data: variableResource(variable, owner) });
}

/** Omitted attributes stay as they are; the id stays, the version-id changes. */
function updateVariable(context: Context): Reply {
  const owner = ownerFor(context);
  const variable = owner && context.model.variables.variable(owner.id, context.params['variable']!);
  if (!owner || !variable) return notFound();
  const attributes = bodyAttributes(context.body);
  if ('reply' in attributes) return attributes.reply;
  const next = { ...variable, ...attributes.values };
  const problem = validate(next);
  if (problem) return problem;
  if (variable.sensitive && next.sensitive === false)
    return invalid('Sensitive variables cannot be made non-sensitive', 'sensitive');
  Object.assign(variable, next, { versionId: base62(32) });
  return document(200, { data: variableResource(variable, owner) });
}

function deleteVariable(context: Context): Reply {
  const owner = ownerFor(context);
  const variable = owner && context.model.variables.variable(owner.id, context.params['variable']!);
  if (!owner || !variable) return notFound();
  context.model.variables.remove(variable.id);
  return noContent();
}

const ATTRIBUTES = ['key', 'value', 'category', 'sensitive', 'hcl', 'description'] as const;

function bodyAttributes(
  body: string,
): { values: Partial<Record<(typeof ATTRIBUTES)[number], unknown>> } | { reply: Reply } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { reply: error(400, 'bad request', 'The request body is not valid JSON.') };
  }
  const data = (parsed as { data?: { type?: unknown; attributes?: unknown } } | null)?.data;
  if (data?.type !== 'vars' || !data.attributes || typeof data.attributes !== 'object') {
    return { reply: error(422, 'invalid attributes', 'The body must be a vars resource with attributes.') };
  }
  const attributes = data.attributes as Record<string, unknown>;
  return {
    values: Object.fromEntries(ATTRIBUTES.filter((name) => name in attributes).map((name) => [name, attributes[name]])),
  };
}

function validate(fields: Record<string, unknown>): Reply | null {
  if (typeof fields['key'] !== 'string' || !fields['key']) return invalid("Key can't be blank", 'key');
  if (typeof fields['category'] !== 'string' || !CATEGORIES.has(fields['category']))
    return invalid('Category is not included in the list', 'category');
  for (const name of ['value', 'description'] as const)
    if (typeof fields[name] !== 'string') return invalid(`${name} must be a string`, name);
  for (const name of ['sensitive', 'hcl'] as const)
    if (typeof fields[name] !== 'boolean') return invalid(`${name} must be true or false`, name);
  return null;
}

function variableResource(variable: Variable, owner: Owner): object {
  const { key, category, sensitive, hcl, description } = variable;
  const relation = owner.type === 'workspaces' ? 'configurable' : 'varset';
  return {
    id: variable.id,
    type: 'vars',
    attributes: {
      key,
      value: sensitive ? null : variable.value,
      sensitive,
      category,
      hcl,
      description,
      'version-id': variable.versionId,
    },
    relationships: { [relation]: { data: { id: owner.id, type: owner.type } } },
  };
}

function ownerResource(owner: Owner, caller: Caller): object {
  const attributes: Record<string, unknown> = { name: owner.name };
  if (owner.type === 'varsets') attributes['global'] = owner.global;
  attributes['permissions'] =
    owner.type === 'varsets'
      ? { 'can-update': mayWrite(caller, owner) }
      : { 'can-read-variable': true, 'can-update-variable': mayWrite(caller, owner) };
  return {
    id: owner.id,
    type: owner.type,
    attributes,
    relationships: { organization: { data: { id: owner.organization, type: 'organizations' } } },
  };
}
