import { ApiError } from '../../common/errors.js';
import type { RotateToken } from '../../inputs/parse.js';
import type { Credential } from '../../api/tfc/account.js';
import * as agentTokens from '../../api/tfc/agent-tokens.js';
import * as teamTokens from '../../api/tfc/team-tokens.js';
import type { MintedToken, Token } from '../../api/tfc/types.js';
import { teamWithOrganization, type OperationContext } from '../../tokens/context.js';
import { classify, markIn, revocationPlan, type Lineage, type Owner } from './lineage.js';

/**
 * What a rotation revokes once every destination holds the new token, and the checks before anything is created that
 * decide it: who the credential is, and whether the adopted token may be revoked.
 */

export interface Revocation {
  /** Who the api-token is; null for kinds whose creation replaces the previous token. */
  readonly credential: Credential | null;
  readonly adopted: Token | null;
}

/**
 * Revokes what the new token replaces, now that every destination holds it: earlier rotations of this destination
 * (see revocationPlan), then the adopted token, and the credential in use last of all, since every request before it
 * needs it.
 */
export async function revokePrevious(
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

/**
 * The token named by adopt-token-id, checked before anything is created: it must be a token of the team being
 * rotated, and not a token another destination's rotation made (that destination may hold it).
 */
export async function adoptedToken(
  context: OperationContext,
  inputs: RotateToken,
  lineage: Lineage,
): Promise<Token | null> {
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
  const mark = markIn(token.description);
  if (mark && mark !== lineage.mark) throw refuse('was made by a rotation into another destination, which holds it');
  context.io.info(
    `adopt-token-id ${id} is a token of ${team}: it is revoked last, once every destination holds its successor.`,
  );
  return token;
}

/** The tokens among which this rotation's own are: the team's (or the agent pool's). */
export async function tokensOf(context: OperationContext, inputs: RotateToken, owner: Owner): Promise<Token[]> {
  if (inputs.tokenType === 'agent') return agentTokens.list(context.client, inputs.agentPoolId as string);
  const teamId = owner.teamId as string;
  const team =
    owner.teamName && inputs.organization
      ? { name: owner.teamName, organization: inputs.organization }
      : await teamWithOrganization(context.client, teamId, inputs.organization);
  const tokens = await teamTokens.list(context.client, team.organization, { teamName: team.name });
  return tokens.filter((t) => t.teamId === teamId);
}
