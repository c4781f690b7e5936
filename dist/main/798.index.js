export const id = 798;
export const ids = [798];
export const modules = {

/***/ 6670:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ requireHcpTerraform)
/* harmony export */ });
/* unused harmony export appName */
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs (ping and the TFP-AppName header; go-tfe reads it the
// same way)
async function appName(client) {
    const headers = await client.ping();
    const name = headers['tfp-appname'];
    return typeof name === 'string' ? name : null;
}
/**
 * Audit-trail tokens exist only on HCP Terraform. Terraform Enterprise ignores `?token=audit-trails` and would
 * create or delete the organization token instead, so anything but a confirmed HCP Terraform is refused.
 */
async function requireHcpTerraform(client) {
    const name = await appName(client);
    if (name !== 'HCP Terraform') {
        throw new Error(`Audit-trail tokens exist only on HCP Terraform, and ${client.hostname} reports itself as ` +
            `${name ? `"${name}"` : 'something else (no TFP-AppName header)'}. ` +
            'Terraform Enterprise ignores the audit-trail parameter and would act on the organization token instead, so ' +
            'nothing was done.');
    }
}


/***/ }),

/***/ 1798:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rotateToken: () => (/* binding */ rotateToken)
});

// EXTERNAL MODULE: ./lib/src/common/errors.js
var errors = __webpack_require__(1635);
;// CONCATENATED MODULE: ./lib/src/api/tfc/account.js
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/account#get-your-account-details
/** Proves a token authenticates: 200 for a working token, 401 for a revoked, expired or over-TTL one. */
async function verifyToken(client) {
    await client.get('/account/details');
}

// EXTERNAL MODULE: ./lib/src/api/tfc/agent-tokens.js
var agent_tokens = __webpack_require__(6883);
// EXTERNAL MODULE: ./lib/src/api/tfc/organization-tokens.js
var organization_tokens = __webpack_require__(3721);
// EXTERNAL MODULE: ./lib/src/api/tfc/platform.js
var platform = __webpack_require__(6670);
// EXTERNAL MODULE: ./lib/src/api/tfc/team-tokens.js
var team_tokens = __webpack_require__(6311);
// EXTERNAL MODULE: ./lib/src/operations/owners-warning.js
var owners_warning = __webpack_require__(2772);
// EXTERNAL MODULE: ./lib/src/operations/context.js
var operations_context = __webpack_require__(62);
// EXTERNAL MODULE: ./lib/src/common/text.js
var common_text = __webpack_require__(1783);
// EXTERNAL MODULE: ./lib/src/api/tfc/ids.js
var ids = __webpack_require__(5543);
;// CONCATENATED MODULE: ./lib/src/api/tfc/variable-sets.js

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list-variables-in-a-variable-set
function variableSetVariables(variableSetId) {
    return {
        path: `/varsets/${encodeURIComponent((0,ids/* checkedId */.VJ)('variable set', variableSetId, 'the variable set id'))}` +
            '/relationships/vars',
    };
}
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/variable-sets#list
/**
 * The variable set called exactly `name`. The API's `q` is a search, not an exact filter, so every page of its
 * answer is compared by name; none or several exact matches is an error that asks for the varset-… id.
 */
async function findVariableSetId(client, organization, name) {
    const sets = await client.getAll(`/organizations/${encodeURIComponent(organization)}/varsets`, { q: name });
    const matches = sets.filter((set) => (set ?? {})['attributes']?.['name'] === name);
    if (matches.length === 1)
        return (0,ids/* checkedId */.VJ)('variable set', matches[0]['id'], 'the variable set id');
    if (matches.length === 0) {
        throw new Error(`No variable set named "${name}" in organization "${organization}" is visible to this credential (it needs to ` +
            `manage variable sets). Check the name, or use the varset-… id.`);
    }
    throw new Error(`${matches.length} variable sets in organization "${organization}" are named "${name}"; use the varset-… id ` +
        `instead.`);
}

