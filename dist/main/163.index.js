export const id = 163;
export const ids = [163];
export const modules = {

/***/ 6163:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAIN_BUDGET_MS: () => (/* binding */ MAIN_BUDGET_MS),
  runMain: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: ./lib/src/hostname.js
var src_hostname = __webpack_require__(9545);
;// CONCATENATED MODULE: ./lib/src/publish.js

/**
 * The only place secrets leave the action: masked first, then written to outputs or the environment.
 * Summaries and logs get metadata only.
 */
class Publisher {
    io;
    #masked = new Set();
    constructor(io) {
        this.io = io;
    }
    /** Idempotent, so every path that handles a secret can mask it without repeating ::add-mask:: lines. */
    mask = (secret) => {
        if (this.#masked.has(secret))
            return;
        this.#masked.add(secret);
        this.io.setSecret(secret);
    };
    tokenOutputs(token) {
        this.mask(token.secret);
        this.io.setOutput('token', token.secret);
        this.metadataOutputs(token);
    }
    metadataOutputs(token) {
        this.io.setOutput('token-id', token.id);
        this.io.setOutput('expired-at', token.expiredAt ?? '');
        this.io.setOutput('created-at', token.createdAt);
        this.io.setOutput('description', token.description ?? '');
        this.io.setOutput('team-id', token.teamId ?? '');
    }
    /** So later `terraform` steps authenticate to this host; Terraform CLI has no spelling for a port. */
    exportTerraformCredential(hostname, secret) {
        const name = (0,src_hostname/* terraformTokenVariable */.S4)(hostname);
        if (!name) {
            this.io.warning(`Not exporting TF_TOKEN_… for "${hostname}": Terraform CLI cannot name a host with a port in an environment variable. Use the token output instead.`);
            return;
        }
        this.mask(secret);
        this.io.exportVariable(name, secret);
        this.io.info(`Exported ${name} for later terraform steps.`);
    }
    /** A two-column summary of one operation: ids, names and dates only, never a secret. */
    summary(heading, rows) {
        return this.io.writeSummary(heading, ['Field', 'Value'], rows);
    }
    table(heading, header, rows) {
        return this.io.writeSummary(heading, header, rows);
    }
}

// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(5071);
// EXTERNAL MODULE: ./lib/src/tfc/documents.js
var documents = __webpack_require__(5884);
// EXTERNAL MODULE: ./lib/src/tfc/ids.js
var ids = __webpack_require__(1444);
// EXTERNAL MODULE: ./lib/src/tokens/scoped-team-cleanup.js
var scoped_team_cleanup = __webpack_require__(7834);
;// CONCATENATED MODULE: ./lib/src/state.js




const KEY = 'cleanup';
/**
 * Saved on every change: the runner applies state even when the main step later fails,
 * so the post step can clean up whatever was created before the failure.
 */
class CleanupLedger {
    io;
    hostname;
    #records = [];
    constructor(io, hostname) {
        this.io = io;
        this.hostname = hostname;
    }
    /**
     * Runs one create with its record saved before the request and its id saved the moment it is known. A refusal
     * (4xx) created nothing and is forgotten; any other failure may have created a token, so its record stays.
     */
    async track(record, create) {
        this.#records.push({ ...record, tokenId: null });
        this.#save();
        let token;
        try {
            token = await create();
        }
        catch (error) {
            if (error instanceof errors/* ApiError */.hD && error.status < 500)
                this.#drop(record.description);
            // Created but unusable: its id is known, so the post step can delete it if the main step cannot.
            if (error instanceof documents/* UnusableTokenError */.v_)
                this.#resolve(record.description, error.tokenId, null);
            throw error;
        }
        this.#resolve(record.description, token.id, token.expiredAt);
        return token;
    }
    /** Adds a record, or replaces the ones `matches` finds; saved at once. */
    put(record, matches = () => false) {
        this.#records = [...this.#records.filter((existing) => !matches(existing)), record];
        this.#save();
    }
    /** Forgets the records `matches` finds: what they name is gone. */
    remove(matches) {
        this.#records = this.#records.filter((existing) => !matches(existing));
        this.#save();
    }
    /** The token was deleted again by the main step (a rolled-back rotation): nothing left to clean up. */
    forget(tokenId) {
        this.#records = this.#records.filter((record) => record.tokenId !== tokenId);
        this.#save();
    }
    /** A token created under `description` whose id never arrived was found and deleted: nothing left to clean up. */
    settle(description) {
        this.#drop(description);
    }
    #resolve(description, tokenId, expiredAt) {
        this.#records = this.#records.map((record) => record.description === description && record.tokenId === null
            ? { ...record, tokenId, expiredAt: expiredAt ?? record.expiredAt }
            : record);
        this.#save();
    }
    #drop(description) {
        this.#records = this.#records.filter((record) => !(record.description === description && record.tokenId === null));
        this.#save();
    }
    #save() {
        const state = { hostname: this.hostname, records: this.#records };
        this.io.saveState(KEY, JSON.stringify(state));
    }
}
/**
 * The state file is untrusted input too: anything that can write it could otherwise aim the post step's DELETEs.
 * Each record is checked on its own; a bad one is reported and skipped, the rest are still cleaned up.
 */
