import { ApiError, errorMessage } from '../../common/errors.js';
import type { RotateToken } from '../../inputs/parse.js';
import { describeCredential, verifyToken, type Credential } from '../../api/tfc/account.js';
import * as agentTokens from '../../api/tfc/agent-tokens.js';
import * as organizationTokens from '../../api/tfc/organization-tokens.js';
import { requireHcpTerraform } from '../../api/tfc/platform.js';
import * as teamTokens from '../../api/tfc/team-tokens.js';
import { warnIfOwnersTeam } from '../create/owners-warning.js';
import type { MintedToken, Token } from '../../api/tfc/types.js';
import { resolveTeamId, teamWithOrganization, type OperationContext } from '../../tokens/context.js';
import {
  PartialWriteError,
  prepareDestinations,
  UnsettledWriteError,
  writeDestinations,
  type Destination,
} from './destinations.js';
import { expiryForRotation } from '../../tokens/lifetime-policy.js';
import { createToken } from '../../tokens/create.js';
import { classify, destinationMark, revocationPlan, rotationDescription } from './lineage.js';

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
  const credential = replacedByCreate(inputs) || inputs.tokenType === 'agent' ? null : await credentialOf(context);
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

type Owner = { readonly teamId: string | null; readonly teamName: string | null };
/** Whose tokens a rotation owns: its team (or agent pool) and its destination's mark. */
type Lineage = { readonly owner: Owner; readonly mark: string };

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
    expiryDefaulted: false,
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

interface Revocation {
  /** Who the api-token is; null for kinds whose creation replaces the previous token. */
  readonly credential: Credential | null;
  readonly adopted: Token | null;
}

/**
 * Revokes what the new token replaces, now that every destination holds it: earlier rotations of this destination
 * (see revocationPlan), then the adopted token, and the credential in use last of all, since every request before it
 * needs it.
 */
async function revokePrevious(
  context: OperationContext,
  inputs: RotateToken,
  lineage: Lineage,
  token: MintedToken,
  { credential, adopted }: Revocation,
): Promise<string[]> {
  const { client, io } = context;
  const revoked: string[] = [];
  try {
    const tokens = await tokensOf(context, inputs, lineage.owner);
    const { ours, unmarked } = classify(tokens, inputs.description, lineage.mark);
    const credentialId = credential?.tokenId ?? adopted?.id ?? null;
    const plan = revocationPlan(ours, token, inputs.keepPrevious, credentialId);
    noteLeftAlone(context, lineage, ours, unmarked, plan.spared, { credential, adopted });
    const planned = plan.revoke.filter((old) => old.id !== adopted?.id);
    const inUse = planned.filter((old) => old.id === credentialId);
    const order = [...planned.filter((old) => old.id !== credentialId), ...(adopted ? [adopted] : []), ...inUse];
    for (const old of order) {
      const done = await teamTokens.delete(client, old.id);
      const what = done === 'deleted' ? 'Revoked' : 'Already gone:';
      io.info(`${what} ${old.id}${old.id === adopted?.id ? ' (adopt-token-id)' : ''} ("${old.description ?? ''}").`);
      if (done === 'deleted') revoked.push(old.id);
    }
  } catch (error) {
    if (!(error instanceof ApiError && error.is(401))) throw error;
    // The destination already holds the new token; only the clean-up is cut short.
    io.warning(
      `The api-token stopped working after every destination held the new token ${token.id} (an overlapping ` +
        `rotation of the same destination revoked it, most likely), so this run revoked ` +
        `${revoked.length > 0 ? `only ${revoked.join(', ')}` : 'nothing'}. Nothing is lost: the next rotation ` +
        `revokes what is no longer needed.`,
    );
  }
  return revoked;
}

