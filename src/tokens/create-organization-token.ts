import type { CreateOrganizationToken } from '../inputs.js';
import * as organizationTokens from '../tfc/organization-tokens.js';
import type { MintedToken } from '../tfc/types.js';
import type { OperationContext } from './context.js';

/** One token per organization: replacing it revokes what every other consumer uses, so that needs consent. */
export async function createOrganizationToken(context: OperationContext, inputs: CreateOrganizationToken): Promise<MintedToken> {
  const { client, ledger, publisher, io } = context;
  const existing = await organizationTokens.read(client, inputs.organization);
  if (existing && !inputs.replaceExisting) {
    throw new Error(
      `Organization "${inputs.organization}" already has an organization token (${existing.id}); creating another would revoke it at once. Nothing was changed. Set replace-existing: true to replace it.`,
    );
  }
  const record = { kind: 'organization', organization: inputs.organization, teamId: null, description: null, expiredAt: inputs.expiresAt.toISOString(), ephemeral: inputs.ephemeral } as const;
  const token = await ledger.track(record, () => organizationTokens.create(client, inputs.organization, inputs.expiresAt, publisher.mask));
  publisher.tokenOutputs(token);
  if (existing) io.info(`Replaced the organization's previous token ${existing.id}, which is now revoked.`);
  io.info(`Created the organization token ${token.id} for "${inputs.organization}"; it expires at ${token.expiredAt ?? 'never'}.`);
  await publisher.summary('HCP Terraform organization token created', [
    ['Type', 'organization'],
    ['Token ID', token.id],
    ['Organization', inputs.organization],
    ['Expires', token.expiredAt ?? 'never'],
    ['Replaced a previous token', existing ? `yes (${existing.id})` : 'no'],
    ['Deleted when the job ends', inputs.ephemeral ? 'yes' : 'no'],
  ]);
  return token;
}
