import * as variables from '../../api/tfc/variables.js';
import * as workspaces from '../../api/tfc/workspaces.js';
import { ApiError, errorMessage, mayHaveLanded, UntrustedAnswerError } from '../../common/errors.js';
import type { RotateToken, SecretDestination, VariableDestination } from '../../inputs/parse.js';
import { printable } from '../../runner/io.js';
import { findVariableSetId, variableSetVariables } from '../../api/tfc/variable-sets.js';
import type { VariableCollection } from '../../api/tfc/variables.js';
import { ACTION_VERSION } from '../../common/version.js';
import type { OperationContext } from '../../tokens/context.js';

/**
 * Where a rotation writes the new token: a GitHub secret, an HCP Terraform variable, or both. Each destination is
 * prepared before anything is minted (a variable that cannot be written fails the run while nothing has changed)
 * and written after the new token is verified.
 */
export interface Destination {
  /** For logs and the summary: names and ids only. */
  readonly label: string;
  /**
   * What the destination is, in a form that is the same however the inputs name it (GitHub names are
   * case-insensitive; a workspace or variable set by its id): the rotation's destination mark is made of it.
   */
  readonly identity: string;
  /** The output set to `true` once this destination holds the new token. */
  readonly output: 'secret-updated' | 'variable-updated';
  /** Returns what was done, e.g. `updated` or `created var-…`. */
  write(secret: string): Promise<string>;
}

/** Some destinations hold the new token and a later one failed: the new token must stay valid. */
export class PartialWriteError extends Error {
  constructor(
    readonly written: readonly string[],
    cause: unknown,
  ) {
    super(errorMessage(cause));
    this.name = 'PartialWriteError';
  }
}

export async function prepareDestinations(context: OperationContext, inputs: RotateToken): Promise<Destination[]> {
  const destinations: Destination[] = [];
  if (inputs.variable) destinations.push(await variableDestination(context, inputs.variable));
  if (inputs.secret) destinations.push(secretDestination(inputs.secret, context));
  return destinations;
}

/**
 * A write that may have landed and could not be settled: the destination may hold the new token or still the
 * previous one, so neither may be deleted.
 */
export class UnsettledWriteError extends Error {
  constructor(
    readonly written: readonly string[],
    readonly unsettled: string,
    cause: unknown,
  ) {
    super(errorMessage(cause));
    this.name = 'UnsettledWriteError';
  }
}

/** Writes every destination in order, setting each one's output as it succeeds; returns `label (what was done)`. */
export async function writeDestinations(
  context: OperationContext,
  destinations: readonly Destination[],
  secret: string,
): Promise<string[]> {
  const written: string[] = [];
  for (const destination of destinations) {
    try {
      const done = await destination.write(secret);
      written.push(`${destination.label} (${done})`);
    } catch (error) {
      if (mayHaveLanded(error)) throw new UnsettledWriteError(written, destination.label, error);
      if (written.length > 0) throw new PartialWriteError(written, error);
      throw error;
    }
    context.io.setOutput(destination.output, 'true');
    context.io.info(`Stored the new token in ${written[written.length - 1]}.`);
  }
  return written;
}

function secretDestination(secret: SecretDestination, context: OperationContext): Destination {
  return {
    label: secretLabel(secret),
    identity: `github ${secret.apiUrl} ${secretLabel(secret)}`.toLowerCase(),
    output: 'secret-updated',
    async write(value) {
      // Loaded only here: per-job runs never pay for the GitHub client and libsodium.
      const { storeSecret } = await import('../../api/github/secrets.js');
      const target = {
        name: secret.name,
        repository: secret.repository,
        environment: secret.environment,
        organization: secret.organization,
      };
      const userAgent = `tfc-token-action/${ACTION_VERSION}`;
      const github = { token: secret.githubToken, apiUrl: secret.apiUrl, userAgent };
      const log = {
        debug: (message: string) => context.io.debug(message),
        warning: (message: string) => context.io.warning(message),
      };
      return storeSecret(github, target, value, context.transport(), { deadline: context.deadline, log });
    },
  };
}

function secretLabel(secret: SecretDestination): string {
  if (secret.organization) return `organization secret ${secret.organization}/${secret.name}`;
  if (secret.environment) return `environment secret ${secret.repository}:${secret.environment}/${secret.name}`;
  return `repository secret ${secret.repository}/${secret.name}`;
}

/**
 * Resolves the workspace or variable set and looks for the variable (key and category are its identity). An
 * existing variable that is not sensitive is refused: its value is visible to everyone who can read variables,
 * and making it sensitive is the owner's decision, not the action's.
 */
