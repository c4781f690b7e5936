import sodium from 'libsodium-wrappers';
import { AmbiguousRequestError, errorMessage } from '../../common/errors.js';
import type { Transport } from '../../transport/transport.js';
import { githubApi, GitHubCallError, type Api, type GitHubCallOptions, type GitHubConnection } from './request.js';

// Loaded only by mode: rotate (dynamic import), so per-job runs never evaluate the GitHub client or libsodium.
// The calls go through request.ts (Octokit over the action's transport, and the one retrying path).

export interface SecretTarget {
  readonly name: string;
  readonly repository: string;
  readonly environment: string | null;
  readonly organization: string | null;
}

type Visibility = 'all' | 'private' | 'selected';

// https://docs.github.com/en/rest/actions/secrets
/**
 * Seals `value` with the target's public key and writes it: 'created' for a new secret, 'updated' otherwise. The
 * transport is closed once done.
 */
export async function storeSecret(
  connection: GitHubConnection,
  target: SecretTarget,
  value: string,
  transport: Transport,
  options: GitHubCallOptions = {},
): Promise<'created' | 'updated'> {
  const api = githubApi(connection, transport, options);
  try {
    const status = target.organization
      ? await storeOrganizationSecret(api, target.organization, target.name, value)
      : await storeRepositorySecret(api, target, value);
    return writeOutcome(status, target);
  } catch (error) {
    // The PUT may have written the secret: the caller must know, or it would revoke what the secret now holds.
    if (error instanceof AmbiguousRequestError) throw error;
    throw permissionError(error, target);
  } finally {
    transport.close();
  }
}

/**
 * GitHub answers a secret PUT with 201 (created) or 204 (updated); nothing else is a write. A redirect (not followed:
 * the token only goes to the API URL) or a 4xx wrote nothing; another 2xx is unexplained, so the secret may or may
 * not hold the new value.
 */
function writeOutcome(status: number, target: SecretTarget): 'created' | 'updated' {
  if (status === 201) return 'created';
  if (status === 204) return 'updated';
  const what = `GitHub answered ${status} to the secret write, which is neither 201 (created) nor 204 (updated)`;
  if (status >= 200 && status < 300) throw new AmbiguousRequestError('PUT', `secret ${target.name}`, what);
  throw new GitHubCallError(status, what);
}

/** libsodium sealed box of `value` for a base64 public key, base64-encoded, as GitHub's secrets API expects. */
export async function sealForGitHub(value: string, publicKeyBase64: string): Promise<string> {
  await sodium.ready;
  const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  if (key.length !== sodium.crypto_box_PUBLICKEYBYTES) {
    throw new GitHubCallError(null, `GitHub sent a public key of ${key.length} bytes`);
  }
  return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(value), key), sodium.base64_variants.ORIGINAL);
}

async function storeRepositorySecret(api: Api, target: SecretTarget, value: string): Promise<number> {
  const repository = target.repository.split('/').map(encodeURIComponent).join('/');
  const scope = target.environment
    ? `/repos/${repository}/environments/${encodeURIComponent(target.environment)}/secrets`
    : `/repos/${repository}/actions/secrets`;
  const key = await publicKey(api, scope);
  const encrypted_value = await sealForGitHub(value, key.key);
  return api.put(`${scope}/${encodeURIComponent(target.name)}`, { encrypted_value, key_id: key.keyId });
}

/** An existing organization secret keeps its visibility and selected repositories; a new one is private. */
async function storeOrganizationSecret(api: Api, org: string, name: string, value: string): Promise<number> {
  const scope = `/orgs/${encodeURIComponent(org)}/actions/secrets`;
  const secret = `${scope}/${encodeURIComponent(name)}`;
  const key = await publicKey(api, scope);
  const visibility = (await existingVisibility(api, secret)) ?? 'private';
  const selected =
    visibility === 'selected' ? { selected_repository_ids: await selectedRepositoryIds(api, secret) } : {};
  const encrypted_value = await sealForGitHub(value, key.key);
  return api.put(secret, { encrypted_value, key_id: key.keyId, visibility, ...selected });
}

async function publicKey(api: Api, scope: string): Promise<{ keyId: string; key: string }> {
  const { key_id: keyId, key } = ((await api.get(`${scope}/public-key`)) ?? {}) as { key_id?: unknown; key?: unknown };
  if (typeof keyId !== 'string' || typeof key !== 'string') {
    throw new GitHubCallError(null, 'GitHub answered the public-key request without key_id and key');
  }
  return { keyId, key };
}

async function existingVisibility(api: Api, secret: string): Promise<Visibility | null> {
  let answer: unknown;
  try {
    answer = await api.get(secret);
  } catch (error) {
    if (error instanceof GitHubCallError && error.status === 404) return null;
    throw error;
  }
  const visibility = (answer as { visibility?: unknown } | null)?.visibility;
  if (visibility === 'all' || visibility === 'private' || visibility === 'selected') return visibility;
  throw new GitHubCallError(
    null,
    'GitHub described the existing secret with no known visibility; it was not overwritten',
  );
}

/** Pages by number up to total_count (never a Link header: the token must only go to apiUrl), at most 100 pages. */
async function selectedRepositoryIds(api: Api, secret: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; page <= 100; page++) {
    type Page = { total_count?: unknown; repositories?: unknown } | null;
    const answer = (await api.get(`${secret}/repositories?per_page=100&page=${page}`)) as Page;
    const repositories = answer?.repositories;
    if (!Array.isArray(repositories)) {
      throw new GitHubCallError(null, 'GitHub listed the selected repositories without a repositories array');
    }
    for (const repository of repositories) {
      const id = (repository as { id?: unknown } | null)?.id;
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
        throw new GitHubCallError(null, 'GitHub listed a selected repository without a numeric id');
      }
      ids.push(id);
    }
    const total = answer?.total_count;
    if (repositories.length < 100 || (typeof total === 'number' && ids.length >= total)) return ids;
  }
  throw new GitHubCallError(null, 'GitHub listed more than 10000 selected repositories');
}

function permissionError(error: unknown, target: SecretTarget): Error {
  const status = error instanceof GitHubCallError ? error.status : null;
  const detail = errorMessage(error);
  const where = target.organization
    ? `organization secret ${target.organization}/${target.name}`
    : target.environment
      ? `environment secret ${target.repository}:${target.environment}/${target.name}`
      : `repository secret ${target.repository}/${target.name}`;
  if (status !== 401 && status !== 403 && status !== 404) return new Error(`Writing the ${where} failed: ${detail}.`);
  const needs = target.organization
    ? 'a fine-grained token or GitHub App with "Organization secrets: write" (classic token: admin:org)'
    : target.environment
      ? 'a fine-grained token or GitHub App with "Environments: write" and "Secrets: write" on the repository, ' +
        'and the environment must exist'
      : 'a fine-grained token or GitHub App with "Secrets: write" on the repository (classic token: repo)';
  const never = "The workflow's GITHUB_TOKEN can never write secrets.";
  return new Error(`${detail} writing the ${where}: github-token needs ${needs}. ${never}`);
}
