import * as organizationTokens from '../../api/tfc/organization-tokens.js';
import type { CreateOrganizationToken } from '../../inputs/parse.js';
import { expiresClause } from '../../runner/io.js';
import { requireHcpTerraform } from '../../api/tfc/platform.js';
import type { MintedToken } from '../../api/tfc/types.js';
import type { OperationContext } from '../../tokens/context.js';
import { createToken } from '../../tokens/create.js';

/** One token per organization (and one audit-trail token): replacing it revokes what every other consumer uses. */
export async function createOrganizationToken(
  context: OperationContext,
  inputs: CreateOrganizationToken,
): Promise<MintedToken> {
  const { client, publisher, io } = context;
  const { organization, tokenType } = inputs;
  if (tokenType === 'audit-trail') await requireHcpTerraform(client);
  const existing = await organizationTokens.read(client, organization, tokenType);
  if (existing && !inputs.replaceExisting) {
    throw new Error(
      `Organization "${organization}" already has an ${tokenType} token (${existing.id}); creating another would ` +
        `revoke it at once. Nothing was changed. Set replace-existing: true to replace it.`,
    );
  }
  const token = await createToken(context, {
    owner: { kind: tokenType, organization, teamId: null, ephemeral: inputs.ephemeral },
    description: null,
    expiresAt: inputs.expiresAt,
    expiryDefaulted: inputs.expiryDefaulted,
    send: (_description, expiresAt) =>
      organizationTokens.create(client, organization, tokenType, expiresAt!, publisher.mask),
  });
  publisher.tokenOutputs(token);
  if (existing)
    io.info(`Replaced the organization's previous ${tokenType} token ${existing.id}, which is now revoked.`);
  io.info(`Created the ${tokenType} token ${token.id} for "${organization}"; ${expiresClause(token.expiredAt)}.`);
  await publisher.summary(`HCP Terraform ${tokenType} token created`, [
    ['Type', tokenType],
    ['Token ID', token.id],
    ['Organization', organization],
    ['Expires', token.expiredAt ?? 'never'],
    ['Replaced a previous token', existing ? `yes (${existing.id})` : 'no'],
    ['Deleted when the job ends', inputs.ephemeral ? 'yes' : 'no'],
  ]);
  return token;
}
