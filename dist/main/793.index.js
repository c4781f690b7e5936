export const id = 793;
export const ids = [793];
export const modules = {

/***/ 7793:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   storeSecret: () => (/* binding */ storeSecret)
/* harmony export */ });
/* unused harmony export sealForGitHub */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4768);


// https://docs.github.com/en/rest/actions/secrets
/** Seals `value` with the target's public key and writes it: 'created' for a new secret, 'updated' otherwise. */
async function storeSecret(connection, target, value) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(connection.token, { baseUrl: connection.apiUrl, userAgent: connection.userAgent });
    try {
        const status = target.organization ? await storeOrganizationSecret(octokit, target.organization, target.name, value) : await storeRepositorySecret(octokit, target, value);
        return status === 201 ? 'created' : 'updated';
    }
    catch (error) {
        throw permissionError(error, target);
    }
}
/** libsodium sealed box of `value` for a base64 public key, base64-encoded, as GitHub's secrets API expects. */
async function sealForGitHub(value, publicKeyBase64) {
    await libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].ready */ .Ay.ready;
    const key = libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].from_base64 */ .Ay.from_base64(publicKeyBase64, libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].base64_variants */ .Ay.base64_variants.ORIGINAL);
    return libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].to_base64 */ .Ay.to_base64(libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .Ay.crypto_box_seal(libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].from_string */ .Ay.from_string(value), key), libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].base64_variants */ .Ay.base64_variants.ORIGINAL);
}
async function storeRepositorySecret(octokit, target, value) {
    const [owner, repo] = target.repository.split('/');
    const scope = target.environment
        ? `/repos/{owner}/{repo}/environments/{environment_name}/secrets`
        : `/repos/{owner}/{repo}/actions/secrets`;
    const parameters = { owner, repo, ...(target.environment ? { environment_name: target.environment } : {}) };
    const key = (await octokit.request(`GET ${scope}/public-key`, parameters)).data;
    const encrypted_value = await sealForGitHub(value, key.key);
    const answer = await octokit.request(`PUT ${scope}/{secret_name}`, { ...parameters, secret_name: target.name, encrypted_value, key_id: key.key_id });
    return answer.status;
}
/** An existing organization secret keeps its visibility and selected repositories; a new one is private. */
async function storeOrganizationSecret(octokit, org, name, value) {
    const key = (await octokit.request('GET /orgs/{org}/actions/secrets/public-key', { org })).data;
    const existing = await octokit.request('GET /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name }).then((answer) => answer.data, (error) => {
        if (error.status === 404)
            return null;
        throw error;
    });
    const visibility = existing?.visibility ?? 'private';
    const selected = visibility === 'selected' ? { selected_repository_ids: await selectedRepositoryIds(octokit, org, name) } : {};
    const encrypted_value = await sealForGitHub(value, key.key);
    const answer = await octokit.request('PUT /orgs/{org}/actions/secrets/{secret_name}', { org, secret_name: name, encrypted_value, key_id: key.key_id, visibility, ...selected });
    return answer.status;
}
async function selectedRepositoryIds(octokit, org, name) {
    const ids = [];
    for (let page = 1;; page++) {
        const { data } = await octokit.request('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', { org, secret_name: name, per_page: 100, page });
        const repositories = data.repositories;
        ids.push(...repositories.map((repository) => repository.id));
        if (repositories.length < 100)
            return ids;
    }
}
function permissionError(error, target) {
    const status = error.status;
    const where = target.organization ? `organization secret ${target.organization}/${target.name}` : target.environment ? `environment secret ${target.repository}:${target.environment}/${target.name}` : `repository secret ${target.repository}/${target.name}`;
    if (status !== 401 && status !== 403 && status !== 404)
        return new Error(`Writing the ${where} failed: ${status ? `GitHub answered ${status}` : 'GitHub could not be reached'}.`);
    const needs = target.organization
        ? 'a fine-grained token or GitHub App with "Organization secrets: write" (classic token: admin:org)'
        : target.environment
            ? 'a fine-grained token or GitHub App with "Environments: write" and "Secrets: write" on the repository, and the environment must exist'
            : 'a fine-grained token or GitHub App with "Secrets: write" on the repository (classic token: repo)';
    return new Error(`GitHub answered ${status} writing the ${where}: github-token needs ${needs}. The workflow's GITHUB_TOKEN can never write secrets.`);
}


/***/ })

};