function loadCleanupState(io) {
    const raw = io.getState(KEY);
    if (!raw || raw.length > MAX_STATE_LENGTH)
        return null;
    let state;
    try {
        state = JSON.parse(raw);
    }
    catch {
        return null;
    }
    const { hostname, records } = (state ?? {});
    if (typeof hostname !== 'string' || !Array.isArray(records))
        return null;
    const valid = [];
    const rejected = [];
    for (const [index, record] of records.slice(0, MAX_RECORDS).entries()) {
        const problem = recordProblem(record);
        if (problem)
            rejected.push(`record ${index + 1}: ${problem}`);
        else
            valid.push(record);
    }
    return { hostname, records: valid, rejected };
}
const MAX_STATE_LENGTH = (/* unused pure expression or super */ null && (64 * 1024));
const MAX_RECORDS = 20;
const KINDS = (/* unused pure expression or super */ null && (['team', 'team-legacy', 'organization', 'audit-trail', 'agent']));
/** What is wrong with a record read back from state, or null when it is one this action could have written. */
function recordProblem(value) {
    if (!value || typeof value !== 'object')
        return 'not a record';
    const record = value;
    if (record['kind'] === 'scoped-team')
        return isScopedTeamRecord(value) ? null : 'not a valid temporary-team record';
    if (typeof record['kind'] !== 'string' || !KINDS.includes(record['kind']))
        return 'unknown token kind';
    const checks = [
        [record['tokenId'] === null || isId('token', record['tokenId']), 'the token id is not an at-… id'],
        [record['teamId'] === null || isId('team', record['teamId']), 'the team id is not a team-… id'],
        [record['organization'] === null || isId('name', record['organization']), 'the organization is not a name'],
        [record['agentPoolId'] == null || isId('agent pool', record['agentPoolId']), 'the agent pool id is not an apool-… id'],
        [record['description'] === null || isPlainText(record['description']), 'the description is not plain text'],
        [record['expiredAt'] === '' || isInstant(record['expiredAt']), 'the expiry is not a timestamp'],
        [typeof record['ephemeral'] === 'boolean', 'ephemeral is not a boolean'],
        [record['kind'] !== 'team-legacy' || record['teamId'] !== null, 'a legacy team token without its team'],
        [!['organization', 'audit-trail'].includes(record['kind']) || record['organization'] !== null, 'an organization token without its organization'],
    ];
    return checks.find(([ok]) => !ok)?.[1] ?? null;
}
function isPlainText(value) {
    return typeof value === 'string' && value.length <= 300 && !/[\u0000-\u001f\u007f]/.test(value);
}
function isInstant(value) {
    return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

// EXTERNAL MODULE: ./lib/src/tfc/team-tokens.js
var team_tokens = __webpack_require__(4112);
// EXTERNAL MODULE: ./lib/src/tfc/teams.js
var teams = __webpack_require__(9984);
// EXTERNAL MODULE: ./lib/src/tokens/context.js
var tokens_context = __webpack_require__(3670);
// EXTERNAL MODULE: ./lib/src/tokens/mint.js + 1 modules
var mint = __webpack_require__(3724);
// EXTERNAL MODULE: ./lib/src/tokens/ownership.js
var ownership = __webpack_require__(1172);
// EXTERNAL MODULE: ./lib/src/tokens/lifetime-policy.js + 1 modules
var lifetime_policy = __webpack_require__(437);
// EXTERNAL MODULE: ./lib/src/tokens/owners-warning.js
var owners_warning = __webpack_require__(2348);
;// CONCATENATED MODULE: ./lib/src/tokens/create-team-token.js








async function createTeamToken(context, inputs) {
    const teamId = await (0,tokens_context/* resolveTeamId */.p)(context.client, inputs.team, inputs.organization);
    const token = inputs.legacy ? await createLegacy(context, inputs, teamId) : await createDescribed(context, inputs, teamId);
    context.publisher.tokenOutputs({ ...token, teamId });
    (0,owners_warning/* warnIfOwnersTeam */.d)(context.io, 'name' in inputs.team ? inputs.team.name : null);
    if (inputs.exportEnv)
        context.publisher.exportTerraformCredential(context.client.hostname, token.secret);
    context.io.info(`Created team token ${token.id} for ${teamId}; it expires at ${token.expiredAt ?? 'never'}.`);
    await context.publisher.summary('HCP Terraform team token created', [
        ['Type', inputs.legacy ? 'team (legacy single token)' : 'team'],
        ['Token ID', token.id],
        ['Team', teamId],
        ['Description', token.description ?? ''],
        ['Expires', token.expiredAt ?? 'never'],
        ['Deleted when the job ends', inputs.ephemeral ? 'yes' : 'no'],
    ]);
    return token;
}
/** A create that may have been processed is looked up, never blindly repeated; a found orphan is deleted. */
const MAX_CREATES = 3;
async function createDescribed(context, inputs, teamId) {
    const { client, publisher } = context;
    for (let attempt = 1;; attempt++) {
        // A fresh nonce per attempt: the proof of ownership, and a description no other create can collide with.
        const description = (0,ownership/* withNonce */.ED)(inputs.description, context.randomHex());
        const expiredAt = inputs.expiresAt.toISOString();
        const record = { kind: 'team', organization: inputs.organization, teamId, description, expiredAt, ephemeral: inputs.ephemeral };
        let sent = record;
        try {
            return await (0,lifetime_policy/* createUnderPolicy */.pf)(context, { ...inputs, kind: 'team' }, (expiresAt) => {
                // A create clamped to the lifetime policy sends another expiry: the look-up must expect that one.
                sent = { ...record, expiredAt: expiresAt.toISOString() };
                return (0,mint/* mint */.X)(context, sent, () => team_tokens/* create */.vt(client, teamId, { description, expiredAt: expiresAt }, publisher.mask));
            });
        }
        catch (error) {
            if (!mayHaveCreated(error) || attempt === MAX_CREATES)
                throw await explainCreateFailure(context, error, teamId);
            await reconcile(context, inputs, sent, error);
        }
    }
}
function mayHaveCreated(error) {
    return error instanceof errors/* AmbiguousRequestError */.sm || (error instanceof errors/* ApiError */.hD && error.status >= 500);
}
/**
 * The server may hold a token whose secret we never received. Found (by this attempt's nonce, team and expiry, never
 * by description alone): delete it, a token nobody can use is only a risk. Not found: it may still land later, so its
 * record stays for the post step, and the next try draws a fresh nonce so the two can never be confused.
 */
async function reconcile(context, inputs, attempt, error) {
    const { client, io, ledger } = context;
    io.warning(`Creating the token may or may not have succeeded (${(0,errors/* errorMessage */.gJ)(error)}); looking it up by this run's nonce.`);
    const team = 'name' in inputs.team && inputs.organization
        ? { id: attempt.teamId, name: inputs.team.name, organization: inputs.organization }
        : await (0,tokens_context/* teamWithOrganization */.R)(client, attempt.teamId, inputs.organization);
    const tokens = await team_tokens/* listAll */._w(client, team.organization, { teamName: team.name });
    const orphan = tokens.find((token) => (0,ownership/* isOwnedBy */.D0)(token, attempt));
    if (orphan) {
        await team_tokens/* deleteById */.ST(client, orphan.id);
        ledger.settle(attempt.description);
        io.info(`Deleted token ${orphan.id}, created by the interrupted request; its secret never arrived. Creating a new one.`);
    }
    else {
        io.info('The server has no token from that request; creating a new one.');
    }
}
/** A 404 from a server without the multiple-tokens API deserves its own advice. */
async function explainCreateFailure(context, error, teamId) {
    if (!(error instanceof errors/* ApiError */.hD))
        return error;
    if (error.is(404) && (await teamIsReadable(context, teamId))) {
        return new Error(`Team ${teamId} exists but this server has no multiple-team-tokens API (POST /teams/:id/authentication-tokens answered 404: Terraform Enterprise before 1.1.0). ` +
            'Upgrade the server, or set legacy-team-token: true to use the team\'s single legacy token (creating one revokes the current one).');
    }
    return error;
}
async function teamIsReadable(context, teamId) {
    try {
        await (0,teams/* readTeam */.EH)(context.client, teamId);
        return true;
    }
    catch {
        return false;
    }
}
/** The legacy token is one per team: replacing it revokes whatever other pipelines use, so that needs consent. */
async function createLegacy(context, inputs, teamId) {
    const { client, publisher } = context;
    const existing = await team_tokens/* readLegacy */.Od(client, teamId);
    if (existing && !inputs.replaceExisting) {
        throw new Error(`Team ${teamId} already has a legacy token (${existing.id}); creating another would revoke it at once. Nothing was changed. Set replace-existing: true to replace it.`);
    }
    const record = { kind: 'team-legacy', organization: inputs.organization, teamId, description: null, expiredAt: inputs.expiresAt.toISOString(), ephemeral: inputs.ephemeral };
    const token = await (0,lifetime_policy/* createUnderPolicy */.pf)(context, { ...inputs, kind: 'team-legacy' }, (expiresAt) => (0,mint/* mint */.X)(context, { ...record, expiredAt: expiresAt.toISOString() }, () => team_tokens/* createLegacy */.YG(client, teamId, expiresAt, publisher.mask)));
    if (existing)
        context.io.info(`Replaced the team's previous legacy token ${existing.id}, which is now revoked.`);
    return token;
}

;// CONCATENATED MODULE: ./lib/src/run-main.js



/** The main step's whole budget; a sweep of a large organization is the longest run this allows for. */
const MAIN_BUDGET_MS = 15 * 60_000;
/** Runs the checked inputs' operation; `credentials` are masked before anything is printed. */
async function runMain(deps, inputs, credentials) {
    const publisher = new Publisher(deps.io);
    for (const credential of credentials)
        publisher.mask(credential);
    const deadline = deps.now() + MAIN_BUDGET_MS;
    const client = deps.connect({ ...inputs, deadline });
    try {
        const context = {
            io: deps.io,
            client,
            publisher,
            ledger: new CleanupLedger(deps.io, inputs.hostname),
            randomHex: deps.randomHex,
            now: deps.now,
            connectAs: (apiToken) => deps.connect({ ...inputs, apiToken, deadline }),
        };
        await runOperation(context, inputs);
    }
    finally {
        client.close();
    }
}
function runOperation(context, inputs) {
    switch (inputs.operation) {
        case 'create-team-token':
            return createTeamToken(context, inputs);
        // Every other mode is loaded when it runs, so the per-job path (above) never parses their code.
        case 'create-scoped-token':
            return __webpack_require__.e(/* import() */ 25).then(__webpack_require__.bind(__webpack_require__, 3025)).then((mode) => mode.createScopedToken(context, inputs));
        case 'create-organization-token':
            return __webpack_require__.e(/* import() */ 929).then(__webpack_require__.bind(__webpack_require__, 3929)).then((mode) => mode.createOrganizationToken(context, inputs));
        case 'create-agent-token':
            return __webpack_require__.e(/* import() */ 621).then(__webpack_require__.bind(__webpack_require__, 9621)).then((mode) => mode.createAgentToken(context, inputs));
        case 'delete-team-token':
        case 'delete-organization-token':
        case 'delete-agent-token':
            return __webpack_require__.e(/* import() */ 38).then(__webpack_require__.bind(__webpack_require__, 8038)).then((mode) => mode.deleteToken(context, inputs));
        case 'rotate-token':
            return __webpack_require__.e(/* import() */ 858).then(__webpack_require__.bind(__webpack_require__, 8858)).then((mode) => mode.rotateToken(context, inputs));
        case 'list-tokens':
            return __webpack_require__.e(/* import() */ 85).then(__webpack_require__.bind(__webpack_require__, 9085)).then((mode) => mode.listTokens(context, inputs));
        case 'sweep-tokens':
            return __webpack_require__.e(/* import() */ 544).then(__webpack_require__.bind(__webpack_require__, 7544)).then((mode) => mode.sweepTokens(context, inputs));
    }
}


/***/ }),

