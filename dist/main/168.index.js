export const id = 168;
export const ids = [168,781];
export const modules = {

/***/ 5781:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  byExpiry: () => (/* binding */ byExpiry),
  listTokens: () => (/* binding */ listTokens)
});

// EXTERNAL MODULE: ./lib/src/api/tfc/team-tokens.js
var team_tokens = __webpack_require__(6311);
// EXTERNAL MODULE: ./lib/src/operations/lifetime-policy.js + 1 modules
var lifetime_policy = __webpack_require__(6209);
// EXTERNAL MODULE: ./lib/src/api/tfc/teams.js
var tfc_teams = __webpack_require__(1787);
;// CONCATENATED MODULE: ./lib/src/operations/team-names.js

/** id → name of every team the credential can see, for listings that show team names (one paged request). */
async function teamNames(client, organization) {
    const teams = await (0,tfc_teams/* listTeams */.du)(client, organization);
    return new Map(teams.map((team) => {
        const { id, attributes } = team;
        return [id, attributes?.name ?? ''];
    }));
}

;// CONCATENATED MODULE: ./lib/src/operations/list-tokens.js



/** Metadata of the organization's team tokens, filtered and sorted by expiry; never a secret (the API has none). */
async function listTokens(context, inputs, now = Date.now()) {
    const { client, io, publisher } = context;
    // The team list, the tokens and the lifetime policy go together; only a team given by id waits for its name.
    const namesRead = teamNames(client, inputs.organization);
    const team = inputs.team;
    const tokensRead = team && 'id' in team
        ? namesRead.then((names) => readTokens(context, inputs, names.get(team.id) ?? ''))
        : readTokens(context, inputs, team?.name);
    const [names, all, maxima] = await Promise.all([namesRead, tokensRead, (0,lifetime_policy/* policyRows */.Ob)(context, inputs.organization)]);
    const teamId = team ? teamIdFor(team, names, inputs.organization) : null;
    const matching = all
        .filter((token) => !teamId || token.teamId === teamId)
        .filter((token) => !inputs.descriptionPrefix || (token.description ?? '').startsWith(inputs.descriptionPrefix))
        .filter((token) => inputs.expiringWithinMs === null ||
        (token.expiredAt !== null && Date.parse(token.expiredAt) <= now + inputs.expiringWithinMs))
        .sort(byExpiry);
    const rows = matching.map((token) => ({
        id: token.id,
        'team-id': token.teamId,
        'team-name': token.teamId ? (names.get(token.teamId) ?? null) : null,
        description: token.description,
        'created-at': token.createdAt,
        'last-used-at': token.lastUsedAt,
        'expired-at': token.expiredAt,
    }));
    io.setOutput('tokens', JSON.stringify(rows));
    io.setOutput('count', String(rows.length));
    io.info(`${rows.length} of ${all.length} team tokens match.`);
    await publisher.table(`Team tokens of "${inputs.organization}" (${rows.length})`, ['Token', 'Team', 'Description', 'Created', 'Last used', 'Expires'], rows.map((row) => [
        row.id,
        row['team-name'] ?? row['team-id'] ?? '',
        row.description ?? '(legacy)',
        row['created-at'],
        row['last-used-at'] ?? 'never',
        expiryLabel(row['expired-at'], now),
    ]));
    if (maxima)
        await publisher.table(`Maximum token lifetimes in "${inputs.organization}"`, ['Token type', 'Maximum lifetime'], maxima);
}
/** Every team token of the organization, searched by team name when one is given; the server may filter loosely. */
function readTokens(context, inputs, teamName) {
    return team_tokens/* listAll */._w(context.client, inputs.organization, {
        ...(teamName === undefined ? {} : { teamName }),
        ...statusesFor(inputs.expiringWithinMs),
        onPage: (page, total) => context.io.info(`Read page ${page} of ${total} of the organization's team tokens.`),
    });
}
function teamIdFor(team, names, organization) {
    if ('id' in team)
        return team.id;
    const match = [...names].find(([, name]) => name === team.name);
    if (!match)
        throw new Error(`No team named "${team.name}" in organization "${organization}" is visible to this credential.`);
    return match[0];
}
const DAY_MS = 86_400_000;
/**
 * Status values that cover `expiring-within`, to save pages where the server filters. A day of slack keeps a
 * server clock that runs behind from dropping a token at the edge; the client filter below decides anyway.
 */
function statusesFor(withinMs) {
    if (withinMs === null)
        return {};
    if (withinMs <= 6 * DAY_MS)
        return { statuses: ['expired', 'expiring_in_7_days'] };
    if (withinMs <= 29 * DAY_MS)
        return { statuses: ['expired', 'expiring_in_30_days'] };
    return {};
}
/** Soonest expiry first; tokens that never expire last. */
function byExpiry(a, b) {
    const at = (token) => (token.expiredAt ? Date.parse(token.expiredAt) : Number.POSITIVE_INFINITY);
    return at(a) - at(b);
}
function expiryLabel(expiredAt, now) {
    if (!expiredAt)
        return 'never';
    return Date.parse(expiredAt) <= now ? `${expiredAt} (expired)` : expiredAt;
}


