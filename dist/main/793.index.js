export const id = 793;
export const ids = [793];
export const modules = {

/***/ 7793:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   storeSecret: () => (/* binding */ storeSecret)
/* harmony export */ });
/* unused harmony export sealForGitHub */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(542);
/* harmony import */ var libsodium_wrappers__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4768);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5071);
/* harmony import */ var _tfc_transport_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4821);




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
async function storeSecret(connection, target, value, transport = (0,_tfc_transport_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeTransport */ ._3)({ userAgent: connection.userAgent, timeoutMs: connection.timeoutMs })) {
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
    if (cause instanceof _tfc_transport_js__WEBPACK_IMPORTED_MODULE_2__/* .TransportError */ .wX)
        return new GitHubCallError(null, `GitHub could not be reached (${clean(cause.code)})`);
    const { status, response } = error;
    if (typeof status !== 'number' || status === 500 && !response) {
        return new GitHubCallError(null, `GitHub could not be reached (${clean((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(cause ?? error))})`);
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
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
    return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
function permissionError(error, target) {
    const status = error instanceof GitHubCallError ? error.status : null;
    const detail = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
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


/***/ }),

/***/ 5864:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NE: () => (/* binding */ CERTIFICATE_ERROR),
/* harmony export */   Rl: () => (/* binding */ NOT_CONNECTED_CODES),
/* harmony export */   tE: () => (/* binding */ decideRetry)
/* harmony export */ });
/* unused harmony exports MAX_ATTEMPTS, MAX_ELAPSED_MS, rateLimitDelayMs */
/**
 * The one retry policy. A 429 was not processed, so any method may repeat it after the server's reset time.
 * A 5xx or a broken connection may hide a processed request: only GET and DELETE (idempotent) repeat those,
 * and a POST repeats only when the connection was never made. Everything stops within MAX_ELAPSED_MS.
 */
const MAX_ATTEMPTS = 10;
const MAX_ELAPSED_MS = 60_000;
const MAX_JITTER_MS = 300;
/** Errors raised before a connection existed: the server cannot have seen the request. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/**
 * The server's certificate was refused (untrusted CA, wrong name, expired): nothing was sent, and asking again
 * brings the same certificate, so these fail at once instead of after a minute of retries.
 */
const CERTIFICATE_ERROR = /^(ERR_TLS_CERT_ALTNAME_INVALID|[A-Z_]*CERT[A-Z_]*|UNABLE_TO_[A-Z_]+)\b/;
function decideRetry(method, outcome, attempt, elapsedMs, clock) {
    if (attempt >= MAX_ATTEMPTS)
        return { retry: false };
    const delay = baseDelayMs(method, outcome, attempt, clock.nowSeconds);
    if (delay === null)
        return { retry: false };
    const delayMs = Math.round(delay + clock.random() * MAX_JITTER_MS);
    return elapsedMs + delayMs > MAX_ELAPSED_MS ? { retry: false } : { retry: true, delayMs };
}
function baseDelayMs(method, outcome, attempt, nowSeconds) {
    const idempotent = method === 'GET' || method === 'DELETE';
    if ('networkError' in outcome) {
        if (CERTIFICATE_ERROR.test(outcome.networkError))
            return null;
        return idempotent || !outcome.connected ? backoffMs(attempt) : null;
    }
    if (outcome.status === 429)
        return rateLimitDelayMs(outcome.rateLimitReset, nowSeconds) ?? backoffMs(attempt);
    if (idempotent && [500, 502, 503, 504].includes(outcome.status))
        return backoffMs(attempt);
    return null;
}
function backoffMs(attempt) {
    return Math.min(500 * 2 ** (attempt - 1), 8_000);
}
/**
 * HCP Terraform sends X-RateLimit-Reset as seconds (a float) until the window resets, as go-tfe reads it.
 * A value that looks like a Unix time is taken as one, in case a proxy or a future server sends that form.
 */
function rateLimitDelayMs(header, nowSeconds) {
    if (header === undefined || !/^\d+(\.\d+)?$/.test(header.trim()))
        return null;
    const value = Number(header);
    const seconds = value > 1e9 ? value - nowSeconds : value;
    return Math.min(Math.max(seconds, 0), 30) * 1000;
}


