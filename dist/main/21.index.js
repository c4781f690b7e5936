export const id = 21;
export const ids = [21];
export const modules = {

/***/ 5021:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createAgentToken: () => (/* binding */ createAgentToken)
/* harmony export */ });
/* harmony import */ var _api_tfc_agent_tokens_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6883);
/* harmony import */ var _mint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3887);
/* harmony import */ var _ownership_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5980);



/** An agent started for one job gets a token that dies with the job; agent tokens cannot expire on their own. */
async function createAgentToken(context, inputs) {
    const { client, publisher, io } = context;
    const description = (0,_ownership_js__WEBPACK_IMPORTED_MODULE_2__/* .withNonce */ .ED)(inputs.description, context.randomHex());
    const { agentPoolId, ephemeral } = inputs;
    const record = {
        kind: 'agent',
        organization: null,
        teamId: null,
        agentPoolId,
        description,
        expiredAt: '',
        ephemeral,
    };
    const token = await (0,_mint_js__WEBPACK_IMPORTED_MODULE_1__/* .mint */ .X)(context, record, () => _api_tfc_agent_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .create */ .v(client, agentPoolId, description, publisher.mask));
    publisher.tokenOutputs(token);
    io.info(`Created agent token ${token.id} for agent pool ${inputs.agentPoolId}; agent tokens do not expire.`);
    if (!inputs.ephemeral)
        io.warning(`Agent token ${token.id} never expires and ephemeral is false: delete it when it is no longer needed.`);
    await publisher.summary('HCP Terraform agent token created', [
        ['Type', 'agent'],
        ['Token ID', token.id],
        ['Agent pool', inputs.agentPoolId],
        ['Description', token.description ?? ''],
        ['Expires', 'never (agent tokens have no expiry)'],
        ['Deleted when the job ends', inputs.ephemeral ? 'yes' : 'no'],
    ]);
    return token;
}


/***/ })

};
