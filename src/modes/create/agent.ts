import type { CreateAgentToken } from '../../inputs/parse.js';
import * as agentTokens from '../../api/tfc/agent-tokens.js';
import type { MintedToken } from '../../api/tfc/types.js';
import type { OperationContext } from '../../tokens/context.js';
import { createToken } from '../../tokens/create.js';

/** An agent started for one job gets a token that dies with the job; agent tokens cannot expire on their own. */
export async function createAgentToken(context: OperationContext, inputs: CreateAgentToken): Promise<MintedToken> {
  const { client, publisher, io } = context;
  const { agentPoolId, ephemeral } = inputs;
  // Sent once: an uncertain outcome is left to the post step, which finds the token by its nonce.
  const token = await createToken(context, {
    owner: { kind: 'agent', organization: null, teamId: null, agentPoolId, ephemeral },
    description: inputs.description,
    expiresAt: null,
    send: (description) => agentTokens.create(client, agentPoolId, description!, publisher.mask),
  });
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
