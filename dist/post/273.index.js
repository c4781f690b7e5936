export const id = 273;
export const ids = [273,71];
export const modules = {

/***/ 273:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runnerDependencies: () => (/* binding */ runnerDependencies)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(889);
;// CONCATENATED MODULE: ./lib/src/text.js
/**
 * Text that reaches the log, an annotation or the summary. Server text may carry line breaks or other control
 * characters that would start a workflow command (`::set-output…`, `::stop-commands::…`) on a line of its own.
 */
// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** One printable line: each control character becomes a visible escape, so nothing can start a new line. */
function printable(text) {
    return text.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** `printable`, and a line that would still read as a workflow command (it starts with `::`) is defused. */
function safeLine(text) {
    const line = printable(text);
    return /^\s*::/.test(line) ? `'${line}` : line;
}
/** At most `max` characters, marked when cut. */
function clip(text, max = 300) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}

;// CONCATENATED MODULE: ./lib/src/guarded-io.js

/**
 * Every form in which a known secret could appear in text the server sends back (an error detail echoing the
 * request, say): raw, URL-encoded, JSON-escaped and base64 (standard and URL-safe, of the secret and of the
 * `Bearer` header that carries it). The runner masks only the raw form.
 */
function secretForms(secret) {
    const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
    for (const text of [secret, `Bearer ${secret}`]) {
        // The whole encoding first (so no tail survives), then the alignment-independent middles.
        const whole = Buffer.from(text).toString('base64');
        forms.add(whole).add(Buffer.from(text).toString('base64url'));
        for (let shift = 0; shift < 3; shift++) {
            // base64 of the text at each byte alignment; only the middle is independent of the neighbouring bytes.
            const encoded = Buffer.from('\0'.repeat(shift) + text).toString('base64');
            const stable = encoded.slice(shift === 0 ? 0 : 4, -4);
            if (stable.length >= 8)
                forms.add(stable).add(stable.replace(/\+/g, '-').replace(/\//g, '_'));
        }
    }
    return [...forms];
}
/** Secrets shorter than this are left to the runner's mask: scrubbing them would shred ordinary words. */
const MIN_SCRUBBED_LENGTH = 8;
/** Replaces every known secret, in every form, with `***`. */
class SecretScrubber {
    /** Longest first, so a form that contains another is replaced whole. */
    #forms = [];
    add(secret) {
        if (secret.length < MIN_SCRUBBED_LENGTH)
            return;
        const forms = new Set([...this.#forms, ...secretForms(secret)]);
        this.#forms = [...forms].sort((a, b) => b.length - a.length);
    }
    scrub(text) {
        return this.#forms.reduce((result, form) => result.split(form).join('***'), text);
    }
}
function guardIo(io, fail, scrubber = new SecretScrubber()) {
    const say = (text) => safeLine(scrubber.scrub(text));
    return {
        ...io,
        setSecret(value) {
            scrubber.add(value);
            io.setSecret(value);
        },
        info: (message) => io.info(say(message)),
        notice: (message) => io.notice(say(message)),
        warning: (message) => io.warning(say(message)),
        debug: (message) => io.debug(say(message)),
        fail: (message) => fail(say(message)),
        writeSummary: (heading, header, rows) => io.writeSummary(cell(say(heading)), header.map((text) => cell(say(text))), rows.map((row) => row.map((text) => cell(say(text))))),
    };
}
/**
 * The summary is HTML that GitHub also reads as Markdown: the characters that open a tag, an entity, emphasis, code,
 * a link or a table cell become entities, so a description like `</td></tr></table>` or `[x](javascript:…)` stays
 * text. (Control characters are already escaped, so no cell can hold the blank line that would end the HTML block.)
 */
function cell(text) {
    return text.replace(/[&<>"'`*_[\]|\\~]/g, (character) => `&#${character.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./lib/src/io.js

const coreIo = {
    getState: (name) => core/* getState */.Gu(name),
    saveState: (name, value) => core/* saveState */.LZ(name, value),
    setSecret: (value) => core/* setSecret */.Pq(value),
    setOutput: (name, value) => core/* setOutput */.uH(name, value),
    exportVariable: (name, value) => core/* exportVariable */.dN(name, value),
    info: (message) => core/* info */.pq(message),
    notice: (message) => core/* notice */.lm(message),
    warning: (message) => core/* warning */.$e(message),
    debug: (message) => core/* debug */.Yz(message),
    async writeSummary(heading, header, rows) {
        // Without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write; that is not an error.
        if (!process.env['GITHUB_STEP_SUMMARY'])
            return;
        await core/* summary */.z
            .addHeading(heading, 3)
            .addTable([header.map((data) => ({ data, header: true })), ...rows.map((row) => [...row])])
            .write();
    },
};

// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(71);
// EXTERNAL MODULE: ./lib/src/tfc/ids.js
var ids = __webpack_require__(444);
;// CONCATENATED MODULE: ./lib/src/tfc/retry.js
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(67);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(708);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var lib_proxy = __webpack_require__(783);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(311);
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
    if (CERTIFICATE_ERROR.test(name) && !connected) {
        const hint = "the server's TLS certificate was refused; for a private CA set NODE_EXTRA_CA_CERTS";
        return new TransportError(`${name} (${hint})`, false);
    }
    return new TransportError(name, connected && !NOT_CONNECTED_CODES.has(name));
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

;// CONCATENATED MODULE: ./lib/src/tfc/client.js




const JSON_API = 'application/vnd.api+json';
/** A list longer than this many pages of 100 is not one this action was made for (or a server that never stops). */
const MAX_PAGES = 200;
/**
 * One request core for every resource module: base URL, auth, JSON:API headers, the retry policy and error
 * decoding. It never logs or keeps a body, because create answers carry the new secret.
 */
class TfcClient {
    #options;
    #authorization;
    constructor(options) {
        this.#options = options;
        this.#authorization = `Bearer ${options.apiToken}`;
    }
    get hostname() {
        return this.#options.hostname;
    }
    /** 200 with a JSON:API document. */
    get(path, query = {}) {
        return this.#json('GET', path, query, null);
    }
    /** 201 with a JSON:API document. */
    post(path, body, query = {}) {
        return this.#json('POST', path, query, body);
    }
    /** 200 with a JSON:API document; the body is never logged (it may carry a variable's new value). */
    patch(path, body) {
        return this.#json('PATCH', path, {}, body);
    }
    /** 204 means deleted; a 404 is returned as 'not-found' because callers treat "already gone" as done. */
    async delete(path, query = {}, body = null) {
        const response = await this.#send('DELETE', path, query, body);
        if (response.status === 404)
            return 'not-found';
        this.#check('DELETE', path, response);
        return 'deleted';
    }
    /**
     * Every item of a paginated list, 100 a page. The server's page numbers are checked, not trusted: `next-page`
     * must grow and stay within `total-pages`, and MAX_PAGES ends any list.
     */
    async getAll(path, query = {}, onPage) {
        const items = [];
        for (let page = 1;;) {
            const document = await this.get(path, { ...query, 'page[number]': page, 'page[size]': 100 });
            items.push(...(Array.isArray(document['data']) ? document['data'] : []));
            const { next, totalPages } = nextPage(document, page, path);
            onPage?.(page, totalPages);
            if (next === null)
                return items;
            if (next > MAX_PAGES) {
                throw new Error(`GET ${path} has more than ${MAX_PAGES} pages of 100; stopped reading rather than run without end.`);
            }
            page = next;
        }
    }
    /** GET /ping: the platform's identity is in the answer's headers. */
    async ping() {
        const response = await this.#send('GET', '/ping', {}, null);
        this.#check('GET', '/ping', response);
        return response.headers;
    }
    close() {
        this.#options.transport.close();
    }
    async #json(method, path, query, body) {
        const response = await this.#send(method, path, query, body);
        this.#check(method, path, response);
        try {
            const document = JSON.parse(response.body);
            if (document && typeof document === 'object')
                return document;
        }
        catch {
            // fall through: an unreadable success
        }
        if (method === 'POST') {
            throw new errors.AmbiguousRequestError(method, path, `the server answered ${response.status} with a body that is not JSON`);
        }
        throw new errors.ApiError(response.status, method, path, 'the answer is not a JSON:API document (a proxy in the way?)');
    }
    #check(method, path, response) {
        if (response.status >= 200 && response.status < 300)
            return;
        throw new errors.ApiError(response.status, method, path, describeFailure(response));
    }
    async #send(method, path, query, body) {
        const url = this.#url(path, query);
        const started = this.#options.now();
        const deadline = this.#options.deadline ?? Infinity;
        if (started >= deadline)
            throw new Error(`${method} ${path} was not sent: the step's time budget is spent.`);
        for (let attempt = 1;; attempt++) {
            const outcome = await this.#attempt(method, path, url, body);
            const decision = decideRetry(method, outcome.summary, attempt, this.#options.now() - started, {
                nowSeconds: this.#options.now() / 1000,
                random: this.#options.random,
            });
            if (!decision.retry || this.#options.now() + decision.delayMs >= deadline)
                return outcome.finish();
            this.#options.log(`${method} ${path}: attempt ${attempt} ${outcome.what}; retrying in ${decision.delayMs} ms.`);
            await this.#options.sleep(decision.delayMs);
        }
    }
    async #attempt(method, path, url, body) {
        const headers = {
            Authorization: this.#authorization,
            'Content-Type': JSON_API,
            Accept: JSON_API,
        };
        try {
            const response = await this.#options.transport.send(method, url, body ? JSON.stringify(body) : null, headers);
            const reset = response.headers['x-ratelimit-reset'];
            const summary = { status: response.status, rateLimitReset: Array.isArray(reset) ? reset[0] : reset };
            return { summary, what: `answered ${response.status}`, finish: () => response };
        }
        catch (error) {
            if (!(error instanceof TransportError))
                throw error;
            const summary = { networkError: error.code, connected: error.connected };
            return {
                summary,
                what: `failed (${error.code})`,
                finish: () => {
                    if (error.connected && method === 'POST')
                        throw new errors.AmbiguousRequestError(method, path, error.code);
                    throw new Error(`${method} ${path} failed: ${error.code} (could not reach ${this.hostname})`);
                },
            };
        }
    }
    #url(path, query) {
        const url = new URL(`https://${this.#options.hostname}/api/v2${path}`);
        for (const [key, value] of Object.entries(query))
            url.searchParams.set(key, String(value));
        return url.toString();
    }
}
/**
 * The next page to read (null: the last was read), from a list document's `meta.pagination`. Without a
 * `total-pages` the page count is unknown (shown as the current page) and only MAX_PAGES bounds it.
 */
function nextPage(document, page, path) {
    const pagination = (document['meta']?.['pagination'] ?? {});
    const total = pagination['total-pages'];
    const known = Number.isInteger(total) && total >= page;
    const totalPages = known ? total : page;
    const next = pagination['next-page'];
    if (next === null || next === undefined)
        return { next: null, totalPages };
    const limit = known ? totalPages : Infinity;
    if (!Number.isInteger(next) || next <= page || next > limit) {
        throw new ids/* UntrustedAnswerError */.hJ(`GET ${path} page ${page} of ${totalPages} names a next page that does not follow it`);
    }
    return { next: next, totalPages };
}
/** One line from a JSON:API error answer: status, title, detail, and what usually causes it. */
function describeFailure(response) {
    const errors = jsonApiErrors(response.body);
    const text = errors.length > 0 ? errors.join('; ') : statusText(response.status);
    const hint = HINTS[response.status] ?? (response.status >= 500 ? 'a server-side error; try again later.' : '');
    if (response.status >= 300 && response.status < 400) {
        return `a redirect${locationOf(response)}, which is not followed so the credential goes to the configured host only; check the hostname input.`;
    }
    return hint ? `${text}. Likely cause: ${hint}` : `${text}.`;
}
const HINTS = {
    401: 'the credential (api-token) is invalid, expired or revoked.',
    403: 'the credential is not allowed to do this.',
    404: 'it does not exist, or the credential lacks permission to see it (the API answers 404 for both).',
    415: 'the request lacked the JSON:API content type.',
    422: 'the server rejected the request as invalid (see the detail above).',
    429: 'the API rate limit (30 requests per second per user) stayed exceeded through every retry.',
};
/** Decodes both `errors: [{status,title,detail}]` and the older `errors: ["…"]`; anything else yields nothing. */
function jsonApiErrors(body) {
    let document;
    try {
        document = JSON.parse(body);
    }
    catch {
        return [];
    }
    const errors = document?.errors;
    if (!Array.isArray(errors))
        return [];
    return errors.slice(0, 5).map((error) => {
        if (typeof error === 'string')
            return client_clip(error);
        const { title, detail } = (error ?? {});
        return client_clip([title, detail].filter((part) => typeof part === 'string' && part).join(': ') || 'unknown error');
    });
}
function statusText(status) {
    const texts = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
    return texts[status] ?? `HTTP ${status}`;
}
function locationOf(response) {
    const location = response.headers['location'];
    if (typeof location !== 'string')
        return '';
    try {
        return ` to ${new URL(location).host}`;
    }
    catch {
        return '';
    }
}
function client_clip(text) {
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

;// CONCATENATED MODULE: ./lib/src/random.js
/**
 * 16 hex digits from the platform's secure random source. Web Crypto is a global, so this module loads nothing
 * until it is called (node:crypto costs a step several milliseconds to load).
 */
function randomHex() {
    return Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex');
}

;// CONCATENATED MODULE: ./lib/src/version.js
/** Sent in the User-Agent; a test keeps it equal to package.json's version. */
const ACTION_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./lib/src/deps.js







function runnerDependencies() {
    const io = guardIo(coreIo, (message) => core/* setFailed */.C1(message));
    return {
        io,
        env: process.env,
        now: Date.now,
        randomHex: randomHex,
        connect: ({ hostname, apiToken, requestTimeoutMs, deadline }) => new TfcClient({
            hostname,
            apiToken,
            transport: nodeTransport({ userAgent: `tfc-token-action/${ACTION_VERSION}`, timeoutMs: requestTimeoutMs }),
            sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
            now: Date.now,
            random: Math.random,
            log: (message) => io.info(message),
            ...(deadline === undefined ? {} : { deadline }),
        }),
    };
}


/***/ }),

/***/ 71:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AmbiguousRequestError: () => (/* binding */ AmbiguousRequestError),
/* harmony export */   ApiError: () => (/* binding */ ApiError),
/* harmony export */   InputError: () => (/* binding */ InputError),
/* harmony export */   errorMessage: () => (/* binding */ errorMessage)
/* harmony export */ });
/** A bad input: found before any network call, reported as one line that names the input. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Input "${input}" ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** An answer from the API that is not what the operation needed. Never carries a response body verbatim. */
class ApiError extends Error {
    status;
    method;
    path;
    constructor(status, method, path, summary) {
        super(`${method} ${path} answered ${status}: ${summary}`);
        this.status = status;
        this.method = method;
        this.path = path;
        this.name = 'ApiError';
    }
    is(status) {
        return this.status === status;
    }
}
/**
 * The request may or may not have reached the server (reset after sending, timeout, unreadable answer).
 * For a create this means a token may exist whose secret we never saw.
 */