;// CONCATENATED MODULE: ./lib/src/api/tfc/variables.js

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables
function workspaceVariables(workspaceId) {
    return { path: `/workspaces/${encodeURIComponent((0,ids/* checkedId */.VJ)('workspace', workspaceId, 'the workspace id'))}/vars` };
}
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#show-workspace
/** The workspace called exactly `name`; 404 when it does not exist or the credential cannot see it. */
async function findWorkspaceId(client, organization, name) {
    const document = await client.get(`/organizations/${encodeURIComponent(organization)}/workspaces/${encodeURIComponent(name)}`);
    const data = (document['data'] ?? {});
    const attributes = (data['attributes'] ?? {});
    // Case sensitivity of the look-up is undocumented: accept only the name asked for.
    if (attributes['name'] !== name)
        throw new ids/* UntrustedAnswerError */.hJ('the workspace found by name has another name');
    return (0,ids/* checkedId */.VJ)('workspace', data['id'], 'the workspace id');
}
/**
 * Every variable of the collection. Workspace variables come unpaginated per the API description, variable set
 * variables in pages; following meta.pagination handles both.
 */
async function listVariables(client, collection) {
    return (await client.getAll(collection.path)).map(variableFrom);
}
/** Always sensitive (write-only from then on) and never HCL: the value is a token, not an expression. */
async function createSensitive(client, collection, variable, value) {
    const attributes = {
        key: variable.key,
        value,
        category: variable.category,
        description: variable.description,
        hcl: false,
        sensitive: true,
    };
    const document = await client.post(collection.path, { data: { type: 'vars', attributes } });
    return variableFrom(document['data']);
}
/** The value replaced in place (the id stays); sensitive and hcl are restated so the variable stays write-only. */
async function updateSensitiveValue(client, collection, variableId, value) {
    const id = (0,ids/* checkedId */.VJ)('variable', variableId, 'the variable id');
    const document = await client.patch(`${collection.path}/${encodeURIComponent(id)}`, {
        data: { type: 'vars', id, attributes: { value, hcl: false, sensitive: true } },
    });
    return variableFrom(document['data']);
}
function variableFrom(resource) {
    const data = (resource ?? {});
    const attributes = (data['attributes'] ?? {});
    if (typeof attributes['key'] !== 'string' || typeof attributes['category'] !== 'string') {
        throw new ids/* UntrustedAnswerError */.hJ('a variable without a key or category');
    }
    return {
        id: (0,ids/* checkedId */.VJ)('variable', data['id'], 'a variable id'),
        key: attributes['key'],
        category: attributes['category'],
        sensitive: attributes['sensitive'] === true,
    };
}

// EXTERNAL MODULE: ./lib/src/common/version.js
var version = __webpack_require__(2794);
;// CONCATENATED MODULE: ./lib/src/operations/destinations.js





/** Some destinations hold the new token and a later one failed: the new token must stay valid. */
class PartialWriteError extends Error {
    written;
    constructor(written, cause) {
        super((0,errors/* errorMessage */.gJ)(cause));
        this.written = written;
        this.name = 'PartialWriteError';
    }
}
async function prepareDestinations(context, inputs) {
    const destinations = [];
    if (inputs.variable)
        destinations.push(await variableDestination(context, inputs.variable));
    if (inputs.secret)
        destinations.push(secretDestination(inputs.secret, inputs.requestTimeoutMs));
    return destinations;
}
/** Writes every destination in order, setting each one's output as it succeeds; returns `label (what was done)`. */
async function writeDestinations(context, destinations, secret) {
    const written = [];
    for (const destination of destinations) {
        try {
            const done = await destination.write(secret);
            written.push(`${destination.label} (${done})`);
        }
        catch (error) {
            if (written.length > 0)
                throw new PartialWriteError(written, error);
            throw error;
        }
        context.io.setOutput(destination.output, 'true');
        context.io.info(`Stored the new token in ${written[written.length - 1]}.`);
    }
    return written;
}
function secretDestination(secret, timeoutMs) {
    return {
        label: secretLabel(secret),
        output: 'secret-updated',
        async write(value) {
            // Loaded only here: per-job runs never pay for the GitHub client and libsodium.
            const { storeSecret } = await Promise.all(/* import() */[__webpack_require__.e(969), __webpack_require__.e(664)]).then(__webpack_require__.bind(__webpack_require__, 8664));
            const target = {
                name: secret.name,
                repository: secret.repository,
                environment: secret.environment,
                organization: secret.organization,
            };
            const userAgent = `tfc-token-action/${version/* ACTION_VERSION */.Y}`;
            return storeSecret({ token: secret.githubToken, apiUrl: secret.apiUrl, userAgent, timeoutMs }, target, value);
        },
    };
}
function secretLabel(secret) {
    if (secret.organization)
        return `organization secret ${secret.organization}/${secret.name}`;
    if (secret.environment)
        return `environment secret ${secret.repository}:${secret.environment}/${secret.name}`;
    return `repository secret ${secret.repository}/${secret.name}`;
}
/**
 * Resolves the workspace or variable set and looks for the variable (key and category are its identity). An
 * existing variable that is not sensitive is refused: its value is visible to everyone who can read variables,
 * and making it sensitive is the owner's decision, not the action's.
 */
