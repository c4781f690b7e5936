export const id = 781;
export const ids = [781];
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


/***/ })

};