class AmbiguousRequestError extends Error {
    method;
    path;
    constructor(method, path, cause) {
        super(`${method} ${path} failed and may have been processed by the server: ${cause}`);
        this.method = method;
        this.path = path;
        this.name = 'AmbiguousRequestError';
    }
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 444:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VJ: () => (/* binding */ checkedId),
/* harmony export */   eQ: () => (/* binding */ isId),
/* harmony export */   hJ: () => (/* binding */ UntrustedAnswerError)
/* harmony export */ });
/**
 * Formats of the ids the API hands out. Anything from the server or the state file is checked against these before
 * it goes into a URL, a log line, an output or the state file: an id of `..` or `x/../y` must never become a path.
 */
const FORMATS = {
    token: /^at-[A-Za-z0-9]{1,64}$/,
    team: /^team-[A-Za-z0-9]{1,64}$/,
    'agent pool': /^apool-[A-Za-z0-9]{1,64}$/,
    workspace: /^ws-[A-Za-z0-9]{1,64}$/,
    project: /^prj-[A-Za-z0-9]{1,64}$/,
    'variable set': /^varset-[A-Za-z0-9]{1,64}$/,
    variable: /^var-[A-Za-z0-9]{1,64}$/,
    'team access': /^tws-[A-Za-z0-9]{1,64}$/,
    'project access': /^tprj-[A-Za-z0-9]{1,64}$/,
    /** Organization, team, workspace and project names share this shape in every place the action uses them. */
    name: /^[A-Za-z0-9_-]{1,255}$/,
};
function isId(kind, value) {
    return typeof value === 'string' && FORMATS[kind].test(value);
}
/** An answer that breaks the API's own rules: reported without echoing the offending value. */
class UntrustedAnswerError extends Error {
    constructor(what) {
        super(`The server's answer is not one the API gives: ${what}. Nothing was done with it.`);
        this.name = 'UntrustedAnswerError';
    }
}
/** The value when it has the format of a `kind` id; otherwise one clear error naming where it came from. */
function checkedId(kind, value, where) {
    if (isId(kind, value))
        return value;
    throw new UntrustedAnswerError(`${where} is not a ${kind} id`);
}


/***/ })

};
