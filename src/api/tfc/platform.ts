import type { TfcClient } from './client.js';

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs (ping and the TFP-AppName header; go-tfe reads it the
// same way)
export async function appName(client: TfcClient): Promise<string | null> {
  const headers = await client.ping();
  const name = headers['tfp-appname'];
  return typeof name === 'string' ? name : null;
}

/**
 * Audit-trail tokens exist only on HCP Terraform. Terraform Enterprise ignores `?token=audit-trails` and would
 * create or delete the organization token instead, so anything but a confirmed HCP Terraform is refused.
 */
export async function requireHcpTerraform(client: TfcClient): Promise<void> {
  const name = await appName(client);
  if (name !== 'HCP Terraform') {
    throw new Error(
      `Audit-trail tokens exist only on HCP Terraform, and ${client.hostname} reports itself as ` +
        `${name ? `"${name}"` : 'something else (no TFP-AppName header)'}. ` +
        'Terraform Enterprise ignores the audit-trail parameter and would act on the organization token instead, so ' +
        'nothing was done.',
    );
  }
}