/***/ }),

/***/ 9168:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sweepTokens: () => (/* binding */ sweepTokens)
});

// EXTERNAL MODULE: ./lib/src/inputs/description.js
var description = __webpack_require__(9948);
// EXTERNAL MODULE: ./lib/src/api/tfc/team-tokens.js
var team_tokens = __webpack_require__(6311);
// EXTERNAL MODULE: ./lib/src/common/text.js
var common_text = __webpack_require__(1783);
// EXTERNAL MODULE: ./lib/src/common/errors.js
var errors = __webpack_require__(1635);
;// CONCATENATED MODULE: ./lib/src/operations/bulk-delete.js


/**
 * Deletes team tokens in batches with the bulk endpoint, falling back to one DELETE per id where the server has
 * none (older Terraform Enterprise) or refuses one batch as malformed or too large. Ids already gone count as done.
 * A 403 is not a missing endpoint: that batch fails, so nothing is reported deleted that may still exist.
 * The first batch goes alone, to learn whether the server has the bulk endpoint; the others then go together.
 */
async function deleteTeamTokens(context, organization, tokenIds) {
    const batches = chunks(tokenIds, team_tokens/* BULK_DELETE_BATCH */.S5);
    const progress = (index) => `batch ${index + 1} of ${batches.length}`;
    const [first, ...rest] = batches;
    if (!first)
        return { deleted: [], failed: [] };
    const opening = await deleteBatch(context, organization, first, progress(0), true);
    const others = await Promise.all(rest.map((batch, index) => deleteBatch(context, organization, batch, progress(index + 1), opening.bulk)));
    const outcomes = [opening.outcome, ...others.map((other) => other.outcome)];
    return {
        deleted: outcomes.flatMap((outcome) => outcome.deleted),
        failed: outcomes.flatMap((outcome) => outcome.failed),
    };
}
/** One batch: in one request while the server has the bulk endpoint, else one DELETE per id (sent together). */
async function deleteBatch(context, organization, batch, label, bulk) {
    const outcome = { deleted: [], failed: [] };
    const result = bulk ? await bulkBatch(context, organization, batch, outcome) : 'unsupported';
    if (result === 'done')
        context.io.info(`Deleted ${label} (${batch.length} tokens) in one request.`);
    if (result === 'done' || result === 'failed')
        return { outcome, bulk: true };
    if (bulk && result === 'unsupported') {
        context.io.info('This server has no bulk delete for team tokens (older Terraform Enterprise): deleting them one by one.');
    }
    await oneByOne(context, batch, outcome);
    return { outcome, bulk: result !== 'unsupported' };
}
async function bulkBatch(context, organization, batch, outcome) {
    try {
        if ((await team_tokens/* deleteBulk */.a$(context.client, organization, batch)) === 'unsupported')
            return 'unsupported';
        outcome.deleted.push(...batch);
        return 'done';
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD && [400, 413, 422].includes(error.status)) {
            context.io.warning(`The bulk delete refused a batch (${(0,errors/* errorMessage */.gJ)(error)}); deleting its tokens one by one.`);
            return 'one-by-one';
        }
        outcome.failed.push(...batch);
        context.io.warning(`Could not delete ${batch.length} tokens (${batch.join(', ')}): ${(0,errors/* errorMessage */.gJ)(error)}`);
        return 'failed';
    }
}
async function oneByOne(context, batch, outcome) {
    const results = await Promise.allSettled(batch.map((id) => team_tokens/* deleteById */.ST(context.client, id)));
    results.forEach((result, index) => {
        const id = batch[index];
        if (result.status === 'fulfilled') {
            outcome.deleted.push(id);
            return;
        }
        outcome.failed.push(id);
        context.io.warning(`Could not delete ${id}: ${(0,errors/* errorMessage */.gJ)(result.reason)}`);
    });
}
function chunks(items, size) {
    const result = [];
    for (let start = 0; start < items.length; start += size)
        result.push(items.slice(start, start + size));
    return result;
}

// EXTERNAL MODULE: ./lib/src/operations/list-tokens.js + 1 modules
var list_tokens = __webpack_require__(5781);
// EXTERNAL MODULE: ./lib/src/inputs/scoped-team-name.js
var scoped_team_name = __webpack_require__(7998);
// EXTERNAL MODULE: ./lib/src/api/tfc/ids.js
var ids = __webpack_require__(5543);
// EXTERNAL MODULE: ./lib/src/api/tfc/teams.js
var tfc_teams = __webpack_require__(1787);
;// CONCATENATED MODULE: ./lib/src/operations/sweep-teams.js




