export const id = 694;
export const ids = [694];
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

/***/ 3694:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deleteToken: () => (/* binding */ deleteToken)
/* harmony export */ });
/* harmony import */ var _api_tfc_organization_tokens_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3721);
/* harmony import */ var _api_tfc_platform_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6670);
/* harmony import */ var _api_tfc_team_tokens_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6311);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62);




async function deleteToken(context, inputs) {
    const outcome = await deleteOutcome(context, inputs);
    if (outcome.deletedId)
        context.io.info(outcome.note);
    else
        context.io.notice(outcome.note);
    const tokenId = outcome.deletedId ?? inputs.tokenId;
    if (tokenId)
        context.io.setOutput('token-id', tokenId);
    await context.publisher.summary('HCP Terraform token deleted', [
        ['Type', typeLabel(inputs)],
        ['Token ID', tokenId ?? '(none)'],
        ['Owner', outcome.owner],
        ['Result', outcome.note],
    ]);
}
async function deleteOutcome(context, inputs) {
    const { client } = context;
    if (inputs.operation === 'delete-organization-token') {
        const { organization, tokenType } = inputs;
        if (tokenType === 'audit-trail')
            await (0,_api_tfc_platform_js__WEBPACK_IMPORTED_MODULE_3__/* .requireHcpTerraform */ .r)(client);
        const current = await _api_tfc_organization_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .read */ .LF(client, organization, tokenType);
        const owner = `organization "${organization}" (${tokenType} token)`;
        return deleteSingleton(current, inputs.tokenId, owner, () => _api_tfc_organization_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .remove */ .TF(client, organization, tokenType));
    }
    if (inputs.operation === 'delete-agent-token' || !inputs.legacy) {
        const tokenId = inputs.tokenId; // parseInputs requires it here
        const result = await _api_tfc_team_tokens_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteById */ .ST(client, tokenId);
        const owner = '(named by token id)';
        return result === 'deleted'
            ? { deletedId: tokenId, note: `Deleted token ${tokenId}.`, owner }
            : {
                deletedId: null,
                note: `Token ${tokenId} is already gone (or not visible to this credential); nothing to delete.`,
                owner,
            };
    }
    const teamId = await (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveTeamId */ .p)(client, inputs.team, inputs.organization);
    const current = await _api_tfc_team_tokens_js__WEBPACK_IMPORTED_MODULE_1__/* .readLegacy */ .Od(client, teamId);
    return deleteSingleton(current, inputs.tokenId, `team ${teamId}`, () => _api_tfc_team_tokens_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteLegacy */ .LD(client, teamId));
}
/** A singleton token is deleted only while it is still the one asked for: someone may have replaced it since. */
async function deleteSingleton(current, expectedId, owner, remove) {
    if (!current)
        return { deletedId: null, note: `The ${owner} has no token; nothing to delete.`, owner };
    if (expectedId && current.id !== expectedId) {
        return {
            deletedId: null,
            note: `Token ${expectedId} is already gone: the ${owner} now has token ${current.id}, which was left alone.`,
            owner,
        };
    }
    const result = await remove();
    return result === 'deleted'
        ? { deletedId: current.id, note: `Deleted token ${current.id} of the ${owner}.`, owner }
        : { deletedId: null, note: `The ${owner} token is already gone; nothing to delete.`, owner };
}
function typeLabel(inputs) {
    if (inputs.operation === 'delete-organization-token')
        return inputs.tokenType;
    if (inputs.operation === 'delete-agent-token')
        return 'agent';
    return inputs.legacy ? 'team (legacy single token)' : 'team';
}


/***/ })

};