/***/ 1622:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ listAll),
/* harmony export */   v: () => (/* binding */ create)
/* harmony export */ });
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5884);

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/agent-tokens
// Agent tokens have a description and no expiry; they are deleted by id like team tokens.
async function create(client, agentPoolId, description, onSecret) {
    const document = await client.post(`/agent-pools/${encodeURIComponent(agentPoolId)}/authentication-tokens`, {
        data: { type: 'authentication-tokens', attributes: { description } },
    });
    return (0,_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .mintedTokenFrom */ .BM)(document, onSecret);
}
async function listAll(client, agentPoolId) {
    return (await client.getAll(`/agent-pools/${encodeURIComponent(agentPoolId)}/authentication-tokens`)).map(_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenFrom */ .ow);
}


/***/ }),

/***/ 5884:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BM: () => (/* binding */ mintedTokenFrom),
/* harmony export */   di: () => (/* binding */ readOrNull),
/* harmony export */   ow: () => (/* binding */ tokenFrom),
/* harmony export */   v_: () => (/* binding */ UnusableTokenError)
/* harmony export */ });
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1444);

/** Reads an authentication-tokens resource object into metadata; tolerant of absent optional fields. */
function tokenFrom(resource) {
    const data = (resource ?? {});
    const attributes = (data['attributes'] ?? {});
    const team = data['relationships']?.['team']?.['data'];
    const teamId = team?.['id'];
    if (teamId !== undefined && teamId !== null && !(0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isId */ .eQ)('team', teamId)) {
        throw new _ids_js__WEBPACK_IMPORTED_MODULE_0__/* .UntrustedAnswerError */ .hJ('a token names a team whose id is not a team id');
    }
    return {
        id: (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .checkedId */ .VJ)('token', data['id'], 'a token id'),
        description: stringOrNull(attributes['description']),
        createdAt: stringOrNull(attributes['created-at']) ?? '',
        expiredAt: stringOrNull(attributes['expired-at']),
        lastUsedAt: stringOrNull(attributes['last-used-at']),
        teamId: typeof teamId === 'string' ? teamId : null,
    };
}
/**
 * A token the server created but that cannot be used: its secret is missing or implausible. The caller deletes
 * `tokenId` at once; the secret is never shown, masked or exported.
 */