async function variableDestination(context: OperationContext, target: VariableDestination): Promise<Destination> {
  const { collection, where } = await resolveCollection(context, target);
  const label = `${target.category} variable ${target.key} in ${where}`;
  const existing = await findVariable(context, collection, target, where);
  if (existing && !existing.sensitive) {
    throw new Error(
      `The ${label} exists but is not sensitive, so anyone who can read the workspace's variables would see the ` +
        `token. ` +
        'Nothing was created or changed. Mark the variable sensitive in HCP Terraform (that is your decision to ' +
        'make), or choose another variable-key.',
    );
  }
  if (existing) context.io.info(`The ${label} exists (${existing.id}, sensitive): it will be updated in place.`);
  return {
    label,
    identity: variableIdentity(collection, target.category, target.key),
    output: 'variable-updated',
    write: (value) => writeVariable(context, collection, target, existing?.id ?? null, value),
  };
}

/** A variable is its collection (by id), its category and its key, however the inputs named the collection. */
export function variableIdentity(collection: VariableCollection, category: string, key: string): string {
  return `hcp-terraform ${collection.path} ${category} ${key}`;
}

async function resolveCollection(
  context: OperationContext,
  target: VariableDestination,
): Promise<{ collection: VariableCollection; where: string }> {
  const { client } = context;
  const organization = target.organization as string; // parseInputs requires it for every name look-up
  if (target.workspace) {
    const id =
      'id' in target.workspace
        ? target.workspace.id
        : await findWorkspaceId(context, organization, target.workspace.name);
    return {
      collection: variables.workspaceVariables(id),
      where: `workspace ${'name' in target.workspace ? `"${target.workspace.name}" (${id})` : id}`,
    };
  }
  const set = target.variableSet as NonNullable<VariableDestination['variableSet']>;
  const id = 'id' in set ? set.id : await findVariableSetId(client, organization, set.name);
  return {
    collection: variableSetVariables(id),
    where: `variable set ${'name' in set ? `"${printable(set.name)}" (${id})` : id}`,
  };
}

async function findWorkspaceId(context: OperationContext, organization: string, name: string): Promise<string> {
  const workspace = await workspaces.readByName(context.client, organization, name);
  if (!workspace) {
    throw new Error(
      `No workspace named "${name}" in organization "${organization}" is visible to this credential. Check the ` +
        `name, or use the ws-… id.`,
    );
  }
  // Case sensitivity of the look-up is undocumented: accept only the name asked for.
  if (workspace.name !== name) throw new UntrustedAnswerError('the workspace found by name has another name');
  return workspace.id;
}

async function findVariable(
  context: OperationContext,
  collection: VariableCollection,
  target: VariableDestination,
  where: string,
) {
  try {
    const found = (await variables.list(context.client, collection)).filter(
      (v) => v.key === target.key && v.category === target.category,
    );
    return found[0] ?? null;
  } catch (error) {
    if (error instanceof ApiError && error.is(404)) {
      throw new Error(
        `Cannot read the variables of ${where}: it does not exist, or the credential lacks permission to read and ` +
          `write its variables (the API answers 404 for both). Nothing was created.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** Created if missing, else updated in place; a variable created meanwhile by someone else is updated if sensitive. */
async function writeVariable(
  context: OperationContext,
  collection: VariableCollection,
  target: VariableDestination,
  existingId: string | null,
  value: string,
): Promise<string> {
  if (existingId) return `updated ${await update(context, collection, existingId, value)}`;
  for (let attempt = 1; ; attempt++) {
    try {
      return `created ${await create(context, collection, target, value)}`;
    } catch (error) {
      const landed = mayHaveLanded(error);
      if (!landed && !(error instanceof ApiError && error.is(422))) throw error;
      if (landed) context.io.info(`Creating ${target.key} may or may not have succeeded; looking it up by its key.`);
      const found = await lookUpVariable(context, collection, target).catch(() => {
        throw error; // still unknown: the caller must treat the write as maybe landed
      });
      if (found?.sensitive) return `updated ${await update(context, collection, found.id, value)}`;
      if (found || !landed || attempt === MAX_VARIABLE_CREATES) throw error;
    }
  }
}

/** A create that may have landed is looked up by key before it is sent again, so it is sent at most this often. */
const MAX_VARIABLE_CREATES = 3;

async function create(
  context: OperationContext,
  collection: VariableCollection,
  target: VariableDestination,
  value: string,
): Promise<string> {
  const description = 'HCP Terraform token, rotated by the tfc-token-action GitHub Action';
  const fields = { key: target.key, category: target.category, description };
  return (await variables.createSensitive(context.client, collection, fields, value)).id;
}

/** The client repeats this PATCH itself after a reset, a timeout or a 5xx (setting the value again is harmless). */
async function update(context: OperationContext, collection: VariableCollection, id: string, value: string) {
  return (await variables.updateSensitiveValue(context.client, collection, id, value)).id;
}

async function lookUpVariable(context: OperationContext, collection: VariableCollection, target: VariableDestination) {
  const all = await variables.list(context.client, collection);
  return all.find((v) => v.key === target.key && v.category === target.category) ?? null;
}
