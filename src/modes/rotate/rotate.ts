import { errorMessage } from '../../common/errors.js';
import type { RotateToken } from '../../inputs/parse.js';
import { verifyToken } from '../../api/tfc/account.js';
import * as agentTokens from '../../api/tfc/agent-tokens.js';
import * as organizationTokens from '../../api/tfc/organization-tokens.js';
import { requireHcpTerraform } from '../../api/tfc/platform.js';
import * as teamTokens from '../../api/tfc/team-tokens.js';
import type { MintedToken, Token } from '../../api/tfc/types.js';
import { resolveTeamId, warnIfOwnersTeam, type OperationContext } from '../../tokens/context.js';
import {
  PartialWriteError,
  prepareDestinations,
  UnsettledWriteError,
  writeDestinations,
  type Destination,
} from './destinations.js';
import { expiryForRotation } from '../../tokens/lifetime-policy.js';
import { createToken } from '../../tokens/create.js';
import { classify, destinationMark, rotationDescription, type Lineage, type Owner } from './lineage.js';
import { adoptedToken, revokePrevious, tokensOf } from './revoke.js';
import { describeCredential } from '../../api/tfc/account.js';

/**
 * Check the destinations, create the new token, prove it works, write it into every destination (GitHub secret,
 * HCP Terraform variable), and only then revoke what it replaces.
 * Tokens that can coexist (team, agent) are rolled back on failure so nothing changes; tokens replaced by their
 * creation (organization, audit-trail, legacy team) cannot be, so a failure says loudly what to do.
 */
export async function rotateToken(context: OperationContext, inputs: RotateToken): Promise<void> {
  if (inputs.tokenType === 'audit-trail') await requireHcpTerraform(context.client);
  const owner = await ownerOf(context, inputs);
  const destinations = await prepareDestinations(context, inputs);
  const lineage: Lineage = { owner, mark: destinationMark(destinations) };
  const adopted = await adoptedToken(context, inputs, lineage);
  const credential =
    replacedByCreate(inputs) || inputs.tokenType === 'agent' ? null : await describeCredential(context.client);
  const expiresAt = await expiryForRotation(context, inputs);
  const token = await mint(context, inputs, lineage, expiresAt);
  context.publisher.tokenOutputs(token);
  warnIfOwnersTeam(context.io, owner.teamName);
  context.io.info(
    `Created ${inputs.tokenType} token ${token.id}${token.expiredAt ? `, expiring at ${token.expiredAt}` : ''}.`,
  );
  const stored = await store(context, inputs, token, destinations, (error) =>
    replacedByCreate(inputs)
      ? replacementFailure(inputs, token, error)
      : rollBack(context, inputs, lineage, token, error, adopted),
  );
  const revoked = replacedByCreate(inputs)
    ? []
    : await revokePrevious(context, inputs, lineage, token, { credential, adopted });
  context.io.setOutput('revoked-ids', JSON.stringify(revoked));
  await context.publisher.summary(`HCP Terraform ${inputs.tokenType} token rotated`, [
    ['Type', inputs.tokenType + (inputs.legacy ? ' (legacy single token)' : '')],
    ['New token ID', token.id],
    ['Expires', token.expiredAt ?? 'never'],
    ['Stored in', stored.join('; ')],
    [
      'Revoked',
      revoked.length > 0
        ? revoked.join(', ')
        : replacedByCreate(inputs)
          ? 'the previous token (replaced by creation)'
          : 'none',
    ],
  ]);
}

async function ownerOf(context: OperationContext, inputs: RotateToken): Promise<Owner> {
  if (!inputs.team) return { teamId: null, teamName: null };
  const teamId = await resolveTeamId(context.client, inputs.team, inputs.organization);
  return { teamId, teamName: 'name' in inputs.team ? inputs.team.name : null };
}

function replacedByCreate(inputs: RotateToken): boolean {
  return inputs.tokenType === 'organization' || inputs.tokenType === 'audit-trail' || inputs.legacy;
}

/** A create that may have landed is looked up by its nonce before another is sent (tokens/create.ts). */
function mint(context: OperationContext, inputs: RotateToken, lineage: Lineage, expiry: Date | null) {
  const { owner, mark } = lineage;
  const described = !replacedByCreate(inputs);
  return createToken(context, {
    // Rotated tokens outlive the job (ephemeral: false); the ledger still lets the post step delete a token whose
    // create was interrupted and whose secret therefore never arrived.
    owner: {
      kind: inputs.legacy ? 'team-legacy' : inputs.tokenType,
      organization: inputs.organization,
      teamId: owner.teamId,
      agentPoolId: inputs.agentPoolId,
      ephemeral: false,
    },
    description: described ? rotationDescription(inputs.description, mark, context.now()) : null,
    expiresAt: expiry,
    send: (description, expiresAt) => send(context, inputs, owner, description, expiresAt as Date),
    ...(described ? { candidates: () => tokensOf(context, inputs, owner) } : {}),
  });
}