class UnusableTokenError extends Error {
    tokenId;
    constructor(tokenId, why) {
        super(`The API created token ${tokenId} but ${why}, so it was not used.`);
        this.tokenId = tokenId;
        this.name = 'UnusableTokenError';
    }
}
/**
 * The API's secrets look like `<14 characters>.atlasv1.<67 or more>`; this check is looser on purpose (servers
 * differ) but refuses what no token is: whitespace, control characters, a handful of characters, a whole page.
 */
const PLAUSIBLE_SECRET = /^[\x21-\x7e]{20,1024}$/;
/** The create answer: checks the secret, masks it, then reads the rest. */
function mintedTokenFrom(document, onSecret) {
    const data = (document['data'] ?? {});
    const secret = (data['attributes'] ?? {})['token'];
    if (typeof secret !== 'string' || !PLAUSIBLE_SECRET.test(secret)) {
        const why = typeof secret === 'string' && secret ? 'its secret is not a plausible token' : 'its answer holds no secret';
        if ((0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isId */ .eQ)('token', data['id']))
            throw new UnusableTokenError(data['id'], why);
        throw new _ids_js__WEBPACK_IMPORTED_MODULE_0__/* .UntrustedAnswerError */ .hJ('a created token has neither a usable secret nor a valid id');
    }
    onSecret(secret);
    return { ...tokenFrom(data), secret };
}
/** Reads a single token resource; null when the API answers 404 (none exists, or none visible). */
async function readOrNull(read) {
    try {
        return tokenFrom((await read())['data']);
    }
    catch (error) {
        if (error.status === 404)
            return null;
        throw error;
    }
}
function stringOrNull(value) {
    return typeof value === 'string' ? value : null;
}


/***/ }),

/***/ 1444:
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


/***/ }),

/***/ 394:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LF: () => (/* binding */ read),
/* harmony export */   TF: () => (/* binding */ remove),
/* harmony export */   vt: () => (/* binding */ create)
/* harmony export */ });
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5884);

const path = (organization) => `/organizations/${encodeURIComponent(organization)}/authentication-token`;
/** Terraform Enterprise ignores this parameter and acts on the organization token: callers must check the platform. */
const query = (kind) => (kind === 'audit-trail' ? { token: 'audit-trails' } : {});
async function create(client, organization, kind, expiredAt, onSecret) {
    const body = { data: { type: 'authentication-token', attributes: { 'expired-at': expiredAt.toISOString() } } };
    return (0,_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .mintedTokenFrom */ .BM)(await client.post(path(organization), body, query(kind)), onSecret);
}
/** The organization's token of this kind, or null when it has none. */
function read(client, organization, kind) {
    return (0,_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .readOrNull */ .di)(() => client.get(path(organization), query(kind)));
}
function remove(client, organization, kind) {
    return client.delete(path(organization), query(kind));
}


/***/ }),

/***/ 4112:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LD: () => (/* binding */ deleteLegacy),
/* harmony export */   Od: () => (/* binding */ readLegacy),
/* harmony export */   S5: () => (/* binding */ BULK_DELETE_BATCH),
/* harmony export */   ST: () => (/* binding */ deleteById),
/* harmony export */   YG: () => (/* binding */ createLegacy),
/* harmony export */   _w: () => (/* binding */ listAll),
/* harmony export */   a$: () => (/* binding */ deleteBulk),
/* harmony export */   vt: () => (/* binding */ create)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5071);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1444);
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5884);



// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#create-a-team-token
/** Multiple-tokens API: a new token beside the team's others, revoking nothing. */
async function create(client, teamId, options, onSecret) {
    const document = await client.post(`/teams/${encodeURIComponent(teamId)}/authentication-tokens`, {
        data: {
            type: 'authentication-tokens',
            attributes: { description: options.description, 'expired-at': options.expiredAt.toISOString() },
        },
    });
    return (0,_documents_js__WEBPACK_IMPORTED_MODULE_2__/* .mintedTokenFrom */ .BM)(document, onSecret);
}
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#delete-a-team-token
function deleteById(client, tokenId) {
    return client.delete(`/authentication-tokens/${encodeURIComponent(tokenId)}`);
}
// Legacy single-token endpoints: one description-less token per team; creating one revokes the current one.
async function createLegacy(client, teamId, expiredAt, onSecret) {
    const document = await client.post(`/teams/${encodeURIComponent(teamId)}/authentication-token`, {
        data: { type: 'authentication-token', attributes: { 'expired-at': expiredAt.toISOString() } },
    });
    return { ...(0,_documents_js__WEBPACK_IMPORTED_MODULE_2__/* .mintedTokenFrom */ .BM)(document, onSecret), teamId };
}
/** The team's legacy token, or null when it has none (the API answers 404). */
async function readLegacy(client, teamId) {
    return (0,_documents_js__WEBPACK_IMPORTED_MODULE_2__/* .readOrNull */ .di)(() => client.get(`/teams/${encodeURIComponent(teamId)}/authentication-token`));
}
function deleteLegacy(client, teamId) {
    return client.delete(`/teams/${encodeURIComponent(teamId)}/authentication-token`);
}
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#list-team-tokens
/** Every team token of the organization (legacy and described), following every page. */
async function listAll(client, organization, options = {}) {
    const status = options.statuses?.length ? options.statuses.join(',') : null;
    const query = {
        ...(options.teamName ? { q: options.teamName } : {}),
        ...(status ? { 'filter[status]': status, 'filter[expiry_status]': status } : {}),
    };
    const items = await client.getAll(`/organizations/${encodeURIComponent(organization)}/team-tokens`, query, options.onPage);
    return items.map(_documents_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenFrom */ .ow);
}
/**
 * At most this many ids per bulk delete. No limit is documented; 100 is the API's maximum page size, so one
 * list page maps to at most one batch, and the body stays small (about 6 KB).
 */
