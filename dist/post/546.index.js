export const id = 546;
export const ids = [546,71];
export const modules = {

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

/***/ 546:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  POST_BUDGET_MS: () => (/* binding */ POST_BUDGET_MS),
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(71);
;// CONCATENATED MODULE: ./lib/src/expiry.js

const MINUTE = 60_000;
const UNIT_MS = { m: MINUTE, h: 60 * MINUTE, d: 24 * 60 * MINUTE, w: 7 * 24 * 60 * MINUTE };
/** A token must outlive the request that makes it and the step that uses it; shorter is a typo, not a choice. */
const MIN_LIFETIME_MS = 5 * MINUTE;
/** The servers' own default (and the default maximum TTL policy) is two years; anything beyond is a typo. */
const MAX_LIFETIME_MS = 730 * 24 * 60 * MINUTE;
const DURATION = /^([1-9][0-9]{0,6})(m|h|d|w)$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const ALLOWED = 'a duration such as 45m, 6h, 7d or 2w, or an RFC 3339 timestamp such as 2030-01-31T12:00:00Z';
/** Turns the `expiry` input into the instant the token expires, checked against [now + 5m, now + 730d]. */
function expiry_parseExpiry(value, now) {
    const at = expiryInstant(value, now);
    if (at - now < MIN_LIFETIME_MS) {
        throw new InputError('expiry', `must lie at least 5 minutes in the future; got "${value}".`);
    }
    if (at - now > MAX_LIFETIME_MS) {
        throw new InputError('expiry', `must lie at most 730 days (2 years) in the future; got "${value}".`);
    }
    return new Date(at);
}
/** `45m`, `6h`, `7d`, `2w` in milliseconds; null for anything else. */
function expiry_durationMs(value) {
    const duration = DURATION.exec(value);
    return duration ? Number(duration[1]) * UNIT_MS[duration[2]] : null;
}
function expiryInstant(value, now) {
    const duration = expiry_durationMs(value);
    if (duration !== null)
        return now + duration;
    if (RFC3339.test(value) && isCalendarDate(value)) {
        const at = Date.parse(value);
        if (!Number.isNaN(at))
            return at;
    }
    throw new InputError('expiry', `must be ${ALLOWED}; got "${value}".`);
}
/**
 * Date.parse rolls 2030-02-31 over into March and accepts T24:00:00; a timestamp that names no real day or time of
 * day is a typo.
 */
function isCalendarDate(value) {
    const [year, month, day] = value.slice(0, 10).split('-').map(Number);
    const [hour, minute, second] = value.slice(11, 19).split(':').map(Number);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const realDay = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
    return realDay && hour <= 23 && minute <= 59 && second <= 59;
}

;// CONCATENATED MODULE: ./lib/src/hostname.js

const DEFAULT_HOSTNAME = 'app.terraform.io';
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_AND_PORT = new RegExp(`^(${LABEL}(?:\\.${LABEL})*)(?::([0-9]{1,5}))?$`);
/**
 * Normalises the `hostname` input to `host` or `host:port`. The credential travels to this host only, so
 * anything that could send it elsewhere (plain http, a path, user info) is refused rather than guessed at.
 */
function parseHostname(raw) {
    let value = raw;
    if (/^http:\/\//i.test(value)) {
        throw new errors.InputError('hostname', 'must not use http://: the API token would travel unencrypted. Give the host alone, e.g. app.terraform.io.');
    }
    value = value.replace(/^https:\/\//i, '').replace(/\/$/, '').toLowerCase();
    const match = HOST_AND_PORT.exec(value);
    const port = match?.[2];
    if (!match || (port !== undefined && (Number(port) < 1 || Number(port) > 65535))) {
        throw new errors.InputError('hostname', `must be a host name with an optional port (host or host:port, e.g. app.terraform.io or tfe.example.com:8443), with no path, user info or spaces; got ${hostname_quote(raw)}.`);
    }
    return value;
}
/**
 * The variable Terraform CLI reads credentials from: `.` becomes `_` and `-` becomes `__`.
 * Returns null for a host with a port, which the CLI's naming scheme cannot express.
 */
function terraformTokenVariable(hostname) {
    if (hostname.includes(':'))
        return null;
    return `TF_TOKEN_${hostname.replace(/-/g, '__').replace(/\./g, '_')}`;
}
function hostname_quote(value) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    return JSON.stringify(shown);
}

;// CONCATENATED MODULE: ./lib/src/input-rules.js



const input_rules_FORK_HINT = 'Secrets are not passed to workflows triggered from forks or by Dependabot; if this is such a run, the secret exists but is not given to it.';
const TEAM_ID = /^team-[A-Za-z0-9]{1,64}$/;
const TOKEN_ID = /^at-[A-Za-z0-9]{1,64}$/;
const AGENT_POOL_ID = /^apool-[A-Za-z0-9]{1,64}$/;
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
function input_rules_oneOf(source, name, allowed, fallback) {
    const value = source.get(name) || fallback;
    if (!allowed.includes(value)) {
        throw new InputError(name, `must be one of ${allowed.join(', ')}; got ${quote(value)}.`);
    }
    return value;
}
const TRUE = (/* unused pure expression or super */ null && (['true', 'True', 'TRUE']));
const FALSE = (/* unused pure expression or super */ null && (['false', 'False', 'FALSE']));
/** YAML 1.2 core-schema booleans, as the runner's own getBooleanInput reads them. */
function input_rules_boolean(source, name, fallback) {
    const value = source.get(name);
    if (!value)
        return fallback;
    if (TRUE.includes(value))
        return true;
    if (FALSE.includes(value))
        return false;
    throw new InputError(name, `must be a YAML 1.2 boolean (true, True, TRUE, false, False or FALSE); got ${quote(value)}.`);
}
function input_rules_forbid(source, name, why) {
    if (source.get(name))
        throw new InputError(name, `${why}; remove it.`);
}
function input_rules_teamRef(source) {
    const team = input_rules_optionalTeamRef(source);
    if (!team)
        throw new InputError('team-id', 'or team-name is required for team tokens; give exactly one of them.');
    return team;
}
function input_rules_optionalTeamRef(source) {
    const id = source.get('team-id');
    const name = source.get('team-name');
    if (id && name)
        throw new InputError('team-id', 'and team-name are both set; give exactly one of them.');
    if (id) {
        if (!TEAM_ID.test(id))
            throw new InputError('team-id', `must be a team id like team-6p5jTwJQXwqZBncC; got ${quote(id)}.`);
        return { id };
    }
    if (name) {
        if (!NAME.test(name))
            throw new InputError('team-name', `must be a team name (letters, digits, - and _); got ${quote(name)}.`);
        return { name };
    }
    return null;
}
function input_rules_forbidTeamInputs(source, tokenType) {
    input_rules_forbid(source, 'team-id', `applies only to team tokens, not to token-type: ${tokenType}`);
    input_rules_forbid(source, 'team-name', `applies only to team tokens, not to token-type: ${tokenType}`);
    if (input_rules_boolean(source, 'legacy-team-token', false)) {
        throw new InputError('legacy-team-token', `applies only to team tokens, not to token-type: ${tokenType}.`);
    }
}
function input_rules_organization(source, required, why = 'organization tokens and team-name look-ups') {
    const value = source.get('organization') || source.env['TF_CLOUD_ORGANIZATION']?.trim() || '';
    if (!value) {
        if (!required)
            return null;
        throw new InputError('organization', `is required here (${why}) and TF_CLOUD_ORGANIZATION is not set either.`);
    }
    if (!NAME.test(value)) {
        throw new InputError('organization', `must be an organization name (letters, digits, - and _); got ${quote(value)}.`);
    }
    return value;
}
function input_rules_requiredOrganization(source, why) {
    return input_rules_organization(source, true, why);
}
function input_rules_agentPoolId(source) {
    const value = source.get('agent-pool-id');
    if (!value)
        throw new InputError('agent-pool-id', 'is required for agent tokens (the apool-… id of the agent pool).');
    if (!AGENT_POOL_ID.test(value))
        throw new InputError('agent-pool-id', `must be an agent pool id like apool-yoGUFz5zcRMMz53i; got ${quote(value)}.`);
    return value;
}
function input_rules_optionalTokenId(source) {
    const value = source.get('token-id');
    if (!value)
        return null;
    if (!TOKEN_ID.test(value))
        throw new InputError('token-id', `must be a token id like at-TLhN8cc6ro6qYDvp; got ${quote(value)}.`);
    return value;
}
/** The API allows 255 characters; the action appends a space and a 16-character nonce to every description. */
const MAX_DESCRIPTION_LENGTH = (/* unused pure expression or super */ null && (255 - 17));
function input_rules_checkedDescription(value) {
    if (value.length > MAX_DESCRIPTION_LENGTH || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
        throw new InputError('description', `must be at most ${MAX_DESCRIPTION_LENGTH} characters with no line breaks or control characters (the action appends a 17-character nonce).`);
    }
    return value;
}
function input_rules_duration(source, name, fallback) {
    const value = source.get(name) || fallback;
    const ms = durationMs(value);
    if (ms === null)
        throw new InputError(name, `must be a duration such as 45m, 6h, 7d or 2w; got ${quote(value)}.`);
    return ms;
}
function input_rules_wholeNumber(source, name, fallback, min, max) {
    const value = source.get(name) || fallback;
    if (!/^[0-9]{1,4}$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new InputError(name, `must be a whole number from ${min} to ${max}; got ${quote(value)}.`);
    }
    return Number(value);
}

;// CONCATENATED MODULE: ./lib/src/inputs/rotate.js





/** Inputs that mean something with mode: rotate only. */
const rotate_ROTATE_ONLY_INPUTS = (/* unused pure expression or super */ null && ([
    'secret-name',
    'secret-repository',
    'secret-environment',
    'secret-organization',
    'github-token',
    'keep-previous',
    'variable-key',
    'variable-workspace',
    'variable-set',
    'variable-category',
]));
const DEFAULT_ROTATION_EXPIRY = '30d';
function rotate_parseRotate(source, connection, tokenType) {
    const legacy = tokenType === 'team' && boolean(source, 'legacy-team-token', false);
    const replacedByCreate = tokenType === 'organization' || tokenType === 'audit-trail' || legacy;
    const team = tokenType === 'team' ? teamRef(source) : null;
    if (tokenType !== 'team')
        forbidTeamInputs(source, tokenType);
    if (replacedByCreate) {
        forbid(source, 'description', 'is not used when rotating a token that has no description (organization, audit-trail or legacy team token)');
    }
    if (tokenType === 'agent')
        forbid(source, 'expiry', 'cannot be set for agent tokens: the API gives them no expiry');
    if (!source.get('secret-name') && !source.get('variable-key')) {
        throw new InputError('secret-name', 'or variable-key is required with mode: rotate: the GitHub Actions secret, the HCP Terraform variable, or both, that receive the new token.');
    }
    const secret = secretDestination(source);
    const variable = variableDestination(source);
    // Team rotations find their predecessors in the organization's team-token list; given a team id, the API names it.
    const needsOrganization = tokenType !== 'agent' && !(team !== null && 'id' in team);
    const expiry = source.get('expiry');
    return {
        ...connection,
        operation: 'rotate-token',
        tokenType,
        team,
        organization: organization(source, needsOrganization, 'rotation finds earlier tokens in the organization'),
        agentPoolId: tokenType === 'agent' ? agentPoolId(source) : null,
        legacy,
        expiresAt: tokenType === 'agent' ? null : parseExpiry(expiry || DEFAULT_ROTATION_EXPIRY, source.now),
        expiryDefaulted: !expiry,
        description: replacedByCreate ? '' : checkedDescription(source.get('description')) || defaultRotationDescription(source.run),
        keepPrevious: wholeNumber(source, 'keep-previous', '1', 0, 100),
        secret,
        variable,
    };
}
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** GitHub logins: letters, digits and single inner hyphens, at most 39 characters. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
const REPOSITORY_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
function secretDestination(source) {
    const name = source.get('secret-name');
    if (!name) {
        for (const input of ['secret-repository', 'secret-environment', 'secret-organization', 'github-token']) {
            forbid(source, input, 'is only used with secret-name (rotation into a GitHub secret)');
        }
        return null;
    }
    if (!SECRET_NAME.test(name) || /^GITHUB_/i.test(name)) {
        throw new InputError('secret-name', `must contain only letters, digits and underscores, must not start with a digit or with GITHUB_; got ${quote(name)}.`);
    }
    const environment = source.get('secret-environment') || null;
    const secretOrganization = source.get('secret-organization') || null;
    if (secretOrganization && (environment || source.get('secret-repository'))) {
        throw new InputError('secret-organization', 'cannot be combined with secret-repository or secret-environment: an organization secret belongs to the organization.');
    }
    if (secretOrganization && !OWNER.test(secretOrganization)) {
        throw new InputError('secret-organization', `must be a GitHub organization login; got ${quote(secretOrganization)}.`);
    }
    if (environment && (environment.length > 255 || /[\u0000-\u001f'"`]/.test(environment))) {
        throw new InputError('secret-environment', `must be a GitHub environment name; got ${quote(environment)}.`);
    }
    const repository = source.get('secret-repository') || source.env['GITHUB_REPOSITORY'] || '';
    if (!secretOrganization && !isRepository(repository)) {
        throw new InputError('secret-repository', `must be owner/repo, a GitHub login and a repository name other than . or .. (default: the current repository, GITHUB_REPOSITORY); got ${quote(repository)}.`);
    }
    const githubToken = source.get('github-token');
    if (!githubToken) {
        throw new InputError('github-token', `is required with secret-name: a token allowed to write Actions secrets (the workflow's GITHUB_TOKEN never is). ${FORK_HINT}`);
    }
    const apiUrl = (source.env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/$/, '');
    return { name, repository, environment, organization: secretOrganization, githubToken, apiUrl };
}
/** `owner/name` where the name is a real repository name: `.` and `..` would walk up the API path. */
function isRepository(value) {
    const [owner, name, ...rest] = value.split('/');
    return rest.length === 0 && OWNER.test(owner ?? '') && REPOSITORY_NAME.test(name ?? '') && name !== '.' && name !== '..';
}
/** Environment variable names; Terraform variable names also allow hyphens. Both start with a letter or `_`. */
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const TERRAFORM_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
const WORKSPACE_ID = /^ws-[A-Za-z0-9]{1,64}$/;
const WORKSPACE_NAME = /^[A-Za-z0-9_-]{1,90}$/;
const VARIABLE_SET_ID = /^varset-[A-Za-z0-9]{1,64}$/;
function variableDestination(source) {
    const key = source.get('variable-key');
    if (!key) {
        for (const input of ['variable-workspace', 'variable-set', 'variable-category']) {
            forbid(source, input, 'is only used with variable-key (rotation into an HCP Terraform variable)');
        }
        return null;
    }
    const category = source.get('variable-category') || 'env';
    if (category !== 'env' && category !== 'terraform') {
        throw new InputError('variable-category', `must be env or terraform; got ${quote(category)}.`);
    }
    if (!(category === 'env' ? ENV_KEY : TERRAFORM_KEY).test(key)) {
        const allowed = category === 'env' ? 'letters, digits and underscores' : 'letters, digits, underscores and hyphens';
        throw new InputError('variable-key', `must be a ${category} variable name (${allowed}, not starting with a digit, at most 128 characters); got ${quote(key)}.`);
    }
    const workspaceInput = source.get('variable-workspace');
    const setInput = source.get('variable-set');
    if (Boolean(workspaceInput) === Boolean(setInput)) {
        throw new InputError('variable-workspace', 'or variable-set (exactly one of them) is required with variable-key: the workspace or variable set that holds the variable.');
    }
    const workspace = workspaceInput ? workspaceRef(workspaceInput) : null;
    const variableSet = setInput ? variableSetRef(setInput) : null;
    const byName = (workspace !== null && 'name' in workspace) || (variableSet !== null && 'name' in variableSet);
    const why = `${workspace ? 'variable-workspace' : 'variable-set'} is a name, looked up in the organization`;
    return { key, category, workspace, variableSet, organization: organization(source, byName, why) };
}
function workspaceRef(value) {
    if (WORKSPACE_ID.test(value))
        return { id: value };
    if (WORKSPACE_NAME.test(value))
        return { name: value };
    throw new InputError('variable-workspace', `must be a workspace name (letters, digits, - and _) or id (ws-…); got ${quote(value)}.`);
}
function variableSetRef(value) {
    if (VARIABLE_SET_ID.test(value))
        return { id: value };
    if (value.length <= 128 && !/[\u0000-\u001f\u007f-\u009f]/.test(value))
        return { name: value };
    throw new InputError('variable-set', `must be a variable set name (at most 128 characters, no control characters) or id (varset-…); got ${quote(value)}.`);
}

;// CONCATENATED MODULE: ./lib/src/inputs/scoped.js





const SCOPED_TEAM_PREFIX = 'gha-tfc-scoped-';
const SCOPED_INPUTS = (/* unused pure expression or super */ null && (['workspaces', 'projects', 'workspace-access', 'project-access']));
const WORKSPACE_LEVELS = (/* unused pure expression or super */ null && (['read', 'plan', 'write', 'admin']));
const PROJECT_LEVELS = (/* unused pure expression or super */ null && (['read', 'write', 'maintain', 'admin']));
/** HCP Europe has HCP groups instead of teams: the Teams API, and so a temporary team, does not exist there. */
const HCP_EUROPE = 'app.eu.terraform.io';
const scoped_WORKSPACE_ID = /^ws-[A-Za-z0-9]{16}$/;
const PROJECT_ID = /^prj-[A-Za-z0-9]{16}$/;
const scoped_WORKSPACE_NAME = /^[A-Za-z0-9_-]{1,90}$/;
/** Letters, digits, spaces, - and _; 3 to 40 characters; no space at either end. */
const PROJECT_NAME = /^[A-Za-z0-9_-][A-Za-z0-9 _-]{1,38}[A-Za-z0-9_-]$/;
/** Scoped mode is asked for by listing workspaces or projects. */
function scoped_wantsScopedToken(source) {
    return Boolean(source.get('workspaces') || source.get('projects'));
}
/** workspaces, projects and their access levels mean nothing outside `mode: create` of team tokens. */
function scoped_forbidScopedInputs(source, mode, tokenType) {
    if (mode === 'create' && tokenType === 'team') {
        if (scoped_wantsScopedToken(source))
            return;
        if (source.get('workspace-access'))
            throw new InputError('workspace-access', 'applies only with workspaces (a scoped token); remove it or list the workspaces.');
        if (source.get('project-access'))
            throw new InputError('project-access', 'applies only with projects (a scoped token); remove it or list the projects.');
        return;
    }
    for (const name of SCOPED_INPUTS) {
        if (source.get(name)) {
            throw new InputError(name, `applies only to mode: create with token-type: team (a scoped token), not to mode: ${mode} with token-type: ${tokenType}; remove it.`);
        }
    }
}
function scoped_parseScopedCreate(source, connection) {
    for (const team of ['team-id', 'team-name']) {
        if (source.get(team))
            throw new InputError(team, 'cannot be combined with workspaces or projects: a scoped token gets a temporary team of its own; remove one of them.');
    }
    const why = 'a scoped team lives only as long as its job';
    if (boolean(source, 'legacy-team-token', false))
        throw new InputError('legacy-team-token', `cannot be true with workspaces or projects: ${why} and gets a described token.`);
    if (boolean(source, 'replace-existing', false))
        throw new InputError('replace-existing', `cannot be true with workspaces or projects: ${why}; nothing is replaced.`);
    if (!boolean(source, 'ephemeral', true))
        throw new InputError('ephemeral', `cannot be false with workspaces or projects: ${why}, and its token with it.`);
    if (connection.hostname === HCP_EUROPE) {
        throw new InputError('hostname', `is HCP Europe (${HCP_EUROPE}), which has HCP groups instead of teams, so scoped tokens (workspaces, projects) cannot work there; use team-id with a group id instead.`);
    }
    const workspaces = refs(source, 'workspaces', scoped_WORKSPACE_ID, scoped_WORKSPACE_NAME, 'a workspace name (letters, digits, - and _, at most 90) or id like ws-6p5jTwJQXwqZBncC');
    const projects = refs(source, 'projects', PROJECT_ID, PROJECT_NAME, 'a project name (letters, digits, spaces, - and _, 3 to 40, no space at either end) or id like prj-6p5jTwJQXwqZBncC');
    if (source.get('workspace-access') && workspaces.length === 0)
        throw new InputError('workspace-access', 'applies only with workspaces; remove it or list the workspaces.');
    if (source.get('project-access') && projects.length === 0)
        throw new InputError('project-access', 'applies only with projects; remove it or list the projects.');
    return {
        ...connection,
        operation: 'create-scoped-token',
        organization: organization(source, true, 'scoped tokens name workspaces and projects in an organization'),
        workspaces,
        projects,
        workspaceAccess: oneOf(source, 'workspace-access', WORKSPACE_LEVELS, 'plan'),
        projectAccess: oneOf(source, 'project-access', PROJECT_LEVELS, 'read'),
        teamName: scopedTeamName(source.run, source.now, source.randomHex().slice(0, 8)),
        expiresAt: parseExpiry(source.get('expiry') || '6h', source.now),
        description: checkedDescription(source.get('description')) || defaultDescription(source.run),
        exportEnv: boolean(source, 'export-env', true),
    };
}
/** Items separated by commas or new lines; an empty item, a bad name or one listed twice is an input error. */
function refs(source, input, id, name, allowed) {
    const raw = source.get(input);
    if (!raw)
        return [];
    // A comma ending a line separates once, so `a,⏎b` is two items, as a person writing YAML means it.
    const items = raw.split(/,?[ \t]*\r?\n|,/).map((item) => item.trim());
    const seen = new Set();
    return items.map((item, index) => {
        if (!item)
            throw new InputError(input, `has an empty item (number ${index + 1}); separate names by single commas or new lines.`);
        if (!id.test(item) && !name.test(item))
            throw new InputError(input, `must list only ${allowed}; got ${quote(item)}.`);
        // Project names are matched case-insensitively by the API, so "Core" and "core" are the same project.
        const key = input === 'projects' ? item.toLowerCase() : item;
        if (seen.has(key))
            throw new InputError(input, `lists ${quote(item)} twice.`);
        seen.add(key);
        return id.test(item) ? { id: item } : { name: item };
    });
}
/** `gha-tfc-scoped-20260301T120000Z-4242-1-9f3a1c2e`: letters, digits, - and _ only, as team names require. */
function scopedTeamName(run, now, randomHex) {
    const time = new Date(now).toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
    const safe = (text) => text.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 20);
    return `${SCOPED_TEAM_PREFIX}${time}-${safe(run.runId)}-${safe(run.runAttempt)}-${randomHex}`;
}
/** The creation time a scoped team's name carries, or null when the name is not one this action makes. */
function scopedTeamCreatedAt(name) {
    const match = /^gha-tfc-scoped-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-[A-Za-z0-9_]{1,20}-[A-Za-z0-9_]{1,20}-[0-9a-f]{8}$/.exec(name);
    if (!match)
        return null;
    const [, year, month, day, hour, minute, second] = match.map(Number);
    const at = Date.UTC(year, month - 1, day, hour, minute, second);
    return Number.isNaN(at) ? null : at;
}

;// CONCATENATED MODULE: ./lib/src/inputs.js








const MODES = (/* unused pure expression or super */ null && (['create', 'delete', 'rotate', 'list', 'sweep']));
const TOKEN_TYPES = (/* unused pure expression or super */ null && (['team', 'organization', 'audit-trail', 'agent']));
/** The credential alone, so the caller can mask it before anything else is read or printed. */
function readApiToken(source) {
    return source.get('api-token') || source.env['TF_API_TOKEN']?.trim() || source.env['TFE_TOKEN']?.trim() || '';
}
/** The host the credential goes to, from the input or the environment; the post step checks its state against it. */
function readHostname(source) {
    const env = source.env;
    return parseHostname(source.get('hostname') || env['TF_CLOUD_HOSTNAME']?.trim() || env['TFE_HOSTNAME']?.trim() || DEFAULT_HOSTNAME);
}
/** Every input check happens here, before any network call; the first problem is thrown as one InputError. */
function parseInputs(source) {
    const mode = oneOf(source, 'mode', MODES, 'create');
    const tokenType = oneOf(source, 'token-type', TOKEN_TYPES, 'team');
    const connection = parseConnection(source);
    if (mode !== 'rotate')
        for (const name of ROTATE_ONLY_INPUTS)
            forbid(source, name, 'is only used with mode: rotate');
    if (mode !== 'list')
        forbid(source, 'expiring-within', 'is only used with mode: list');
    if (mode !== 'create' && mode !== 'rotate')
        forbid(source, 'expiry', `is only used with mode: create or rotate, not ${mode}`);
    if (mode !== 'create' && mode !== 'delete')
        forbid(source, 'token-id', `is only used with mode: create or delete, not ${mode}`);
    if (tokenType !== 'agent')
        forbid(source, 'agent-pool-id', 'applies only to token-type: agent');
    forbidScopedInputs(source, mode, tokenType);
    switch (mode) {
        case 'create':
            forbid(source, 'token-id', 'is only used with mode: delete');
            return parseCreate(source, connection, tokenType);
        case 'delete':
            forbid(source, 'description', 'is only used with mode: create, rotate or list');
            noReplace(source, 'delete');
            return parseDelete(source, connection, tokenType);
        case 'rotate':
            return parseRotate(source, connection, tokenType);
        case 'list':
            return parseList(source, connection, tokenType);
        case 'sweep':
            return parseSweep(source, connection, tokenType);
    }
}
function parseConnection(source) {
    const apiToken = readApiToken(source);
    if (!apiToken) {
        throw new InputError('api-token', `is empty, and neither TF_API_TOKEN nor TFE_TOKEN is set in the environment. ${FORK_HINT}`);
    }
    if (!/^[\x21-\x7e]+$/.test(apiToken)) {
        throw new InputError('api-token', 'contains spaces, line breaks or other characters a token never has; pass the token alone.');
    }
    return { apiToken, hostname: readHostname(source), requestTimeoutMs: requestTimeout(source) };
}
function parseCreate(source, connection, tokenType) {
    if (tokenType === 'team')
        return wantsScopedToken(source) ? parseScopedCreate(source, connection) : createTeamToken(source, connection);
    if (tokenType === 'agent')
        return createAgentToken(source, connection);
    forbidTeamInputs(source, tokenType);
    forbid(source, 'description', `applies only to team and agent tokens: ${tokenType} tokens have no description`);
    const ephemeral = boolean(source, 'ephemeral', true);
    return {
        ...connection,
        operation: 'create-organization-token',
        tokenType,
        organization: requiredOrganization(source, `${tokenType} tokens belong to an organization`),
        expiresAt: expiry(source, ephemeral),
        expiryDefaulted: !source.get('expiry'),
        ephemeral,
        replaceExisting: boolean(source, 'replace-existing', false),
    };
}
function createTeamToken(source, connection) {
    const team = teamRef(source);
    const legacy = boolean(source, 'legacy-team-token', false);
    const replaceExisting = boolean(source, 'replace-existing', false);
    if (replaceExisting && !legacy) {
        throw new InputError('replace-existing', 'applies only to organization, audit-trail and legacy team tokens (legacy-team-token: true); team tokens from the multiple-tokens API never replace each other.');
    }
    const ephemeral = boolean(source, 'ephemeral', true);
    const description = source.get('description');
    if (legacy && description) {
        throw new InputError('description', 'cannot be set for a legacy team token: the legacy API has no description.');
    }
    return {
        ...connection,
        operation: 'create-team-token',
        team,
        organization: organization(source, 'name' in team),
        expiresAt: expiry(source, ephemeral),
        expiryDefaulted: !source.get('expiry'),
        description: legacy ? '' : checkedDescription(description) || defaultDescription(source.run),
        ephemeral,
        legacy,
        replaceExisting,
        exportEnv: boolean(source, 'export-env', true),
    };
}
function createAgentToken(source, connection) {
    forbidTeamInputs(source, 'agent');
    forbid(source, 'expiry', 'cannot be set for agent tokens: the API gives them no expiry');
    noReplace(source, 'agent tokens never replace each other');
    return {
        ...connection,
        operation: 'create-agent-token',
        agentPoolId: agentPoolId(source),
        description: checkedDescription(source.get('description')) || defaultDescription(source.run),
        ephemeral: boolean(source, 'ephemeral', true),
    };
}
function parseDelete(source, connection, tokenType) {
    if (tokenType === 'team')
        return deleteTeamToken(source, connection);
    if (tokenType === 'agent') {
        forbidTeamInputs(source, 'agent');
        const tokenId = optionalTokenId(source);
        if (!tokenId)
            throw new InputError('token-id', 'is required to delete an agent token (the at-… id from the create step\'s token-id output).');
        return { ...connection, operation: 'delete-agent-token', tokenId };
    }
    forbidTeamInputs(source, tokenType);
    return {
        ...connection,
        operation: 'delete-organization-token',
        tokenType,
        organization: requiredOrganization(source, `${tokenType} tokens belong to an organization`),
        tokenId: optionalTokenId(source),
    };
}
function deleteTeamToken(source, connection) {
    const legacy = boolean(source, 'legacy-team-token', false);
    const tokenId = optionalTokenId(source);
    if (!legacy && !tokenId) {
        throw new InputError('token-id', 'is required to delete a team token (the at-… id from the create step\'s token-id output); to delete a team\'s legacy token instead, set legacy-team-token: true and team-id or team-name.');
    }
    if (!legacy) {
        forbid(source, 'team-id', 'is not used when deleting by token-id: the token id alone names the token');
        forbid(source, 'team-name', 'is not used when deleting by token-id: the token id alone names the token');
    }
    const team = legacy ? teamRef(source) : null;
    const byName = team !== null && 'name' in team;
    return { ...connection, operation: 'delete-team-token', tokenId, team, organization: organization(source, byName), legacy };
}
function parseList(source, connection, tokenType) {
    if (tokenType !== 'team')
        throw new InputError('token-type', 'must be team with mode: list (it lists the organization\'s team tokens).');
    return {
        ...connection,
        operation: 'list-tokens',
        organization: requiredOrganization(source, 'mode: list reads the organization\'s team tokens'),
        team: optionalTeamRef(source),
        descriptionPrefix: source.get('description'),
        expiringWithinMs: source.get('expiring-within') ? duration(source, 'expiring-within', '') : null,
    };
}
function parseSweep(source, connection, tokenType) {
    if (tokenType !== 'team')
        throw new InputError('token-type', 'must be team with mode: sweep (it sweeps the organization\'s team tokens).');
    forbid(source, 'team-id', 'is not used with mode: sweep, which sweeps the whole organization');
    forbid(source, 'team-name', 'is not used with mode: sweep, which sweeps the whole organization');
    forbid(source, 'description', 'is not used with mode: sweep: it only ever touches tokens with this action\'s own prefix');
    return {
        ...connection,
        operation: 'sweep-tokens',
        organization: requiredOrganization(source, 'mode: sweep reads the organization\'s team tokens'),
        olderThanMs: duration(source, 'older-than', '24h'),
        dryRun: boolean(source, 'dry-run', false),
    };
}
function noReplace(source, why) {
    if (boolean(source, 'replace-existing', false)) {
        throw new InputError('replace-existing', why === 'delete' ? 'is only used with mode: create.' : `is not used here: ${why}.`);
    }
}
function expiry(source, ephemeral) {
    return parseExpiry(source.get('expiry') || (ephemeral ? '6h' : '30d'), source.now);
}
function requestTimeout(source) {
    const value = source.get('request-timeout') || '30';
    if (!/^[1-9][0-9]{0,2}$/.test(value) || Number(value) > 300) {
        throw new InputError('request-timeout', `must be a whole number of seconds from 1 to 300; got ${quote(value)}.`);
    }
    return Number(value) * 1000;
}

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
        const name = terraformTokenVariable(hostname);
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

// EXTERNAL MODULE: ./lib/src/runner-input.js
var runner_input = __webpack_require__(503);
// EXTERNAL MODULE: ./lib/src/tfc/ids.js
var ids = __webpack_require__(444);
;// CONCATENATED MODULE: ./lib/src/tfc/documents.js

/** Reads an authentication-tokens resource object into metadata; tolerant of absent optional fields. */
function tokenFrom(resource) {
    const data = (resource ?? {});
    const attributes = (data['attributes'] ?? {});
    const team = data['relationships']?.['team']?.['data'];
    const teamId = team?.['id'];
    if (teamId !== undefined && teamId !== null && !(0,ids/* isId */.eQ)('team', teamId)) {
        throw new ids/* UntrustedAnswerError */.hJ('a token names a team whose id is not a team id');
    }
    return {
        id: (0,ids/* checkedId */.VJ)('token', data['id'], 'a token id'),
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
class documents_UnusableTokenError extends Error {
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
function documents_mintedTokenFrom(document, onSecret) {
    const data = (document['data'] ?? {});
    const secret = (data['attributes'] ?? {})['token'];
    if (typeof secret !== 'string' || !PLAUSIBLE_SECRET.test(secret)) {
        const why = typeof secret === 'string' && secret ? 'its secret is not a plausible token' : 'its answer holds no secret';
        if (isId('token', data['id']))
            throw new documents_UnusableTokenError(data['id'], why);
        throw new UntrustedAnswerError('a created token has neither a usable secret nor a valid id');
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

;// CONCATENATED MODULE: ./lib/src/tfc/teams.js

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/teams#list-teams
/**
 * The team called exactly `name`. filter[names] may match case-insensitively, so the answer is compared exactly;
 * a secret team the credential cannot see is simply absent.
 */
async function teams_findTeamByName(client, organization, name) {
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
        id: (0,ids/* checkedId */.VJ)('team', data['id'], 'a team id'),
        name: typeof attributes['name'] === 'string' ? attributes['name'] : '',
        organization: (0,ids/* isId */.eQ)('name', organization) ? organization : null,
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

;// CONCATENATED MODULE: ./lib/src/tokens/scoped-team-cleanup.js



/** A scoped-team record as this action writes it; anything else read from state is not acted on. */
function isScopedTeamRecord(value) {
    if (!value || typeof value !== 'object')
        return false;
    const record = value;
    return (record['kind'] === 'scoped-team' &&
        typeof record['teamName'] === 'string' &&
        scopedTeamCreatedAt(record['teamName']) !== null &&
        (0,ids/* isId */.eQ)('name', record['organization']) &&
        (record['teamId'] === null || (0,ids/* isId */.eQ)('team', record['teamId'])) &&
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
            if (error instanceof ApiError && error.status < 500)
                this.#drop(record.description);
            // Created but unusable: its id is known, so the post step can delete it if the main step cannot.
            if (error instanceof UnusableTokenError)
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
const MAX_STATE_LENGTH = 64 * 1024;
const MAX_RECORDS = 20;
const KINDS = ['team', 'team-legacy', 'organization', 'audit-trail', 'agent'];
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
        [record['tokenId'] === null || (0,ids/* isId */.eQ)('token', record['tokenId']), 'the token id is not an at-… id'],
        [record['teamId'] === null || (0,ids/* isId */.eQ)('team', record['teamId']), 'the team id is not a team-… id'],
        [record['organization'] === null || (0,ids/* isId */.eQ)('name', record['organization']), 'the organization is not a name'],
        [record['agentPoolId'] == null || (0,ids/* isId */.eQ)('agent pool', record['agentPoolId']), 'the agent pool id is not an apool-… id'],
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

;// CONCATENATED MODULE: ./lib/src/tfc/agent-tokens.js

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/agent-tokens
// Agent tokens have a description and no expiry; they are deleted by id like team tokens.
async function create(client, agentPoolId, description, onSecret) {
    const document = await client.post(`/agent-pools/${encodeURIComponent(agentPoolId)}/authentication-tokens`, {
        data: { type: 'authentication-tokens', attributes: { description } },
    });
    return mintedTokenFrom(document, onSecret);
}
async function listAll(client, agentPoolId) {
    return (await client.getAll(`/agent-pools/${encodeURIComponent(agentPoolId)}/authentication-tokens`)).map(tokenFrom);
}

;// CONCATENATED MODULE: ./lib/src/tfc/organization-tokens.js

const path = (organization) => `/organizations/${encodeURIComponent(organization)}/authentication-token`;
/** Terraform Enterprise ignores this parameter and acts on the organization token: callers must check the platform. */
const query = (kind) => (kind === 'audit-trail' ? { token: 'audit-trails' } : {});
async function organization_tokens_create(client, organization, kind, expiredAt, onSecret) {
    const body = { data: { type: 'authentication-token', attributes: { 'expired-at': expiredAt.toISOString() } } };
    return mintedTokenFrom(await client.post(path(organization), body, query(kind)), onSecret);
}
/** The organization's token of this kind, or null when it has none. */
function read(client, organization, kind) {
    return readOrNull(() => client.get(path(organization), query(kind)));
}
function remove(client, organization, kind) {
    return client.delete(path(organization), query(kind));
}

;// CONCATENATED MODULE: ./lib/src/tfc/team-tokens.js



// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#create-a-team-token
/** Multiple-tokens API: a new token beside the team's others, revoking nothing. */
async function team_tokens_create(client, teamId, options, onSecret) {
    const document = await client.post(`/teams/${encodeURIComponent(teamId)}/authentication-tokens`, {
        data: {
            type: 'authentication-tokens',
            attributes: { description: options.description, 'expired-at': options.expiredAt.toISOString() },
        },
    });
    return mintedTokenFrom(document, onSecret);
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
    return { ...mintedTokenFrom(document, onSecret), teamId };
}
/** The team's legacy token, or null when it has none (the API answers 404). */
async function readLegacy(client, teamId) {
    return readOrNull(() => client.get(`/teams/${encodeURIComponent(teamId)}/authentication-token`));
}
function deleteLegacy(client, teamId) {
    return client.delete(`/teams/${encodeURIComponent(teamId)}/authentication-token`);
}
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-tokens#list-team-tokens
/** Every team token of the organization (legacy and described), following every page. */
async function team_tokens_listAll(client, organization, options = {}) {
    const status = options.statuses?.length ? options.statuses.join(',') : null;
    const query = {
        ...(options.teamName ? { q: options.teamName } : {}),
        ...(status ? { 'filter[status]': status, 'filter[expiry_status]': status } : {}),
    };
    const items = await client.getAll(`/organizations/${encodeURIComponent(organization)}/team-tokens`, query, options.onPage);
    return items.map(tokenFrom);
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
    const data = tokenIds.map((id) => ({ type: 'authentication-tokens', id: checkedId('token', id, 'a token id to delete') }));
    try {
        const result = await client.delete(`/organizations/${encodeURIComponent(organization)}/team-tokens`, {}, { data });
        return result === 'not-found' ? 'unsupported' : 'deleted';
    }
    catch (error) {
        if (error instanceof ApiError && error.is(405))
            return 'unsupported';
        throw error;
    }
}

;// CONCATENATED MODULE: ./lib/src/tokens/context.js

/** A team id costs no request; a name costs one look-up. */
async function resolveTeamId(client, team, organization) {
    if ('id' in team)
        return team.id;
    // parseInputs guarantees an organization whenever a team is named.
    return (await findTeamByName(client, organization, team.name)).id;
}
/**
 * The team with its organization: the given one, or the one the API names for the team (one request, made only on
 * the paths that need the organization and were not given it).
 */
async function teamWithOrganization(client, teamId, organization) {
    const team = await readTeam(client, teamId);
    const known = organization ?? team.organization;
    if (!known) {
        throw new Error(`The server did not say which organization team ${teamId} belongs to; set the organization input (or TF_CLOUD_ORGANIZATION).`);
    }
    return { ...team, organization: known };
}

;// CONCATENATED MODULE: ./lib/src/tokens/ownership.js
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

;// CONCATENATED MODULE: ./lib/src/tokens/cleanup.js






/** Deletes the one token a record names, or says why it is left alone. Returns a line for the summary. */
async function cleanUp(context, record) {
    const { io } = context;
    if (record.kind === 'scoped-team')
        return cleanUpScopedTeam(context, record);
    const label = record.tokenId ?? `(${record.kind} token, id unknown)`;
    if (record.expiredAt && Date.parse(record.expiredAt) <= context.now)
        return cleanup_say(io, `Skipping ${label}: it has already expired.`);
    // A token whose secret never arrived is useless to everyone, so it goes whatever `ephemeral` says.
    if (!record.tokenId)
        return cleanUpUnconfirmed(context, record);
    if (!record.ephemeral)
        return cleanup_say(io, `Keeping ${label}: ephemeral is false.`);
    const outcome = await deleteRecorded(context.client, record, record.tokenId);
    io.info(outcome);
    return outcome;
}
/** Deletes a token this run created, by id; a one-per-owner token only while it is still the current one. */
async function deleteRecorded(client, record, tokenId) {
    if (record.kind === 'team' || record.kind === 'agent') {
        const result = await deleteById(client, tokenId);
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
        return { read: () => readLegacy(client, teamId), remove: () => deleteLegacy(client, teamId) };
    }
    const organization = record.organization;
    const kind = record.kind === 'audit-trail' ? 'audit-trail' : 'organization';
    return {
        read: () => read(client, organization, kind),
        remove: () => remove(client, organization, kind),
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
        return cleanup_say(io, `A ${record.kind} token create was interrupted and its id never arrived; check the ${record.kind} token by hand. ` +
            `It expires at ${record.expiredAt || 'never'}.`);
    }
    if (!found)
        return cleanup_say(io, `No token was created under "${record.description}"; nothing to delete.`);
    const result = await deleteById(context.client, found.id);
    const outcome = result === 'deleted' ? `Deleted ${record.kind} token ${found.id}, whose create was interrupted.` : `Token ${found.id} was already gone.`;
    io.info(outcome);
    return outcome;
}
async function findUnconfirmed(client, record) {
    if (!record.description)
        return 'cannot-look-up';
    if (record.kind === 'agent' && record.agentPoolId) {
        const tokens = await listAll(client, record.agentPoolId);
        return tokens.find((token) => isOwnedBy(token, record)) ?? null;
    }
    if (record.kind !== 'team' || !record.teamId)
        return 'cannot-look-up';
    const team = await teamWithOrganization(client, record.teamId, record.organization);
    const tokens = await team_tokens_listAll(client, team.organization, { teamName: team.name });
    return tokens.find((token) => isOwnedBy(token, record)) ?? null;
}
function cleanup_say(io, message) {
    io.notice(message);
    return message;
}

;// CONCATENATED MODULE: ./lib/src/run-post.js







/** The post step's whole budget: a few requests, each with its own deadline; it must not hold the job. */
const POST_BUDGET_MS = 2 * 60_000;
/** Best effort: deletes what the main step recorded; a failure is a warning that names the token, never a failed job. */
async function runPost(deps) {
    const { io } = deps;
    const publisher = new Publisher(io);
    const input = (0,runner_input/* runnerInput */.z)(deps.env);
    const apiToken = readApiToken({ get: input, env: deps.env });
    if (apiToken)
        publisher.mask(apiToken);
    const state = loadCleanupState(io);
    for (const problem of state?.rejected ?? [])
        io.warning(`Skipped a clean-up record that is not valid (${problem}).`);
    if (!state || state.records.length === 0) {
        if (!state?.rejected.length)
            io.notice('Nothing to clean up: this step created no token.');
        return;
    }
    if (!apiToken) {
        io.warning(`Cannot delete ${describe(state.records)}: api-token is empty in the post step. Delete it by hand; it expires on its own.`);
        return;
    }
    const hostname = postHostname(deps, state.hostname);
    if (!hostname)
        return;
    const client = deps.connect({
        hostname,
        apiToken,
        requestTimeoutMs: postTimeoutMs(input('request-timeout')),
        deadline: deps.now() + POST_BUDGET_MS,
    });
    const lines = [];
    try {
        for (const record of inCleanupOrder(state.records))
            lines.push(await cleanUpOne(deps, client, record));
    }
    finally {
        client.close();
    }
    await publisher.summary('HCP Terraform token clean-up', lines);
}
async function cleanUpOne(deps, client, record) {
    const label = recordLabel(record);
    try {
        return [label, await cleanUp({ io: deps.io, client, now: deps.now() }, record)];
    }
    catch (error) {
        deps.io.warning(`Could not delete ${label}: ${(0,errors.errorMessage)(error)} ${leftBehindHint(record)}`);
        return [label, 'delete failed (see the warning)'];
    }
}
/**
 * The credential goes only to the host the inputs name, never to one read from the state file; a state that names
 * another host is not this job's.
 */
function postHostname(deps, saved) {
    let hostname;
    try {
        hostname = readHostname({ get: (0,runner_input/* runnerInput */.z)(deps.env), env: deps.env });
    }
    catch (error) {
        deps.io.warning(`Nothing was cleaned up: ${(0,errors.errorMessage)(error)}`);
        return null;
    }
    if (hostname === saved)
        return hostname;
    deps.io.warning(`Nothing was cleaned up: the saved state names another host than the hostname input (${hostname}).`);
    return null;
}
function describe(records) {
    return records.map(recordLabel).join(', ');
}
/** The main step already validated this input; the post step falls back rather than fail over it. */
function postTimeoutMs(value) {
    const seconds = Number(value);
    return Number.isInteger(seconds) && seconds >= 1 && seconds <= 300 ? seconds * 1000 : 30_000;
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