/**
 * Removes temporary teams of scoped mode whose post step never ran, once older than `older-than`. The API gives
 * teams no creation date, so the age is read from the name; only a secret team without members whose name has this
 * action's exact shape is a candidate, so a team a person made is never touched. Returns the ids it failed to delete.
 */
async function sweepTeams(context, inputs, now) {
    const { client, io } = context;
    const teams = await (0,tfc_teams/* listTeams */.du)(client, inputs.organization, { q: scoped_team_name/* SCOPED_TEAM_PREFIX */.gL });
    const stale = teams.flatMap(candidate).filter((team) => team.createdAt < now - inputs.olderThanMs);
    io.info(`${stale.length} temporary teams of scoped runs are older than older-than.`);
    const deleted = [];
    const failed = [];
    for (const team of stale) {
        if (inputs.dryRun) {
            io.info(`Would delete the temporary team ${team.name} (${team.id}).`);
            continue;
        }
        try {
            const result = await (0,tfc_teams/* deleteTeam */.To)(client, team.id);
            if (result === 'deleted')
                deleted.push(team.id);
            io.info(`${result === 'deleted' ? 'Deleted' : 'Already gone:'} the temporary team ${team.name} (${team.id}).`);
        }
        catch (error) {
            failed.push(team.id);
            io.warning(`Could not delete the temporary team ${team.name} (${team.id}): ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    io.setOutput('deleted-team-ids', JSON.stringify(deleted));
    return failed;
}
function candidate(resource) {
    const data = (resource ?? {});
    const name = data.attributes?.name;
    if (!(0,ids/* isId */.eQ)('team', data.id) || typeof name !== 'string')
        return [];
    const createdAt = (0,scoped_team_name/* scopedTeamCreatedAt */.pA)(name);
    if (createdAt === null || data.attributes?.visibility !== 'secret' || data.attributes?.['users-count'] !== 0)
        return [];
    return [{ id: data.id, name, createdAt }];
}

;// CONCATENATED MODULE: ./lib/src/operations/sweep-tokens.js






/**
 * Deletes per-job tokens whose post step never ran (a cancelled runner): only tokens with this action's per-job
 * prefix, and only once they are older than `older-than` or expired. Nothing else is ever touched.
 * The list is read unfiltered: `older-than` also catches tokens that have not expired, which no status value names.
 * Requests on a current server: one per list page plus one per batch of 100 deletions.
 */
async function sweepTokens(context, inputs, now = Date.now()) {
    const { client, io, publisher } = context;
    const all = await team_tokens/* listAll */._w(client, inputs.organization, {
        onPage: (page, total) => io.info(`Read page ${page} of ${total} of the organization's team tokens.`),
    });
    const stale = all.filter((token) => isStale(token, inputs.olderThanMs, now)).sort(list_tokens.byExpiry);
    io.info(`${stale.length} of ${all.length} team tokens were left behind by per-job runs.`);
    if (inputs.dryRun)
        for (const token of stale)
            io.info(`Would delete ${token.id} "${(0,common_text/* printable */.g$)(token.description ?? '')}" (created ${token.createdAt}).`);
    const { deleted, failed } = inputs.dryRun
        ? { deleted: [], failed: [] }
        : await deleteTeamTokens(context, inputs.organization, stale.map((token) => token.id));
    io.setOutput('deleted-ids', JSON.stringify(deleted));
    io.setOutput('count', String(inputs.dryRun ? stale.length : deleted.length));
    await publisher.table(`Sweep of "${inputs.organization}"${inputs.dryRun ? ' (dry run: nothing deleted)' : ''}`, ['Token', 'Description', 'Created', 'Expires', 'Result'], stale.map((token) => [
        token.id,
        token.description ?? '',
        token.createdAt,
        token.expiredAt ?? 'never',
        resultOf(token.id, inputs.dryRun, failed),
    ]));
    const failedTeams = await sweepTeams(context, inputs, now);
    if (failed.length > 0)
        throw new Error(`Could not delete ${failed.length} of ${stale.length} tokens: ${failed.join(', ')}.`);
    if (failedTeams.length > 0)
        throw new Error(`Could not delete the temporary teams ${failedTeams.join(', ')}.`);
}
/** The whole shape of a per-job description, nonce included: a prefix a person typed is not enough. */
const PER_JOB = new RegExp(`^${description/* DESCRIPTION_PREFIX */._1} \\S+ run-\\d+-\\d+ job-\\S+ ([0-9a-f]{8}|[0-9a-f]{16})$`);
function isStale(token, olderThanMs, now) {
    if (!PER_JOB.test(token.description ?? ''))
        return false;
    const expired = token.expiredAt !== null && Date.parse(token.expiredAt) <= now;
    return expired || Date.parse(token.createdAt) < now - olderThanMs;
}
function resultOf(id, dryRun, failed) {
    if (dryRun)
        return 'would delete';
    return failed.includes(id) ? 'delete failed' : 'deleted';
}


/***/ })

};