/** One create of the rotated kind; `expiresAt` is null only for agent tokens, which take no expiry. */
function send(
  context: OperationContext,
  inputs: RotateToken,
  owner: Owner,
  description: string | null,
  expiresAt: Date,
): Promise<MintedToken> {
  const { client, publisher } = context;
  switch (inputs.tokenType) {
    case 'agent':
      return agentTokens.create(client, inputs.agentPoolId as string, description as string, publisher.mask);
    case 'team':
      return inputs.legacy
        ? teamTokens.createLegacy(client, owner.teamId as string, expiresAt, publisher.mask)
        : teamTokens.create(
            client,
            owner.teamId as string,
            { description: description as string, expiredAt: expiresAt },
            publisher.mask,
          );
    default:
      return organizationTokens.create(
        client,
        inputs.organization as string,
        inputs.tokenType,
        expiresAt,
        publisher.mask,
      );
  }
}

/** Verifies the new token, then writes it into every destination; a failure is explained by `failed`. */
async function store(
  context: OperationContext,
  inputs: RotateToken,
  token: MintedToken,
  destinations: readonly Destination[],
  failed: (error: unknown) => Error | Promise<Error>,
): Promise<string[]> {
  try {
    await verify(context, inputs, token);
    return await writeDestinations(context, destinations, token.secret);
  } catch (error) {
    throw await failed(error);
  }
}

/**
 * The previous token is still valid: on a failure before any destination holds the new token, delete the new one
 * and leave everything as it was. Once one destination holds it, deleting it would break that destination, so it
 * stays valid beside the old one and nothing is revoked.
 */
async function rollBack(
  context: OperationContext,
  inputs: RotateToken,
  lineage: Lineage,
  token: MintedToken,
  error: unknown,
  adopted: Token | null,
): Promise<Error> {
  if (error instanceof UnsettledWriteError) return unsettledRotation(context, inputs, lineage, token, error, adopted);
  if (error instanceof PartialWriteError) {
    return new Error(
      `Rotation incomplete: ${errorMessage(error)} The new token ${token.id} is stored in ` +
        `${error.written.join(' and ')} only. ` +
        'Both the new and the previous token stay valid and nothing was revoked; run the rotation again once the ' +
        'cause is fixed.',
      { cause: error },
    );
  }
  const rollback = await teamTokens.delete(context.client, token.id).then(
    () => {
      context.ledger.forget(token.id);
      return `the new token ${token.id} was deleted again and nothing changed`;
    },
    (deleteError: unknown) =>
      `deleting the new token ${token.id} failed too (${errorMessage(deleteError)}); delete it by hand`,
  );
  return new Error(`Rotation stopped: ${errorMessage(error)} The previous token is untouched; ${rollback}.`, {
    cause: error,
  });
}

/**
 * A destination may hold the new token or still the previous one, and nobody can tell which: deleting either could
 * leave it holding a revoked token, so both stay valid and the error says which is which.
 */
async function unsettledRotation(
  context: OperationContext,
  inputs: RotateToken,
  lineage: Lineage,
  token: MintedToken,
  error: UnsettledWriteError,
  adopted: Token | null,
): Promise<Error> {
  const earlier = await tokensOf(context, inputs, lineage.owner).then(
    (tokens) => classify(tokens, inputs.description, lineage.mark).ours.map((candidate) => candidate.id),
    () => [],
  );
  const previous = [...earlier, ...(adopted ? [adopted.id] : [])].filter(
    (id, index, all) => id !== token.id && all.indexOf(id) === index,
  );
  const before = previous.length > 0 ? `the previous token ${previous.join(', ')}` : 'the token it held before';
  const written = error.written.length > 0 ? ` It is stored in ${error.written.join(' and ')}.` : '';
  return new Error(
    `Rotation unsettled: writing the new token ${token.id} into the ${error.unsettled} may or may not have ` +
      `succeeded (${errorMessage(error)}). That destination holds either ${token.id} or ${before}; both stay valid ` +
      `and nothing was revoked.${written} Run the rotation again once the cause is fixed: it writes a new token and ` +
      'then revokes the older ones.',
    { cause: error },
  );
}

/** Creating the token already revoked the previous one: there is nothing to roll back to. */
function replacementFailure(inputs: RotateToken, token: MintedToken, error: unknown): Error {
  const written = error instanceof PartialWriteError ? ` It is stored in ${error.written.join(' and ')} only.` : '';
  const unsettled =
    error instanceof UnsettledWriteError
      ? ` The ${error.unsettled} holds either it or the revoked previous one: write it again.`
      : '';
  return new Error(
    `Rotation incomplete: ${errorMessage(error)} The new ${inputs.tokenType} token ${token.id} is live and the ` +
      `previous one is already revoked.${written}${unsettled} ` +
      `It is in this step's token output (masked): store it from a later step in this job, or run the rotation ` +
      `again.`,
    { cause: error },
  );
}

/** Agent tokens cannot call the API, so only the other kinds can be proven before they are stored. */
async function verify(context: OperationContext, inputs: RotateToken, token: MintedToken): Promise<void> {
  if (inputs.tokenType === 'agent') return;
  const client = context.connectAs(token.secret);
  try {
    await verifyToken(client);
  } catch (error) {
    throw new Error(
      `The new token does not authenticate (${errorMessage(error)}); an organization maximum-TTL policy shorter ` +
        `than the expiry can cause this.`,
      { cause: error },
    );
  } finally {
    client.close();
  }
}
