import { getOctokit } from '@actions/github';
import sodium from 'libsodium-wrappers';

export interface SecretTarget {
  readonly name: string;
  readonly repository: string;
  readonly environment: string | null;
  readonly organization: string | null;
}

export interface GitHubConnection {
  readonly token: string;
  readonly apiUrl: string;
  readonly userAgent: string;
}

type Octokit = ReturnType<typeof getOctokit>;
type PublicKey = { key_id: string; key: string };

// https://docs.github.com/en/rest/actions/secrets
/** Seals `value` with the target's public key and writes it: 'created' for a new secret, 'updated' otherwise. */
export async function storeSecret(connection: GitHubConnection, target: SecretTarget, value: string): Promise<'created' | 'updated'> {
  const octokit = getOctokit(connection.token, { baseUrl: connection.apiUrl, userAgent: connection.userAgent });
  try {
    const status = target.organization ? await storeOrganizationSecret(octokit, target.organization, target.name, value) : await storeRepositorySecret(octokit, target, value);
    return status === 201 ? 'created' : 'updated';
  } catch (error) {
    throw permissionError(error, target);
  }
}

/** libsodium sealed box of `value` for a base64 public key, base64-encoded, as GitHub's secrets API expects. */
export async function sealForGitHub(value: string, publicKeyBase64: string): Promise<string> {
  await sodium.ready;
  const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(value), key), sodium.base64_variants.ORIGINAL);
}

async function storeRepositorySecret(octokit: Octokit, target: SecretTarget, value: string): Promise<number> {
  const [owner, repo] = target.repository.split('/') as [string, string];
  const scope = target.environment
    ? `/repos/{owner}/{repo}/environments/{environment_name}/secrets`
    : `/repos/{owner}/{repo}/actions/secrets`;
  const parameters = { owner, repo, ...(target.environment ? { environment_name: target.environment } : {}) };
  const key = (await octokit.request(`GET ${scope}/public-key`, parameters)).data as PublicKey;
  const encrypted_value = await sealForGitHub(value, key.key);
  const answer = await octokit.request(`PUT ${scope}/{secret_name}`, { ...parameters, secret_name: target.name, encrypted_value, key_id: key.key_id });
  return answer.status;
}

/** An existing organization secret keeps its visibility and selected repositories; a new one is private. */
async function storeOrganizationSecret(octokit: Octokit, org: string, name: string, value: string): Promise<number> {
  const key = (await octokit.request('GET /orgs/{org}/actions/secrets/public-key', { org })).data as PublicKey;
  const existing = await octokit.request('GET /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name }).then(
    (answer) => answer.data as { visibility: 'all' | 'private' | 'selected' },
    (error: { status?: number }) => {
      if (error.status === 404) return null;
      throw error;
    },
  );
  const visibility = existing?.visibility ?? 'private';
  const selected = visibility === 'selected' ? { selected_repository_ids: await selectedRepositoryIds(octokit, org, name) } : {};
  const encrypted_value = await sealForGitHub(value, key.key);
  const answer = await octokit.request('PUT /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name, encrypted_value, key_id: key.key_id, visibility, ...selected });
  return answer.status;
}

async function selectedRepositoryIds(octokit: Octokit, org: string, name: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const { data } = await octokit.request('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', { org, secret_name: name, per_page: 100, page });
    const repositories = (data as { repositories: Array<{ id: number }> }).repositories;
    ids.push(...repositories.map((repository) => repository.id));
    if (repositories.length < 100) return ids;
  }
}

function permissionError(error: unknown, target: SecretTarget): Error {
  const status = (error as { status?: number }).status;
  const where = target.organization ? `organization secret ${target.organization}/${target.name}` : target.environment ? `environment secret ${target.repository}:${target.environment}/${target.name}` : `repository secret ${target.repository}/${target.name}`;
  if (status !== 401 && status !== 403 && status !== 404) return new Error(`Writing the ${where} failed: ${status ? `GitHub answered ${status}` : 'GitHub could not be reached'}.`);
  const needs = target.organization
    ? 'a fine-grained token or GitHub App with "Organization secrets: write" (classic token: admin:org)'
    : target.environment
      ? 'a fine-grained token or GitHub App with "Environments: write" and "Secrets: write" on the repository, and the environment must exist'
      : 'a fine-grained token or GitHub App with "Secrets: write" on the repository (classic token: repo)';
  return new Error(`GitHub answered ${status} writing the ${where}: github-token needs ${needs}. The workflow's GITHUB_TOKEN can never write secrets.`);
}
