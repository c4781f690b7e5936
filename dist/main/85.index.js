export const id = 85;
export const ids = [85];
export const modules = {

/***/ 9085:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  byExpiry: () => (/* binding */ byExpiry),
  listTokens: () => (/* binding */ listTokens)
});

// EXTERNAL MODULE: ./lib/src/tfc/team-tokens.js
var team_tokens = __webpack_require__(4112);
// EXTERNAL MODULE: ./lib/src/tokens/lifetime-policy.js + 1 modules
var lifetime_policy = __webpack_require__(437);
;// CONCATENATED MODULE: ./lib/src/tokens/team-names.js
/** id → name of every team the credential can see, for listings that show team names (one paged request). */
async function teamNames(client, organization) {
    const teams = await client.getAll(`/organizations/${encodeURIComponent(organization)}/teams`);
    return new Map(teams.map((team) => {
        const { id, attributes } = team;
        return [id, attributes?.name ?? ''];
    }));
}

;// CONCATENATED MODULE: ./lib/src/tokens/list-tokens.js



/** Metadata of the organization's team tokens, filtered and sorted by expiry; never a secret (the API has none). */
async function listTokens(context, inputs, now = Date.now()) {
    const { client, io, publisher } = context;
    const names = await teamNames(client, inputs.organization);
    const teamId = inputs.team ? teamIdFor(inputs.team, names, inputs.organization) : null;
    const all = await team_tokens/* listAll */._w(client, inputs.organization, {
        ...(teamId ? { teamName: names.get(teamId) ?? '' } : {}),
        ...statusesFor(inputs.expiringWithinMs),
        onPage: (page, total) => io.info(`Read page ${page} of ${total} of the organization's team tokens.`),
    });
    const matching = all
        .filter((token) => !teamId || token.teamId === teamId)
        .filter((token) => !inputs.descriptionPrefix || (token.description ?? '').startsWith(inputs.descriptionPrefix))
        .filter((token) => inputs.expiringWithinMs === null || (token.expiredAt !== null && Date.parse(token.expiredAt) <= now + inputs.expiringWithinMs))
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
    await publisher.table(`Team tokens of "${inputs.organization}" (${rows.length})`, ['Token', 'Team', 'Description', 'Created', 'Last used', 'Expires'], rows.map((row) => [row.id, row['team-name'] ?? row['team-id'] ?? '', row.description ?? '(legacy)', row['created-at'], row['last-used-at'] ?? 'never', expiryLabel(row['expired-at'], now)]));
    const maxima = await (0,lifetime_policy/* policyRows */.Ob)(context, inputs.organization);
    if (maxima)
        await publisher.table(`Maximum token lifetimes in "${inputs.organization}"`, ['Token type', 'Maximum lifetime'], maxima);
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