const BULK_DELETE_BATCH = 100;
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#delete-team-tokens-in-bulk
/**
 * Deletes up to BULK_DELETE_BATCH team tokens of the organization in one request. 'unsupported': the server has
 * no such endpoint (404 or 405 from an organization the caller just listed: Terraform Enterprise before it).
 */
async function deleteBulk(client, organization, tokenIds) {
    if (tokenIds.length === 0 || tokenIds.length > BULK_DELETE_BATCH)
        throw new Error(`A bulk delete takes 1 to ${BULK_DELETE_BATCH} ids.`);
    const data = tokenIds.map((id) => ({ type: 'authentication-tokens', id: (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .checkedId */ .VJ)('token', id, 'a token id to delete') }));
    try {
        const result = await client.delete(`/organizations/${encodeURIComponent(organization)}/team-tokens`, {}, { data });
        return result === 'not-found' ? 'unsupported' : 'deleted';
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD && error.is(405))
            return 'unsupported';
        throw error;
    }
}


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ readTeam),
/* harmony export */   IU: () => (/* binding */ lookUpTeam),
/* harmony export */   To: () => (/* binding */ deleteTeam),
/* harmony export */   gj: () => (/* binding */ createTeam),
/* harmony export */   jz: () => (/* binding */ findTeamByName)
/* harmony export */ });
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1444);

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#list-teams
/**
 * The team called exactly `name`. filter[names] may match case-insensitively, so the answer is compared exactly;
 * a secret team the credential cannot see is simply absent.
 */
async function findTeamByName(client, organization, name) {
    const document = await client.get(`/organizations/${encodeURIComponent(organization)}/teams`, {
        'filter[names]': name,
        'page[size]': 100,
    });
    const teams = (document['data'] ?? []).map(teamFrom).filter((team) => team.name === name);
    if (teams.length === 1)
        return teams[0];
    if (teams.length === 0) {
        throw new Error(`No team named "${name}" in organization "${organization}" is visible to this credential. Check the name (it is case-sensitive) or use team-id; a secret team needs a credential that can see it.`);
    }
    throw new Error(`${teams.length} teams named "${name}" in organization "${organization}"; use team-id instead.`);
}
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#show-team-information
async function readTeam(client, teamId) {
    const document = await client.get(`/teams/${encodeURIComponent(teamId)}`);
    return teamFrom(document['data']);
}
/** The organization comes from `relationships.organization` (the API and its OpenAPI description name it there). */
function teamFrom(resource) {
    const data = (resource ?? {});
    const attributes = (data['attributes'] ?? {});
    const relationships = (data['relationships'] ?? {});
    const organization = relationships['organization']?.['data']?.['id'];
    return {
        id: (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .checkedId */ .VJ)('team', data['id'], 'a team id'),
        name: typeof attributes['name'] === 'string' ? attributes['name'] : '',
        organization: (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isId */ .eQ)('name', organization) ? organization : null,
    };
}
/** Every documented organization permission, all off: organization access would override the team's grants. */
const NO_ORGANIZATION_ACCESS = Object.fromEntries([
    'manage-policies', 'manage-policy-overrides', 'manage-run-tasks', 'manage-workspaces', 'manage-vcs-settings',
    'manage-agent-pools', 'manage-providers', 'manage-modules', 'manage-projects', 'read-projects', 'read-workspaces',
    'manage-membership', 'manage-teams', 'manage-organization-access',
].map((key) => [key, false]));
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#create-a-team
/** A secret team with no organization-level access. The docs answer 200; any 2xx is accepted. */
async function createTeam(client, organization, name) {
    const document = await client.post(`/organizations/${encodeURIComponent(organization)}/teams`, {
        data: { type: 'teams', attributes: { name, visibility: 'secret', 'organization-access': NO_ORGANIZATION_ACCESS } },
    });
    const team = teamFrom(document['data']);
    return { ...team, organization: team.organization ?? organization };
}
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#delete-a-team
function deleteTeam(client, teamId) {
    return client.delete(`/teams/${encodeURIComponent(teamId)}`);
}
/** The team called exactly `name`, or null if the credential sees none (one request). */
async function lookUpTeam(client, organization, name) {
    const document = await client.get(`/organizations/${encodeURIComponent(organization)}/teams`, { 'filter[names]': name, 'page[size]': 100 });
    const team = (document['data'] ?? []).map(teamFrom).find((candidate) => candidate.name === name);
    return team ?? null;
}


/***/ }),

/***/ 3670:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ teamWithOrganization),
/* harmony export */   p: () => (/* binding */ resolveTeamId)
/* harmony export */ });
/* harmony import */ var _tfc_teams_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9984);

/** A team id costs no request; a name costs one look-up. */
async function resolveTeamId(client, team, organization) {
    if ('id' in team)
        return team.id;
    // parseInputs guarantees an organization whenever a team is named.
    return (await (0,_tfc_teams_js__WEBPACK_IMPORTED_MODULE_0__/* .findTeamByName */ .jz)(client, organization, team.name)).id;
}
/**
 * The team with its organization: the given one, or the one the API names for the team (one request, made only on
 * the paths that need the organization and were not given it).
 */
async function teamWithOrganization(client, teamId, organization) {
    const team = await (0,_tfc_teams_js__WEBPACK_IMPORTED_MODULE_0__/* .readTeam */ .EH)(client, teamId);
    const known = organization ?? team.organization;
    if (!known) {
        throw new Error(`The server did not say which organization team ${teamId} belongs to; set the organization input (or TF_CLOUD_ORGANIZATION).`);
    }
    return { ...team, organization: known };
}