/***/ }),

/***/ 4821:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wX: () => (/* binding */ TransportError),
  _3: () => (/* binding */ nodeTransport)
});

// UNUSED EXPORTS: MAX_BODY_BYTES

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var lib_proxy = __webpack_require__(9783);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./lib/src/tfc/proxy-tunnel.js



/**
 * A keep-alive agent whose connections go through `CONNECT host:port` at an HTTP(S) proxy, as @actions/http-client's
 * tunnel does; the TLS session to the API runs inside the tunnel, so the proxy sees neither the token nor the answers.
 */
function proxyAgent(proxy, secure, options) {
    const pending = new Set();
    const open = (target, done) => pending.add(tunnel(proxy, target, options.ca, (error, socket) => done(error, socket)));
    const finish = (agent) => {
        for (const request of pending)
            request.destroy();
        pending.clear();
        external_node_http_.Agent.prototype.destroy.call(agent);
    };
    if (secure) {
        return new (class extends external_node_https_.Agent {
            createConnection(target, created) {
                open(target, (error, socket) => {
                    if (error)
                        created(error);
                    else
                        created(null, (0,external_node_tls_.connect)({ ...target, socket }));
                });
                // Node's agent waits for the callback when nothing is returned.
                return undefined;
            }
            destroy() {
                finish(this);
            }
        })(options);
    }
    return new (class extends external_node_http_.Agent {
        createConnection(target, created) {
            open(target, (error, socket) => created(error, socket));
            return undefined;
        }
        destroy() {
            finish(this);
        }
    })({ keepAlive: options.keepAlive ?? false });
}
function tunnel(proxy, target, ca, done) {
    const host = String(target.host ?? target.hostname);
    const authority = `${host.includes(':') ? `[${host}]` : host}:${target.port}`;
    const basic = Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64');
    const credentials = proxy.username ? { 'Proxy-Authorization': `Basic ${basic}` } : {};
    const secureProxy = proxy.protocol === 'https:';
    const request = (secureProxy ? external_node_https_.request : external_node_http_.request)({
        host: proxy.hostname.replace(/^\[|\]$/g, ''),
        port: proxy.port || (secureProxy ? 443 : 80),
        method: 'CONNECT',
        path: authority,
        headers: { Host: authority, ...credentials },
        agent: false,
        ...(secureProxy && ca ? { ca } : {}),
    });
    request.once('connect', (response, socket) => {
        if (response.statusCode === 200)
            return done(null, socket);
        socket.destroy();
        done(new Error(`the proxy ${proxy.host} refused a tunnel to ${authority} (HTTP ${response.statusCode})`));
    });
    request.once('error', (error) => {
        const cause = error.code ?? error.message;
        done(new Error(`the proxy ${proxy.host} could not be reached (${cause})`));
    });
    request.end();
    return request;
}

// EXTERNAL MODULE: ./lib/src/tfc/retry.js
var retry = __webpack_require__(5864);
;// CONCATENATED MODULE: ./lib/src/tfc/transport.js





/** The connection failed; `connected` says whether the server may have received the request. */
class TransportError extends Error {
    code;
    connected;
    constructor(code, connected) {
        super(code);
        this.code = code;
        this.connected = connected;
        this.name = 'TransportError';
    }
}
/** No answer of the APIs this action calls comes near this; a bigger one is refused rather than held in memory. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/**
 * node:http(s) with keep-alive (a look-up and a create share one TLS handshake), no redirects (the credential goes
 * to the configured host only) and no retries of its own (the policy lives in retry.ts). HTTPS_PROXY / HTTP_PROXY /
 * NO_PROXY are read as @actions/http-client reads them; a proxy is used through a CONNECT tunnel, so TLS stays
 * end to end.
 */
