export const id = 689;
export const ids = [689];
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

/***/ 8689:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOrganizationToken: () => (/* binding */ createOrganizationToken)
/* harmony export */ });
/* harmony import */ var _api_tfc_organization_tokens_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3721);
/* harmony import */ var _api_tfc_platform_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6670);
/* harmony import */ var _lifetime_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6209);
/* harmony import */ var _mint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3887);




/** One token per organization (and one audit-trail token): replacing it revokes what every other consumer uses. */
async function createOrganizationToken(context, inputs) {
    const { client, publisher, io } = context;
    const { organization, tokenType } = inputs;
    if (tokenType === 'audit-trail')
        await (0,_api_tfc_platform_js__WEBPACK_IMPORTED_MODULE_3__/* .requireHcpTerraform */ .r)(client);
    const existing = await _api_tfc_organization_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .read */ .LF(client, organization, tokenType);
    if (existing && !inputs.replaceExisting) {
        throw new Error(`Organization "${organization}" already has an ${tokenType} token (${existing.id}); creating another would ` +
            `revoke it at once. Nothing was changed. Set replace-existing: true to replace it.`);
    }
    const record = {
        kind: tokenType,
        organization,
        teamId: null,
        description: null,
        expiredAt: inputs.expiresAt.toISOString(),
        ephemeral: inputs.ephemeral,
    };
    const token = await (0,_lifetime_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .createUnderPolicy */ .pf)(context, { ...inputs, kind: tokenType }, (expiresAt) => (0,_mint_js__WEBPACK_IMPORTED_MODULE_2__/* .mint */ .X)(context, { ...record, expiredAt: expiresAt.toISOString() }, () => _api_tfc_organization_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .create */ .vt(client, organization, tokenType, expiresAt, publisher.mask)));
    publisher.tokenOutputs(token);
    if (existing)
        io.info(`Replaced the organization's previous ${tokenType} token ${existing.id}, which is now revoked.`);
    io.info(`Created the ${tokenType} token ${token.id} for "${organization}"; it expires at ${token.expiredAt ?? 'never'}.`);
    await publisher.summary(`HCP Terraform ${tokenType} token created`, [
        ['Type', tokenType],
        ['Token ID', token.id],
        ['Organization', organization],
        ['Expires', token.expiredAt ?? 'never'],
        ['Replaced a previous token', existing ? `yes (${existing.id})` : 'no'],
        ['Deleted when the job ends', inputs.ephemeral ? 'yes' : 'no'],
    ]);
    return token;
}


/***/ })

};