/***/ }),

/***/ 437:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pf: () => (/* binding */ createUnderPolicy),
  Z3: () => (/* binding */ expiryForRotation),
  Ob: () => (/* binding */ policyRows)
});

// UNUSED EXPORTS: lifetimeLabel, policyTypeOf, readPolicy

// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(5071);
// EXTERNAL MODULE: ./lib/src/expiry.js
var expiry = __webpack_require__(1575);
// EXTERNAL MODULE: ./lib/src/tfc/ids.js
var ids = __webpack_require__(1444);
;// CONCATENATED MODULE: ./lib/src/tfc/token-ttl-policies.js

const TYPES = new Set(['organization', 'team', 'user', 'audit_trails', 'metrics']);
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organization-token-ttl-policies (OpenAPI listTokenTtlPolicies)
/** Each token type's maximum lifetime in ms. Only the owners team may read it: others get 403. */
async function listMaxima(client, organization) {
    const document = await client.get(`/organizations/${encodeURIComponent(organization)}/token-ttl-policies`);
    const data = Array.isArray(document['data']) ? document['data'].slice(0, 20) : [];
    const maxima = new Map();
    for (const item of data) {
        const attributes = ((item ?? {})['attributes'] ?? {});
        const type = attributes['token-type'];
        const max = attributes['max-ttl-ms'];
        if (typeof type !== 'string' || !TYPES.has(type))
            continue; // a type this action never creates
        if (typeof max !== 'number' || !Number.isSafeInteger(max) || max <= 0)
            throw new ids/* UntrustedAnswerError */.hJ(`the maximum lifetime of ${type} tokens is not a positive number`);
        maxima.set(type, max);
    }
    return maxima;
}

;// CONCATENATED MODULE: ./lib/src/tokens/lifetime-policy.js



/**
 * The organization's maximum token lifetime per type. Reading it needs the owners team, so it is read only when it
 * matters: after a create was refused for its expiry, before a scheduled rotation, and for the list summary.
 */
const DAY_MS = 86_400_000;
/** A clamped expiry stays this far below the maximum, so clock skew and latency cannot push it over. */
const CLAMP_MARGIN_MS = 60_000;
function policyTypeOf(kind) {
    if (kind === 'team' || kind === 'team-legacy')
        return 'team';
    if (kind === 'organization')
        return 'organization';
    if (kind === 'audit-trail')
        return 'audit_trails';
    return null;
}
async function readPolicy(context, organization) {
    if (!organization)
        return { unreadable: 'the organization input is not set' };
    try {
        return { maxima: await listMaxima(context.client, organization) };
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD && (error.is(403) || error.is(404))) {
            return { unreadable: `only the owners team may read it (${error.status})` };
        }
        throw error;
    }
}
function lifetimeLabel(ms) {
    return ms % DAY_MS === 0 || ms > 30 * DAY_MS ? `${Number((ms / DAY_MS).toFixed(2))} days` : `${Number((ms / 3_600_000).toFixed(2))} hours`;
}
/**
 * Runs a create; when the server refuses it for its expiry, reads the policy: a defaulted expiry is clamped to the
 * maximum and created again (with a notice), an explicit one fails naming the maximum. No request is spent on the
 * policy when the first create succeeds.
 */
async function createUnderPolicy(context, request, create) {
    try {
        return await create(request.expiresAt);
    }
    catch (error) {
        if (!refusedForExpiry(error))
            throw error;
        const type = policyTypeOf(request.kind);
        const reading = await readPolicy(context, request.organization);
        const max = 'maxima' in reading && type ? reading.maxima.get(type) : undefined;
        if (max === undefined) {
            const why = 'unreadable' in reading ? reading.unreadable : 'it names no maximum for this token type';
            throw new Error(`${(0,errors/* errorMessage */.gJ)(error)} The organization's token lifetime policy could not be read (${why}); try a shorter expiry.`);
        }
        const now = context.now();
        if (request.expiresAt.getTime() - now <= max)
            throw error;
        if (!request.expiryDefaulted)
            throw tooLong(type, max, 'create');
        const clamped = clampedExpiry(now, max);
        context.io.notice(`The organization allows ${type} tokens at most ${lifetimeLabel(max)}; the default expiry was shortened to ${clamped.toISOString()}.`);
        return create(clamped);
    }
}
/**
 * A rotation reads the policy first (a scheduled run can afford the request): a defaulted expiry beyond the maximum
 * is clamped with a notice, an explicit one fails before anything is created. Unreadable: said, and go on.
 */
async function expiryForRotation(context, inputs) {
    const kind = inputs.legacy ? 'team-legacy' : inputs.tokenType;
    const type = policyTypeOf(kind);
    if (!inputs.expiresAt || !type)
        return inputs.expiresAt;
    const reading = await readPolicy(context, inputs.organization);
    if ('unreadable' in reading) {
        context.io.info(`Could not read the organization's token lifetime policy (${reading.unreadable}); using the expiry as given.`);
        return inputs.expiresAt;
    }
    const max = reading.maxima.get(type);
    const now = context.now();
    if (max === undefined || inputs.expiresAt.getTime() - now <= max)
        return inputs.expiresAt;
    if (!inputs.expiryDefaulted)
        throw tooLong(type, max, 'rotate');
    const clamped = clampedExpiry(now, max);
    context.io.notice(`The organization allows ${type} tokens at most ${lifetimeLabel(max)}; the default expiry was shortened to ${clamped.toISOString()}.`);
    return clamped;
}
function refusedForExpiry(error) {
    return error instanceof errors/* ApiError */.hD && (error.is(400) || error.is(422)) && /expir/i.test(error.message);
}
function clampedExpiry(now, max) {
    if (max - CLAMP_MARGIN_MS < expiry/* MIN_LIFETIME_MS */.wF) {
        throw new Error(`The organization's maximum token lifetime (${lifetimeLabel(max)}) is shorter than the 5 minutes a token needs to be useful.`);
    }
    return new Date(now + max - CLAMP_MARGIN_MS);
}
function tooLong(type, max, mode) {
    const nothing = mode === 'rotate' ? ' Nothing was created.' : '';
    return new Error(`Input "expiry" is beyond the organization's maximum lifetime for ${type} tokens, ${lifetimeLabel(max)}.${nothing} Choose an expiry within it, or leave expiry empty to use the maximum.`);
}
/** Rows for the list summary: each type's maximum, or null when the credential may not read the policy. */
async function policyRows(context, organization) {
    const reading = await readPolicy(context, organization);
    if ('unreadable' in reading) {
        context.io.info(`The organization's token lifetime policy is not shown: ${reading.unreadable}.`);
        return null;
    }
    return [...reading.maxima].map(([type, max]) => [type, lifetimeLabel(max)]);
}