/** One notice for each kind of token this rotation does not own and leaves valid, so nobody assumes it is gone. */
function noteLeftAlone(
  context: OperationContext,
  lineage: Lineage,
  ours: readonly Token[],
  unmarked: readonly Token[],
  spared: readonly Token[],
  { credential, adopted }: Revocation,
): void {
  const { io } = context;
  const unmarkedIds = unmarked.map((old) => old.id).filter((id) => id !== adopted?.id);
  if (unmarkedIds.length > 0) {
    io.notice(
      `Left valid: ${unmarkedIds.join(', ')}, described by rotations before destinations were marked, so any ` +
        `destination may hold them. Revoke each by hand once no secret or variable holds it, or name it in ` +
        `adopt-token-id when rotating the destination that holds it.`,
    );
  }
  if (spared.length > 0) {
    io.info(
      `Kept ${spared.map((old) => old.id).join(', ')}: created by a rotation of this destination that may still be ` +
        `running; the next rotation revokes what is no longer needed.`,
    );
  }
  const teamId = lineage.owner.teamId;
  const ofTeam = credential?.resource?.type === 'teams' && credential.resource.id === teamId;
  const owned = ours.some((old) => old.id === credential?.tokenId);
  if (!adopted && ofTeam && !owned) {
    const which = credential?.tokenId ? `(${credential.tokenId})` : '(this server does not say which token it is)';
    io.notice(
      `The api-token is a token of team ${teamId} ${which} that this rotation did not make, so it stays valid. If ` +
        `the destination held it (the action rotating its own secret), run the rotation once with adopt-token-id ` +
        `set to its id: it is revoked once the destination holds its successor.`,
    );
  }
}

/** Who the api-token is (one request); what cannot be read is unknown, never guessed. */
async function credentialOf(context: OperationContext): Promise<Credential> {
  return describeCredential(context.client);
}

/**
 * The token named by adopt-token-id, checked before anything is created: it must be a token of the team being
 * rotated, and not a token another destination's rotation made (that destination may hold it).
 */
async function adoptedToken(context: OperationContext, inputs: RotateToken, lineage: Lineage): Promise<Token | null> {
  const id = inputs.adoptTokenId;
  if (!id) return null;
  const team = lineage.owner.teamName
    ? `team "${lineage.owner.teamName}" (${lineage.owner.teamId})`
    : `team ${lineage.owner.teamId}`;
  const refuse = (what: string) =>
    new Error(`adopt-token-id ${id} ${what}; only a token of ${team} can be adopted. Nothing was created or revoked.`);
  const token = await teamTokens.read(context.client, id);
  if (!token) {
    throw refuse(
      'is not a token this credential can see: it does not exist (an earlier rotation may have revoked it: then ' +
        'remove adopt-token-id), or it is a user token (only its own user sees it) or a token of a team or ' +
        'organization this credential does not manage',
    );
  }
  if (token.teamId === null) throw refuse('is not a team token (a user or agent token)');
  if (token.teamId !== lineage.owner.teamId) throw refuse(`is a token of another team (${token.teamId})`);
  const marked = /(^| )(dest-[0-9a-f]{12}) \d{4}-\d{2}-\d{2}T[\d:.]+Z [0-9a-f]{16}$/.exec(token.description ?? '');
  if (marked && marked[2] !== lineage.mark)
    throw refuse('was made by a rotation into another destination, which holds it');
  context.io.info(
    `adopt-token-id ${id} is a token of ${team}: it is revoked last, once every destination holds its successor.`,
  );
  return token;
}

/** The tokens among which this rotation's own are: the team's (or the agent pool's). */
async function tokensOf(context: OperationContext, inputs: RotateToken, owner: Owner): Promise<Token[]> {
  if (inputs.tokenType === 'agent') return agentTokens.list(context.client, inputs.agentPoolId as string);
  const teamId = owner.teamId as string;
  const team =
    owner.teamName && inputs.organization
      ? { name: owner.teamName, organization: inputs.organization }
      : await teamWithOrganization(context.client, teamId, inputs.organization);
  const tokens = await teamTokens.list(context.client, team.organization, { teamName: team.name });
  return tokens.filter((t) => t.teamId === teamId);
}
