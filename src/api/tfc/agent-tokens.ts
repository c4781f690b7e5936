import { mintedTokenFrom, tokenFrom } from './team-tokens.js';
import type { TfcClient } from './client.js';
import type { MintedToken, OnSecret, Token } from './types.js';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/agent-tokens
// Agent tokens have a description and no expiry; they are deleted by id like team tokens.

export async function create(
  client: TfcClient,
  agentPoolId: string,
  description: string,
  onSecret: OnSecret,
): Promise<MintedToken> {
  const document = await client.post(`/agent-pools/${encodeURIComponent(agentPoolId)}/authentication-tokens`, {
    data: { type: 'authentication-tokens', attributes: { description } },
  });
  return mintedTokenFrom(document, onSecret, client.unreadable);
}

export async function list(client: TfcClient, agentPoolId: string): Promise<Token[]> {
  return (await client.getAll(`/agent-pools/${encodeURIComponent(agentPoolId)}/authentication-tokens`)).map((item) =>
    tokenFrom(item, client.unreadable),
  );
}
