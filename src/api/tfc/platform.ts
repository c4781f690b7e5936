import type { ServerHeaders, TfcClient } from './client.js';

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

/**
 * Whether the server has the multiple-team-tokens API (`POST /teams/:id/authentication-tokens`), as far as the
 * headers of answers already received tell: HCP Terraform always has it; Terraform Enterprise from 1.1.0. Its numeric
 * version (X-TFE-Current-Version) decides; a release string alone (X-TFE-Version, `v202409-1`) belongs to the monthly
 * releases, which all came before 1.0.0. Anything else is unknown.
 */
export function hasMultipleTeamTokens(server: ServerHeaders): boolean | null {
  if (server.appName === 'HCP Terraform') return true;
  // Another product that speaks the API (it names itself otherwise) has versions of its own.
  if (server.appName !== null && server.appName !== 'Terraform Enterprise') return null;
  const version = /^v?(\d+)\.(\d+)\.(\d+)/.exec(server.currentVersion ?? '');
  if (version) {
    const [major, minor] = [Number(version[1]), Number(version[2])];
    return major > 1 || (major === 1 && minor >= 1);
  }
  if (!server.currentVersion && /^v?\d{6}-\d+$/.test(server.release ?? '')) return false;
  return null;
}
