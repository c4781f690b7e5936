import type { CreateAgentToken } from '../../inputs/parse.js';
import * as agentTokens from '../../api/tfc/agent-tokens.js';
import type { MintedToken } from '../../api/tfc/types.js';
import type { OperationContext } from '../../tokens/context.js';
import { mint } from '../../tokens/mint.js';
import { withNonce } from '../../tokens/ownership.js';

/** An agent started for one job gets a token that dies with the job; agent tokens cannot expire on their own. */
export async function createAgentToken(context: OperationContext, inputs: CreateAgentToken): Promise<MintedToken> {
  const { client, publisher, io } = context;
  const description = withNonce(inputs.description, context.randomHex());
  const { agentPoolId, ephemeral } = inputs;
  const record = {
    kind: 'agent',
    organization: null,
    teamId: null,
    agentPoolId,
    description,
    expiredAt: '',
    ephemeral,
  } as const;
  const token = await mint(context, record, () => agentTokens.create(client, agentPoolId, description, publisher.mask));
  publisher.tokenOutputs(token);
  io.info(`Created agent token ${token.id} for agent pool ${inputs.agentPoolId}; agent tokens do not expire.`);
  if (!inputs.ephemeral)
    io.warning(`Agent token ${token.id} never expires and ephemeral is false: delete it when it is no longer needed.`);
  await publisher.summary('HCP Terraform agent token created', [
    ['Type', 'agent'],
    ['Token ID', token.id],
    ['Agent pool', inputs.agentPoolId],
    ['Description', token.description ?? ''],
    ['Expires', 'never (agent tokens have no expiry)'],
    ['Deleted when the job ends', inputs.ephemeral ? 'yes' : 'no'],
  ]);
  return token;
}
