export const id = 664;
export const ids = [664];
export const modules = {

/***/ 8664:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   storeSecret: () => (/* binding */ storeSecret)
/* harmony export */ });
/* unused harmony export sealForGitHub */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(542);
/* harmony import */ var libsodium_wrappers__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4768);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1635);
/* harmony import */ var _transport_transport_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5597);




/** A non-2xx answer or an unreachable GitHub, reduced to what is safe to print: never a request or a body. */
class GitHubCallError extends Error {
    status;
    constructor(status, detail) {
        super(detail);
        this.status = status;
        this.name = 'GitHubCallError';
    }
}
// https://docs.github.com/en/rest/actions/secrets
/** Seals `value` with the target's public key and writes it: 'created' for a new secret, 'updated' otherwise. */
async function storeSecret(connection, target, value, transport = (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeTransport */ ._3)({ userAgent: connection.userAgent, timeoutMs: connection.timeoutMs })) {
    const api = githubApi(connection, transport);
    try {
        const status = target.organization
            ? await storeOrganizationSecret(api, target.organization, target.name, value)
            : await storeRepositorySecret(api, target, value);
        return status === 201 ? 'created' : 'updated';
    }
    catch (error) {
        throw permissionError(error, target);
    }
    finally {
        transport.close();
    }
}
/** libsodium sealed box of `value` for a base64 public key, base64-encoded, as GitHub's secrets API expects. */
async function sealForGitHub(value, publicKeyBase64) {
    await libsodium_wrappers__WEBPACK_IMPORTED_MODULE_3__/* ["default"].ready */ .Ay.ready;
    const key = libsodium_wrappers__WEBPACK_IMPORTED_MODULE_3__/* ["default"].from_base64 */ .Ay.from_base64(publicKeyBase64, libsodium_wrappers__WEBPACK_IMPORTED_MODULE_3__/* ["default"].base64_variants */ .Ay.base64_variants.ORIGINAL);
    if (key.length !== libsodium_wrappers__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .Ay.crypto_box_PUBLICKEYBYTES) {
        throw new GitHubCallError(null, `GitHub sent a public key of ${key.length} bytes`);
    }
    return libsodium_wrappers__WEBPACK_IMPORTED_MODULE_3__/* ["default"].to_base64 */ .Ay.to_base64(libsodium_wrappers__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .Ay.crypto_box_seal(libsodium_wrappers__WEBPACK_IMPORTED_MODULE_3__/* ["default"].from_string */ .Ay.from_string(value), key), libsodium_wrappers__WEBPACK_IMPORTED_MODULE_3__/* ["default"].base64_variants */ .Ay.base64_variants.ORIGINAL);
}
async function storeRepositorySecret(api, target, value) {
    const repository = target.repository.split('/').map(encodeURIComponent).join('/');
    const scope = target.environment
        ? `/repos/${repository}/environments/${encodeURIComponent(target.environment)}/secrets`
        : `/repos/${repository}/actions/secrets`;
    const key = await publicKey(api, scope);
    const encrypted_value = await sealForGitHub(value, key.key);
    return api.put(`${scope}/${encodeURIComponent(target.name)}`, { encrypted_value, key_id: key.keyId });
}
/** An existing organization secret keeps its visibility and selected repositories; a new one is private. */
async function storeOrganizationSecret(api, org, name, value) {
    const scope = `/orgs/${encodeURIComponent(org)}/actions/secrets`;
    const secret = `${scope}/${encodeURIComponent(name)}`;
    const key = await publicKey(api, scope);
    const visibility = (await existingVisibility(api, secret)) ?? 'private';
    const selected = visibility === 'selected' ? { selected_repository_ids: await selectedRepositoryIds(api, secret) } : {};
    const encrypted_value = await sealForGitHub(value, key.key);
    return api.put(secret, { encrypted_value, key_id: key.keyId, visibility, ...selected });
}
async function publicKey(api, scope) {
    const { key_id: keyId, key } = ((await api.get(`${scope}/public-key`)) ?? {});
    if (typeof keyId !== 'string' || typeof key !== 'string') {
        throw new GitHubCallError(null, 'GitHub answered the public-key request without key_id and key');
    }
    return { keyId, key };
}
async function existingVisibility(api, secret) {
    let answer;
    try {
        answer = await api.get(secret);
    }
    catch (error) {
        if (error instanceof GitHubCallError && error.status === 404)
            return null;
        throw error;
    }
    const visibility = answer?.visibility;
    if (visibility === 'all' || visibility === 'private' || visibility === 'selected')
        return visibility;
    throw new GitHubCallError(null, 'GitHub described the existing secret with no known visibility; it was not overwritten');
}
/** Pages by number up to total_count (never a Link header: the token must only go to apiUrl), at most 100 pages. */
async function selectedRepositoryIds(api, secret) {
    const ids = [];
    for (let page = 1; page <= 100; page++) {
        const answer = (await api.get(`${secret}/repositories?per_page=100&page=${page}`));
        const repositories = answer?.repositories;
        if (!Array.isArray(repositories)) {
            throw new GitHubCallError(null, 'GitHub listed the selected repositories without a repositories array');
        }
        for (const repository of repositories) {
            const id = repository?.id;
            if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
                throw new GitHubCallError(null, 'GitHub listed a selected repository without a numeric id');
            }
            ids.push(id);
        }
        const total = answer?.total_count;
        if (repositories.length < 100 || (typeof total === 'number' && ids.length >= total))
            return ids;
    }
    throw new GitHubCallError(null, 'GitHub listed more than 10000 selected repositories');
}
function githubApi(connection, transport) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(connection.token, {
        baseUrl: connection.apiUrl,
        userAgent: connection.userAgent,
        request: { fetch: transportFetch(transport) },
    });
    const call = async (method, path, body) => {
        try {
            return await octokit.request(`${method} ${path}`, { ...body, headers: { 'X-GitHub-Api-Version': '2022-11-28' } });
        }
        catch (error) {
            throw callError(error, method, path);
        }
    };
    return {
        get: async (path) => (await call('GET', path, null)).data,
        put: async (path, body) => (await call('PUT', path, body)).status,
    };
}
/** Octokit's errors reduced to a status and GitHub's one-line message; never the request, which holds the token. */
function callError(error, method, path) {
    const cause = error.cause;
    if (cause instanceof _transport_transport_js__WEBPACK_IMPORTED_MODULE_2__/* .TransportError */ .wX)
        return new GitHubCallError(null, `GitHub could not be reached (${clean(cause.code)})`);
    const { status, response } = error;
    if (typeof status !== 'number' || (status === 500 && !response)) {
        return new GitHubCallError(null, `GitHub could not be reached (${clean((0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(cause ?? error))})`);
    }
    const data = response?.data;
    if (status >= 200 && status < 300) {
        return new GitHubCallError(null, `GitHub answered ${method} ${path.split('?')[0]} with a body that is not JSON`);
    }
    return new GitHubCallError(status, `GitHub answered ${status}${githubMessage(typeof data === 'string' ? data : JSON.stringify(data ?? null))}`);
}
/**
 * A fetch for Octokit on top of the action's transport: it sends exactly the request it is given and answers with
 * whatever came back (redirects are not followed, so the token only goes to the API URL).
 */