/***/ }),

/***/ 3724:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ mint)
});

// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(5071);
// EXTERNAL MODULE: ./lib/src/tfc/documents.js
var documents = __webpack_require__(5884);
// EXTERNAL MODULE: ./lib/src/tfc/agent-tokens.js
var agent_tokens = __webpack_require__(1622);
// EXTERNAL MODULE: ./lib/src/tfc/organization-tokens.js
var organization_tokens = __webpack_require__(394);
// EXTERNAL MODULE: ./lib/src/tfc/team-tokens.js
var team_tokens = __webpack_require__(4112);
// EXTERNAL MODULE: ./lib/src/tokens/context.js
var context = __webpack_require__(3670);
// EXTERNAL MODULE: ./lib/src/tokens/scoped-team-cleanup.js
var scoped_team_cleanup = __webpack_require__(7834);
;// CONCATENATED MODULE: ./lib/src/tokens/cleanup.js






/** Deletes the one token a record names, or says why it is left alone. Returns a line for the summary. */
async function cleanUp(context, record) {
    const { io } = context;
    if (record.kind === 'scoped-team')
        return cleanUpScopedTeam(context, record);
    const label = record.tokenId ?? `(${record.kind} token, id unknown)`;
    if (record.expiredAt && Date.parse(record.expiredAt) <= context.now)
        return say(io, `Skipping ${label}: it has already expired.`);
    // A token whose secret never arrived is useless to everyone, so it goes whatever `ephemeral` says.
    if (!record.tokenId)
        return cleanUpUnconfirmed(context, record);
    if (!record.ephemeral)
        return say(io, `Keeping ${label}: ephemeral is false.`);
    const outcome = await deleteRecorded(context.client, record, record.tokenId);
    io.info(outcome);
    return outcome;
}
/** Deletes a token this run created, by id; a one-per-owner token only while it is still the current one. */
async function deleteRecorded(client, record, tokenId) {
    if (record.kind === 'team' || record.kind === 'agent') {
        const result = await team_tokens/* deleteById */.ST(client, tokenId);
        const kind = record.kind === 'team' ? 'Team' : 'Agent';
        return result === 'deleted' ? `Deleted ${record.kind} token ${tokenId}.` : `${kind} token ${tokenId} was already gone.`;
    }
    const singleton = singletonOf(client, record);
    const current = await singleton.read();
    if (!current || current.id !== tokenId) {
        const other = current ? ` ${current.id}` : '';
        return `Token ${tokenId} was already replaced or deleted; the current ${record.kind} token${other} was left alone.`;
    }
    return (await singleton.remove()) === 'deleted' ? `Deleted token ${tokenId}.` : `Token ${tokenId} was already gone.`;
}
/** Read and delete for a one-per-owner token: the team's legacy token, or the organization's (audit-trail) token. */
function singletonOf(client, record) {
    if (record.kind === 'team-legacy') {
        const teamId = record.teamId;
        return { read: () => team_tokens/* readLegacy */.Od(client, teamId), remove: () => team_tokens/* deleteLegacy */.LD(client, teamId) };
    }
    const organization = record.organization;
    const kind = record.kind === 'audit-trail' ? 'audit-trail' : 'organization';
    return {
        read: () => organization_tokens/* read */.LF(client, organization, kind),
        remove: () => organization_tokens/* remove */.TF(client, organization, kind),
    };
}
/**
 * A create whose answer never arrived: find the token it may have made. Only a token that carries this run's
 * nonce in its description, on the same team (or agent pool), with the expiry this run asked for, is this run's:
 * a description a person chose, or another job's token, never is.
 */
async function cleanUpUnconfirmed(context, record) {
    const { io } = context;
    const found = await findUnconfirmed(context.client, record);
    if (found === 'cannot-look-up') {
        return say(io, `A ${record.kind} token create was interrupted and its id never arrived; check the ${record.kind} token by hand. ` +
            `It expires at ${record.expiredAt || 'never'}.`);
    }
    if (!found)
        return say(io, `No token was created under "${record.description}"; nothing to delete.`);
    const result = await teamTokens.deleteById(context.client, found.id);
    const outcome = result === 'deleted' ? `Deleted ${record.kind} token ${found.id}, whose create was interrupted.` : `Token ${found.id} was already gone.`;
    io.info(outcome);
    return outcome;
}
async function findUnconfirmed(client, record) {
    if (!record.description)
        return 'cannot-look-up';
    if (record.kind === 'agent' && record.agentPoolId) {
        const tokens = await agentTokens.listAll(client, record.agentPoolId);
        return tokens.find((token) => isOwnedBy(token, record)) ?? null;
    }
    if (record.kind !== 'team' || !record.teamId)
        return 'cannot-look-up';
    const team = await teamWithOrganization(client, record.teamId, record.organization);
    const tokens = await teamTokens.listAll(client, team.organization, { teamName: team.name });
    return tokens.find((token) => isOwnedBy(token, record)) ?? null;
}
function say(io, message) {
    io.notice(message);
    return message;
}

// EXTERNAL MODULE: ./lib/src/tokens/ownership.js
var ownership = __webpack_require__(1172);
;// CONCATENATED MODULE: ./lib/src/tokens/mint.js




/**
 * Every create goes through here: recorded for the post step before the request, and checked after it. A token whose
 * secret is missing or implausible is deleted by id at once; an expiry other than the one asked for is warned about,
 * because the expiry is the backstop when the post step never runs.
 */
