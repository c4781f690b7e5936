import { errorMessage } from '../errors.js';
import type { RotateToken } from '../inputs.js';
import type { CleanupRecord } from '../state.js';
import { verifyToken } from '../tfc/account.js';
import * as agentTokens from '../tfc/agent-tokens.js';
import * as organizationTokens from '../tfc/organization-tokens.js';
import { requireHcpTerraform } from '../tfc/platform.js';
import * as teamTokens from '../tfc/team-tokens.js';
import { readTeam } from '../tfc/teams.js';
import type { MintedToken, Token } from '../tfc/types.js';
import { ACTION_VERSION } from '../version.js';
import { resolveTeamId, type OperationContext } from './context.js';

/**
 * Create the new token, prove it works, store it in the GitHub secret, and only then revoke what it replaces.
 * Tokens that can coexist (team, agent) are rolled back on failure so nothing changes; tokens replaced by their
 * creation (organization, audit-trail, legacy team) cannot be, so a failure says loudly what to do.
 */
export async function rotateToken(context: OperationContext, inputs: RotateToken): Promise<void> {
  if (inputs.tokenType === 'audit-trail') await requireHcpTerraform(context.client);
  const owner = await ownerOf(context, inputs);
  const token = await mint(context, inputs, owner);
  context.publisher.tokenOutputs(token);
  context.io.info(`Created ${inputs.tokenType} token ${token.id}${token.expiredAt ? `, expiring at ${token.expiredAt}` : ''}.`);
  const stored = replacedByCreate(inputs) ? await storeReplacement(context, inputs, token) : await storeOrRollBack(context, inputs, token);
  context.io.setOutput('secret-updated', 'true');
  context.io.info(`Stored the new token in ${secretLabel(inputs)} (${stored}).`);
  const revoked = replacedByCreate(inputs) ? [] : await revokePrevious(context, inputs, owner, token);
  context.io.setOutput('revoked-ids', JSON.stringify(revoked));
  await context.publisher.summary(`HCP Terraform ${inputs.tokenType} token rotated`, [
    ['Type', inputs.tokenType + (inputs.legacy ? ' (legacy single token)' : '')],
    ['New token ID', token.id],
    ['Expires', token.expiredAt ?? 'never'],
    ['Secret', `${secretLabel(inputs)} (${stored})`],
    ['Revoked', revoked.length > 0 ? revoked.join(', ') : replacedByCreate(inputs) ? 'the previous token (replaced by creation)' : 'none'],
  ]);
}

type Owner = { readonly teamId: string | null; readonly teamName: string | null };

async function ownerOf(context: OperationContext, inputs: RotateToken): Promise<Owner> {
  if (!inputs.team) return { teamId: null, teamName: null };
  const teamId = await resolveTeamId(context.client, inputs.team, inputs.organization);
  return { teamId, teamName: 'name' in inputs.team ? inputs.team.name : null };
}

function replacedByCreate(inputs: RotateToken): boolean {
  return inputs.tokenType === 'organization' || inputs.tokenType === 'audit-trail' || inputs.legacy;
}

/**
 * The rotation's description: the stable base plus the UTC time, so later rotations can find this one. Milliseconds
 * included: two rotations in one second must not collide on the team's unique descriptions.
 */
function rotationDescription(base: string, now: number): string {
  return `${base} ${new Date(now).toISOString()}`;
}

async function mint(context: OperationContext, inputs: RotateToken, owner: Owner): Promise<MintedToken> {
  const { client, ledger, publisher } = context;
  const description = replacedByCreate(inputs) ? null : rotationDescription(inputs.description, context.now());
  // Rotated tokens outlive the job (ephemeral: false); the ledger still lets the post step delete a token whose
  // create was interrupted and whose secret therefore never arrived.
  const record: Omit<CleanupRecord, 'tokenId'> = {
    kind: inputs.legacy ? 'team-legacy' : inputs.tokenType,
    organization: inputs.organization,
    teamId: owner.teamId,
    agentPoolId: inputs.agentPoolId,
    description,
    expiredAt: inputs.expiresAt?.toISOString() ?? '',
    ephemeral: false,
  };
  const expiresAt = inputs.expiresAt as Date; // null only for agent tokens, which take no expiry
  return ledger.track(record, () => {
    switch (inputs.tokenType) {
      case 'agent':
        return agentTokens.create(client, inputs.agentPoolId as string, description as string, publisher.mask);
      case 'team':
        return inputs.legacy
          ? teamTokens.createLegacy(client, owner.teamId as string, expiresAt, publisher.mask)
          : teamTokens.create(client, owner.teamId as string, { description: description as string, expiredAt: expiresAt }, publisher.mask);
      default:
        return organizationTokens.create(client, inputs.organization as string, inputs.tokenType, expiresAt, publisher.mask);
    }
  });
}