async function variableDestination(context, target) {
    const { collection, where } = await resolveCollection(context, target);
    const label = `${target.category} variable ${target.key} in ${where}`;
    const existing = await findVariable(context, collection, target, where);
    if (existing && !existing.sensitive) {
        throw new Error(`The ${label} exists but is not sensitive, so anyone who can read the workspace's variables would see the ` +
            `token. ` +
            'Nothing was created or changed. Mark the variable sensitive in HCP Terraform (that is your decision to ' +
            'make), or choose another variable-key.');
    }
    if (existing)
        context.io.info(`The ${label} exists (${existing.id}, sensitive): it will be updated in place.`);
    return {
        label,
        output: 'variable-updated',
        write: (value) => writeVariable(context, collection, target, existing?.id ?? null, value),
    };
}
async function resolveCollection(context, target) {
    const { client } = context;
    const organization = target.organization; // parseInputs requires it for every name look-up
    if (target.workspace) {
        const id = 'id' in target.workspace
            ? target.workspace.id
            : await destinations_findWorkspaceId(context, organization, target.workspace.name);
        return {
            collection: workspaceVariables(id),
            where: `workspace ${'name' in target.workspace ? `"${target.workspace.name}" (${id})` : id}`,
        };
    }
    const set = target.variableSet;
    const id = 'id' in set ? set.id : await findVariableSetId(client, organization, set.name);
    return {
        collection: variableSetVariables(id),
        where: `variable set ${'name' in set ? `"${(0,common_text/* printable */.g$)(set.name)}" (${id})` : id}`,
    };
}
async function destinations_findWorkspaceId(context, organization, name) {
    try {
        return await findWorkspaceId(context.client, organization, name);
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD && error.is(404)) {
            throw new Error(`No workspace named "${name}" in organization "${organization}" is visible to this credential. Check the ` +
                `name, or use the ws-… id.`, { cause: error });
        }
        throw error;
    }
}
async function findVariable(context, collection, target, where) {
    try {
        const found = (await listVariables(context.client, collection)).filter((v) => v.key === target.key && v.category === target.category);
        return found[0] ?? null;
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD && error.is(404)) {
            throw new Error(`Cannot read the variables of ${where}: it does not exist, or the credential lacks permission to read and ` +
                `write its variables (the API answers 404 for both). Nothing was created.`, { cause: error });
        }
        throw error;
    }
}
/** Created if missing, else updated in place; a variable created meanwhile by someone else is updated if sensitive. */
async function writeVariable(context, collection, target, existingId, value) {
    const { client } = context;
    if (existingId)
        return `updated ${(await updateSensitiveValue(client, collection, existingId, value)).id}`;
    try {
        const description = 'HCP Terraform token, rotated by the tfc-token-action GitHub Action';
        const fields = { key: target.key, category: target.category, description };
        return `created ${(await createSensitive(client, collection, fields, value)).id}`;
    }
    catch (error) {
        if (!(error instanceof errors/* ApiError */.hD && error.is(422)))
            throw error;
        const raced = (await listVariables(client, collection)).find((v) => v.key === target.key && v.category === target.category);
        if (!raced?.sensitive)
            throw error;
        return `updated ${(await updateSensitiveValue(client, collection, raced.id, value)).id}`;
    }
}

