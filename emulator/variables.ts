import { base62 } from './ids.js';

/**
 * The store of workspaces (as variable owners), variable sets and their variables (tfc-scoping-and-variables-api.md
 * §6-7); variable-routes.ts serves them and holds the rules of who may write.
 */

export interface WorkspaceOptions {
  /** Teams whose members and tokens may read and write the workspace's variables. */
  readonly variableWriters?: readonly string[];
}

export interface VariableSetOptions {
  /** Teams whose members and tokens may manage the set. */
  readonly managers?: readonly string[];
  readonly global?: boolean;
}

export interface VariableSeed {
  readonly key: string;
  readonly value?: string;
  readonly category?: string;
  readonly sensitive?: boolean;
  readonly hcl?: boolean;
  readonly description?: string;
}

/** A snapshot of one variable for assertions, its value included (tests may read what the action may not). */
export interface VariableRecord {
  readonly id: string;
  /** The ws-… or varset-… id it belongs to. */
  readonly owner: string;
  readonly key: string;
  readonly value: string;
  readonly category: string;
  readonly sensitive: boolean;
  readonly hcl: boolean;
  readonly description: string;
  readonly versionId: string;
}

export interface Owner {
  readonly id: string;
  readonly type: 'workspaces' | 'varsets';
  readonly organization: string;
  readonly name: string;
  readonly writers: ReadonlySet<string>;
  readonly global: boolean;
}

export interface Variable {
  readonly id: string;
  readonly owner: string;
  key: string;
  value: string;
  category: string;
  sensitive: boolean;
  hcl: boolean;
  description: string;
  versionId: string;
}

export class VariableStore {
  readonly #owners = new Map<string, Owner>();
  /** In creation order. */
  readonly #variables = new Map<string, Variable>();

  addWorkspace(organization: string, name: string, options: WorkspaceOptions = {}, id = `ws-${base62(16)}`): string {
    if (this.workspaceByName(organization, name)) throw new Error(`workspace ${name} exists in ${organization}`);
    const writers = new Set(options.variableWriters ?? []);
    return this.#add({ id, type: 'workspaces', organization, name, writers, global: false });
  }

  addVariableSet(organization: string, name: string, options: VariableSetOptions = {}): string {
    const id = `varset-${base62(16)}`;
    return this.#add({
      id,
      type: 'varsets',
      organization,
      name,
      writers: new Set(options.managers ?? []),
      global: options.global ?? false,
    });
  }

  addVariable(ownerId: string, seed: VariableSeed): string {
    if (!this.#owners.has(ownerId)) throw new Error(`no workspace or variable set ${ownerId}`);
    const variable: Variable = {
      id: `var-${base62(16)}`,
      owner: ownerId,
      key: seed.key,
      value: seed.value ?? '',
      category: seed.category ?? 'env',
      sensitive: seed.sensitive ?? false,
      hcl: seed.hcl ?? false,
      description: seed.description ?? '',
      versionId: base62(32),
    };
    this.#variables.set(variable.id, variable);
    return variable.id;
  }

  variables(): VariableRecord[] {
    return [...this.#variables.values()].map((variable) => ({ ...variable }));
  }

  owner(id: string): Owner | undefined {
    return this.#owners.get(id);
  }

  workspaceByName(organization: string, name: string): Owner | undefined {
    return [...this.#owners.values()].find(
      (owner) => owner.type === 'workspaces' && owner.organization === organization && owner.name === name,
    );
  }

  setsOf(organization: string): Owner[] {
    return [...this.#owners.values()].filter(
      (owner) => owner.type === 'varsets' && owner.organization === organization,
    );
  }

  variablesOf(ownerId: string): Variable[] {
    return [...this.#variables.values()].filter((variable) => variable.owner === ownerId);
  }

  variable(ownerId: string, id: string): Variable | undefined {
    const variable = this.#variables.get(id);
    return variable?.owner === ownerId ? variable : undefined;
  }

  create(ownerId: string, fields: Omit<Variable, 'id' | 'owner' | 'versionId'>): Variable {
    const variable: Variable = { ...fields, id: `var-${base62(16)}`, owner: ownerId, versionId: base62(32) };
    this.#variables.set(variable.id, variable);
    return variable;
  }

  remove(id: string): void {
    this.#variables.delete(id);
  }

  #add(owner: Owner): string {
    this.#owners.set(owner.id, owner);
    return owner.id;
  }
}