/** The previous token is still valid: on any failure, delete the new one and leave everything as it was. */
async function storeOrRollBack(context: OperationContext, inputs: RotateToken, token: MintedToken): Promise<string> {
  try {
    await verify(context, inputs, token);
    return await store(inputs, token);
  } catch (error) {
    const rollback = await teamTokens.deleteById(context.client, token.id).then(
      () => {
        context.ledger.forget(token.id);
        return `the new token ${token.id} was deleted again and nothing changed`;
      },
      (deleteError: unknown) => `deleting the new token ${token.id} failed too (${errorMessage(deleteError)}); delete it by hand`,
    );
    throw new Error(`Rotation stopped: ${errorMessage(error)} The previous token is untouched; ${rollback}.`);
  }
}

/** Creating the token already revoked the previous one: there is nothing to roll back to. */
async function storeReplacement(context: OperationContext, inputs: RotateToken, token: MintedToken): Promise<string> {
  try {
    await verify(context, inputs, token);
    return await store(inputs, token);
  } catch (error) {
    throw new Error(
      `Rotation incomplete: ${errorMessage(error)} The new ${inputs.tokenType} token ${token.id} is live and the previous one is already revoked. ` +
        `It is in this step's token output (masked): store it from a later step in this job, or run the rotation again.`,
    );
  }
}

/** Agent tokens cannot call the API, so only the other kinds can be proven before they are stored. */
async function verify(context: OperationContext, inputs: RotateToken, token: MintedToken): Promise<void> {
  if (inputs.tokenType === 'agent') return;
  const client = context.connectAs(token.secret);
  try {
    await verifyToken(client);
  } catch (error) {
    throw new Error(`The new token does not authenticate (${errorMessage(error)}); an organization maximum-TTL policy shorter than the expiry can cause this.`);
  } finally {
    client.close();
  }
}

async function store(inputs: RotateToken, token: MintedToken): Promise<string> {
  // Loaded only here: per-job runs never pay for the GitHub client and libsodium.
  const { storeSecret } = await import('../github/secrets.js');
  const { secret } = inputs;
  const target = { name: secret.name, repository: secret.repository, environment: secret.environment, organization: secret.organization };
  const connection = { token: secret.githubToken, apiUrl: secret.apiUrl, userAgent: `tfc-token-action/${ACTION_VERSION}`, timeoutMs: inputs.requestTimeoutMs };
  return storeSecret(connection, target, token.secret);
}

/** Earlier rotations of the same description, newest first; the newest `keep-previous` stay valid. */
async function revokePrevious(context: OperationContext, inputs: RotateToken, owner: Owner, token: MintedToken): Promise<string[]> {
  const { client, io } = context;
  const earlier = (await rotationsOf(context, inputs, owner))
    .filter((candidate) => candidate.id !== token.id)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const revoked: string[] = [];
  for (const old of earlier.slice(inputs.keepPrevious)) {
    await teamTokens.deleteById(client, old.id);
    io.info(`Revoked ${old.id} ("${old.description}").`);
    revoked.push(old.id);
  }
  return revoked;
}

async function rotationsOf(context: OperationContext, inputs: RotateToken, owner: Owner): Promise<Token[]> {
  const pattern = new RegExp(`^${escape(inputs.description)} \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$`);
  if (inputs.tokenType === 'agent') {
    return (await agentTokens.listAll(context.client, inputs.agentPoolId as string)).filter((t) => pattern.test(t.description ?? ''));
  }
  const teamId = owner.teamId as string;
  const teamName = owner.teamName ?? (await readTeam(context.client, teamId)).name;
  const tokens = await teamTokens.listAll(context.client, inputs.organization as string, { teamName });
  return tokens.filter((t) => t.teamId === teamId && pattern.test(t.description ?? ''));
}

function secretLabel(inputs: RotateToken): string {
  const { secret } = inputs;
  if (secret.organization) return `organization secret ${secret.organization}/${secret.name}`;
  if (secret.environment) return `environment secret ${secret.repository}:${secret.environment}/${secret.name}`;
  return `repository secret ${secret.repository}/${secret.name}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