// EXTERNAL MODULE: ./lib/src/operations/lifetime-policy.js + 1 modules
var lifetime_policy = __webpack_require__(6209);
// EXTERNAL MODULE: ./lib/src/operations/mint.js + 2 modules
var mint = __webpack_require__(3887);
;// CONCATENATED MODULE: ./lib/src/operations/rotate-token.js











/**
 * Check the destinations, create the new token, prove it works, write it into every destination (GitHub secret,
 * HCP Terraform variable), and only then revoke what it replaces.
 * Tokens that can coexist (team, agent) are rolled back on failure so nothing changes; tokens replaced by their
 * creation (organization, audit-trail, legacy team) cannot be, so a failure says loudly what to do.
 */
async function rotateToken(context, inputs) {
    if (inputs.tokenType === 'audit-trail')
        await (0,platform/* requireHcpTerraform */.r)(context.client);
    const owner = await ownerOf(context, inputs);
    const destinations = await prepareDestinations(context, inputs);
    const expiresAt = await (0,lifetime_policy/* expiryForRotation */.Z3)(context, inputs);
    const token = await rotate_token_mint(context, inputs, owner, expiresAt);
    context.publisher.tokenOutputs(token);
    (0,owners_warning/* warnIfOwnersTeam */.d)(context.io, owner.teamName);
    context.io.info(`Created ${inputs.tokenType} token ${token.id}${token.expiredAt ? `, expiring at ${token.expiredAt}` : ''}.`);
    const stored = replacedByCreate(inputs)
        ? await storeReplacement(context, inputs, token, destinations)
        : await storeOrRollBack(context, inputs, token, destinations);
    const revoked = replacedByCreate(inputs) ? [] : await revokePrevious(context, inputs, owner, token);
    context.io.setOutput('revoked-ids', JSON.stringify(revoked));
    await context.publisher.summary(`HCP Terraform ${inputs.tokenType} token rotated`, [
        ['Type', inputs.tokenType + (inputs.legacy ? ' (legacy single token)' : '')],
        ['New token ID', token.id],
        ['Expires', token.expiredAt ?? 'never'],
        ['Stored in', stored.join('; ')],
        [
            'Revoked',
            revoked.length > 0
                ? revoked.join(', ')
                : replacedByCreate(inputs)
                    ? 'the previous token (replaced by creation)'
                    : 'none',
        ],
    ]);
}
async function ownerOf(context, inputs) {
    if (!inputs.team)
        return { teamId: null, teamName: null };
    const teamId = await (0,operations_context/* resolveTeamId */.p)(context.client, inputs.team, inputs.organization);
    return { teamId, teamName: 'name' in inputs.team ? inputs.team.name : null };
}
function replacedByCreate(inputs) {
    return inputs.tokenType === 'organization' || inputs.tokenType === 'audit-trail' || inputs.legacy;
}
/**
 * The rotation's description: the stable base plus the UTC time, so later rotations can find this one. Milliseconds
 * included: two rotations in one second must not collide on the team's unique descriptions.
 */
function rotationDescription(base, now, nonce) {
    return `${base} ${new Date(now).toISOString()} ${nonce}`;
}
async function rotate_token_mint(context, inputs, owner, expiry) {
    const { client, publisher } = context;
    const description = replacedByCreate(inputs)
        ? null
        : rotationDescription(inputs.description, context.now(), context.randomHex());
    // Rotated tokens outlive the job (ephemeral: false); the ledger still lets the post step delete a token whose
    // create was interrupted and whose secret therefore never arrived.
    const record = {
        kind: inputs.legacy ? 'team-legacy' : inputs.tokenType,
        organization: inputs.organization,
        teamId: owner.teamId,
        agentPoolId: inputs.agentPoolId,
        description,
        expiredAt: expiry?.toISOString() ?? '',
        ephemeral: false,
    };
    const expiresAt = expiry; // null only for agent tokens, which take no expiry
    return (0,mint/* mint */.X)(context, record, () => {
        switch (inputs.tokenType) {
            case 'agent':
                return agent_tokens/* create */.v(client, inputs.agentPoolId, description, publisher.mask);
            case 'team':
                return inputs.legacy
                    ? team_tokens/* createLegacy */.YG(client, owner.teamId, expiresAt, publisher.mask)
                    : team_tokens/* create */.vt(client, owner.teamId, { description: description, expiredAt: expiresAt }, publisher.mask);
            default:
                return organization_tokens/* create */.vt(client, inputs.organization, inputs.tokenType, expiresAt, publisher.mask);
        }
    });
}
/**
 * The previous token is still valid: on a failure before any destination holds the new token, delete the new one
 * and leave everything as it was. Once one destination holds it, deleting it would break that destination, so it
 * stays valid beside the old one and nothing is revoked.
 */