function transportFetch(transport) {
    return (async (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const headers = {};
        new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
        const body = typeof init?.body === 'string' ? init.body : null;
        const answer = await transport.send(init?.method ?? 'GET', url, body, headers);
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined)
                answerHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const empty = [204, 205, 304].includes(answer.status);
        const response = new Response(empty ? null : answer.body, { status: answer.status, headers: answerHeaders });
        Object.defineProperty(response, 'url', { value: url });
        return response;
    });
}
/** GitHub's own one-line `message`, without control characters and clipped; never the rest of the body. */
function githubMessage(body) {
    try {
        const message = JSON.parse(body)?.message;
        return typeof message === 'string' && message ? ` (${clean(message)})` : '';
    }
    catch {
        return '';
    }
}
function clean(text) {
    const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
    return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
function permissionError(error, target) {
    const status = error instanceof GitHubCallError ? error.status : null;
    const detail = (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
    const where = target.organization
        ? `organization secret ${target.organization}/${target.name}`
        : target.environment
            ? `environment secret ${target.repository}:${target.environment}/${target.name}`
            : `repository secret ${target.repository}/${target.name}`;
    if (status !== 401 && status !== 403 && status !== 404)
        return new Error(`Writing the ${where} failed: ${detail}.`);
    const needs = target.organization
        ? 'a fine-grained token or GitHub App with "Organization secrets: write" (classic token: admin:org)'
        : target.environment
            ? 'a fine-grained token or GitHub App with "Environments: write" and "Secrets: write" on the repository, ' +
                'and the environment must exist'
            : 'a fine-grained token or GitHub App with "Secrets: write" on the repository (classic token: repo)';
    const never = "The workflow's GITHUB_TOKEN can never write secrets.";
    return new Error(`${detail} writing the ${where}: github-token needs ${needs}. ${never}`);
}


/***/ })

};