function nodeTransport(options) {
    const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    const tls = options.ca ? { ca: options.ca } : {};
    const agents = new Map();
    const agentFor = (url) => {
        const proxy = (0,lib_proxy/* getProxyUrl */.s)(url);
        const key = `${url.protocol}${proxy ? ` via ${proxy.href}` : ''}`;
        let agent = agents.get(key);
        if (!agent) {
            const secure = url.protocol === 'https:';
            agent = proxy
                ? proxyAgent(proxy, secure, { keepAlive: true, ...tls })
                : secure
                    ? new external_node_https_.Agent({ keepAlive: true, ...tls })
                    : new external_node_http_.Agent({ keepAlive: true });
            agents.set(key, agent);
        }
        return agent;
    };
    return {
        send(method, url, body, headers) {
            const target = new URL(url);
            const request = target.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
            const outgoing = request(target, {
                method,
                agent: agentFor(target),
                headers: {
                    ...headers,
                    'User-Agent': options.userAgent,
                    ...(body === null ? {} : { 'Content-Length': Buffer.byteLength(body) }),
                },
            });
            return exchange(outgoing, body, { method, path: target.pathname, timeoutMs: options.timeoutMs, maxBodyBytes });
        },
        close() {
            for (const agent of agents.values())
                agent.destroy();
            agents.clear();
        },
    };
}
/** Sends the request and reads the whole answer, or rejects once: never hangs past the deadline. */
function exchange(outgoing, body, limits) {
    return new Promise((resolve, reject) => {
        let settled = false;
        // Until the connection (and its TLS handshake) is up, nothing of the request has left this process.
        let connected = false;
        const finish = (error, response) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(deadline);
            if (error) {
                outgoing.destroy();
                reject(error);
            }
            else
                resolve(response);
        };
        const deadline = setTimeout(() => {
            const seconds = Math.round(limits.timeoutMs / 1000);
            finish(new TransportError(`ETIMEDOUT (no complete answer within ${seconds} s)`, connected));
        }, limits.timeoutMs);
        outgoing.on('socket', (socket) => {
            // A fresh TLS socket cannot have finished its handshake yet: that takes a round trip.
            if (outgoing.reusedSocket)
                connected = true;
            else if ('encrypted' in socket)
                socket.once('secureConnect', () => (connected = true));
            else if (socket.connecting)
                socket.once('connect', () => (connected = true));
            else
                connected = true;
        });
        outgoing.on('error', (error) => finish(asTransportError(error, connected)));
        outgoing.on('response', (message) => {
            readBody(message, limits).then((text) => finish(null, { status: message.statusCode ?? 0, headers: message.headers, body: text }), (error) => finish(error));
        });
        outgoing.end(body ?? undefined);
    });
}
/** A failure before the connection was up (refused, DNS, TLS certificate or handshake, proxy refusal) sent nothing. */
function asTransportError(error, connected) {
    if (error instanceof TransportError)
        return error;
    const code = error.code;
    const name = typeof code === 'string' ? code : error.message;
    if (retry/* CERTIFICATE_ERROR */.NE.test(name) && !connected) {
        const hint = "the server's TLS certificate was refused; for a private CA set NODE_EXTRA_CA_CERTS";
        return new TransportError(`${name} (${hint})`, false);
    }
    return new TransportError(name, connected && !retry/* NOT_CONNECTED_CODES */.Rl.has(name));
}
function readBody(message, limits) {
    return new Promise((resolve, reject) => {
        const tooLarge = () => {
            message.destroy();
            reject(oversized(limits));
        };
        const declared = Number(message.headers['content-length']);
        if (Number.isFinite(declared) && declared > limits.maxBodyBytes)
            return tooLarge();
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > limits.maxBodyBytes)
                tooLarge();
            else
                chunks.push(chunk);
        });
        message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        message.on('close', () => {
            if (!message.complete)
                reject(new TransportError('connection closed before the response was complete', true));
        });
        message.on('error', () => undefined);
    });
}
/**
 * The server answered, so the request was processed: for a POST that is the ambiguous case the caller reconciles
 * (a token may exist); any other request fails at once, since asking again would bring the same answer.
 */
function oversized({ method, path, maxBodyBytes }) {
    const what = `the answer is larger than ${maxBodyBytes / 1024 / 1024} MiB and was not read`;
    if (method === 'POST')
        return new TransportError(what, true);
    return new Error(`${method} ${path} failed: ${what} (a proxy or a misbehaving server in the way?)`);
}


/***/ })

};