async function storeOrRollBack(context, inputs, token, destinations) {
    try {
        await verify(context, inputs, token);
        return await writeDestinations(context, destinations, token.secret);
    }
    catch (error) {
        if (error instanceof PartialWriteError) {
            throw new Error(`Rotation incomplete: ${(0,errors/* errorMessage */.gJ)(error)} The new token ${token.id} is stored in ` +
                `${error.written.join(' and ')} only. ` +
                'Both the new and the previous token stay valid and nothing was revoked; run the rotation again once the ' +
                'cause is fixed.', { cause: error });
        }
        const rollback = await team_tokens/* deleteById */.ST(context.client, token.id).then(() => {
            context.ledger.forget(token.id);
            return `the new token ${token.id} was deleted again and nothing changed`;
        }, (deleteError) => `deleting the new token ${token.id} failed too (${(0,errors/* errorMessage */.gJ)(deleteError)}); delete it by hand`);
        throw new Error(`Rotation stopped: ${(0,errors/* errorMessage */.gJ)(error)} The previous token is untouched; ${rollback}.`, {
            cause: error,
        });
    }
}
/** Creating the token already revoked the previous one: there is nothing to roll back to. */
async function storeReplacement(context, inputs, token, destinations) {
    try {
        await verify(context, inputs, token);
        return await writeDestinations(context, destinations, token.secret);
    }
    catch (error) {
        const written = error instanceof PartialWriteError ? ` It is stored in ${error.written.join(' and ')} only.` : '';
        throw new Error(`Rotation incomplete: ${(0,errors/* errorMessage */.gJ)(error)} The new ${inputs.tokenType} token ${token.id} is live and the ` +
            `previous one is already revoked.${written} ` +
            `It is in this step's token output (masked): store it from a later step in this job, or run the rotation ` +
            `again.`, { cause: error });
    }
}
/** Agent tokens cannot call the API, so only the other kinds can be proven before they are stored. */
async function verify(context, inputs, token) {
    if (inputs.tokenType === 'agent')
        return;
    const client = context.connectAs(token.secret);
    try {
        await verifyToken(client);
    }
    catch (error) {
        throw new Error(`The new token does not authenticate (${(0,errors/* errorMessage */.gJ)(error)}); an organization maximum-TTL policy shorter ` +
            `than the expiry can cause this.`, { cause: error });
    }
    finally {
        client.close();
    }
}
/** Earlier rotations of the same description, newest first; the newest `keep-previous` stay valid. */
async function revokePrevious(context, inputs, owner, token) {
    const { client, io } = context;
    const earlier = (await rotationsOf(context, inputs, owner))
        .filter((candidate) => candidate.id !== token.id)
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    const revoked = [];
    for (const old of earlier.slice(inputs.keepPrevious)) {
        await team_tokens/* deleteById */.ST(client, old.id);
        io.info(`Revoked ${old.id} ("${old.description}").`);
        revoked.push(old.id);
    }
    return revoked;
}
async function rotationsOf(context, inputs, owner) {
    const pattern = new RegExp(`^${rotate_token_escape(inputs.description)} \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z( [0-9a-f]{16})?$`);
    if (inputs.tokenType === 'agent') {
        return (await agent_tokens/* listAll */._(context.client, inputs.agentPoolId)).filter((t) => pattern.test(t.description ?? ''));
    }
    const teamId = owner.teamId;
    const team = owner.teamName && inputs.organization
        ? { name: owner.teamName, organization: inputs.organization }
        : await (0,operations_context/* teamWithOrganization */.R)(context.client, teamId, inputs.organization);
    const tokens = await team_tokens/* listAll */._w(context.client, team.organization, { teamName: team.name });
    return tokens.filter((t) => t.teamId === teamId && pattern.test(t.description ?? ''));
}
function rotate_token_escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/***/ })

};