async function mint(context, record, create) {
    try {
        const token = await context.ledger.track(record, create);
        await checkExpiry(context, record.expiredAt, token);
        return token;
    }
    catch (error) {
        if (error instanceof documents/* UnusableTokenError */.v_)
            throw await discard(context, record, error);
        throw error;
    }
}
async function discard(context, record, error) {
    try {
        context.io.info(await deleteRecorded(context.client, record, error.tokenId));
        context.ledger.forget(error.tokenId);
        return new Error(`${error.message} It was deleted again; nothing was output or exported.`);
    }
    catch (deleteError) {
        return new Error(`${error.message} Deleting it failed too (${(0,errors/* errorMessage */.gJ)(deleteError)}); the post step tries again. Nothing was output or exported.`);
    }
}
async function checkExpiry(context, askedFor, token) {
    // Agent tokens have no expiry to ask for.
    if (!askedFor || (0,ownership/* sameInstant */.eM)(token.expiredAt, askedFor))
        return;
    const got = token.expiredAt === null ? 'no expiry' : `an expiry of ${token.expiredAt}`;
    const message = `Token ${token.id} was asked to expire at ${askedFor} but the server reports ${got}: if the post step never runs, it lives that long.`;
    context.io.warning(message);
    await context.publisher.summary('HCP Terraform token expiry differs', [
        ['Token ID', token.id],
        ['Expiry asked for', askedFor],
        ['Expiry reported', token.expiredAt ?? 'none'],
    ]);
}


/***/ }),

/***/ 2348:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ warnIfOwnersTeam)
/* harmony export */ });
/**
 * The owners team's tokens can do anything in the organization. Called wherever the team's name is already known:
 * with team-id alone the name would cost a request, and the per-job create by id stays at exactly one.
 */
function warnIfOwnersTeam(io, teamName) {
    if (teamName !== 'owners')
        return;
    io.warning('This token belongs to the "owners" team: it has full administrative access to the whole organization. ' +
        'Give the job only what it needs with scoped mode (workspaces and/or projects instead of team-name), ' +
        'which mints the token for a temporary team with access to exactly those.');
}


/***/ }),

/***/ 1172:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ isOwnedBy),
/* harmony export */   ED: () => (/* binding */ withNonce),
/* harmony export */   eM: () => (/* binding */ sameInstant)
/* harmony export */ });
/* unused harmony export NONCE */
/**
 * Proof that a token is this run's. Every description the action sends ends in a fresh 64-bit nonce, whether the
 * user chose the rest or not, so only the run that drew the nonce can know it. A token is taken as this run's only
 * when its description is exactly the one sent (nonce included), it belongs to the same team, and its expiry is the
 * instant sent. A description that merely matches what a person typed is never enough.
 */
const NONCE = /^[0-9a-f]{16}$/;
function withNonce(base, nonce) {
    return `${base} ${nonce}`;
}
function isOwnedBy(token, attempt) {
    const { description } = attempt;
    if (!description || token.description !== description)
        return false;
    if (!NONCE.test(description.slice(description.lastIndexOf(' ') + 1)))
        return false;
    if (attempt.teamId !== null && token.teamId !== attempt.teamId)
        return false;
    return !attempt.expiredAt || sameInstant(token.expiredAt, attempt.expiredAt);
}
/** The expiry the server reports is the instant sent; servers may drop its milliseconds. */
function sameInstant(reported, sent) {
    return reported !== null && Math.abs(Date.parse(reported) - Date.parse(sent)) < 1000;
}


/***/ }),

/***/ 7834:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports isScopedTeamRecord, inCleanupOrder, recordLabel, leftBehindHint, cleanUpScopedTeam */
/* harmony import */ var _inputs_scoped_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3780);
/* harmony import */ var _tfc_ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1444);
/* harmony import */ var _tfc_teams_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9984);



/** A scoped-team record as this action writes it; anything else read from state is not acted on. */
function isScopedTeamRecord(value) {
    if (!value || typeof value !== 'object')
        return false;
    const record = value;
    return (record['kind'] === 'scoped-team' &&
        typeof record['teamName'] === 'string' &&
        scopedTeamCreatedAt(record['teamName']) !== null &&
        isId('name', record['organization']) &&
        (record['teamId'] === null || isId('team', record['teamId'])) &&
        record['tokenId'] === null &&
        record['description'] === null &&
        typeof record['expiredAt'] === 'string' &&
        record['ephemeral'] === true);
}
/** Tokens first, then teams: a token is deleted by its id before the team it belongs to disappears. */
function inCleanupOrder(records) {
    return [...records.filter((record) => record.kind !== 'scoped-team'), ...records.filter((record) => record.kind === 'scoped-team')];
}
/** How the post step names a record in its summary and warnings. */
function recordLabel(record) {
    if (record.kind === 'scoped-team')
        return `temporary team ${isScopedTeamRecord(record) ? record.teamName : '(invalid record)'}`;
    return record.tokenId ?? 'token with unknown id';
}
/** What a person must do about a record the post step could not clean up. */
function leftBehindHint(record) {
    if (record.kind === 'scoped-team')
        return 'Delete the team by hand (Settings > Teams), or let mode: sweep remove it.';
    return `Delete it by hand; it expires at ${record.expiredAt}.`;
}
/** DELETE /teams/:id (404 means done); a team whose id never arrived is looked up by its name first. */
async function cleanUpScopedTeam(context, record) {
    const { io, client } = context;
    if (!isScopedTeamRecord(record))
        return say(io, 'Skipping a temporary-team record in the saved state that this action would not have written.');
    const teamId = record.teamId ?? (await lookUpTeam(client, record.organization, record.teamName))?.id ?? null;
    if (!teamId)
        return say(io, `No temporary team ${record.teamName} is visible: it was never created, or is already gone.`);
    const result = await deleteTeam(client, teamId);
    const outcome = result === 'deleted' ? `Deleted the temporary team ${record.teamName} (${teamId}).` : `The temporary team ${record.teamName} (${teamId}) was already gone.`;
    io.info(outcome);
    return outcome;
}
function say(io, message) {
    io.notice(message);
    return message;
}


/***/ })

};
