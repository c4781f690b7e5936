export const id = 415;
export const ids = [415];
export const modules = {

/***/ 8415:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createScopedToken: () => (/* binding */ createScopedToken)
});

// EXTERNAL MODULE: ./lib/src/common/errors.js
var errors = __webpack_require__(1635);
;// CONCATENATED MODULE: ./lib/src/api/tfc/entitlements.js
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/organizations#show-the-entitlement-set
/** Whether the organization's plan includes team management; null when the answer does not say. */
async function teamsEntitled(client, organization) {
    const document = await client.get(`/organizations/${encodeURIComponent(organization)}/entitlement-set`);
    const teams = (document['data']?.attributes ?? {}).teams;
    return typeof teams === 'boolean' ? teams : null;
}

// EXTERNAL MODULE: ./lib/src/api/tfc/ids.js
var ids = __webpack_require__(5543);
;// CONCATENATED MODULE: ./lib/src/api/tfc/team-access.js

// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/team-access#add-team-access-to-a-workspace
/** Returns the tws-… id. The docs answer 200 and the OpenAPI description 201: the client accepts any 2xx. */
async function grantWorkspace(client, teamId, workspaceId, access) {
    const document = await client.post('/team-workspaces', {
        data: {
            type: 'team-workspaces',
            attributes: { access },
            relationships: {
                workspace: { data: { type: 'workspaces', id: workspaceId } },
                team: { data: { type: 'teams', id: teamId } },
            },
        },
    });
    return (0,ids/* checkedId */.VJ)('team access', document['data']?.id, 'the team-workspace id');
}
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/project-team-access#add-project-team-access
/** Returns the tprj-… id; 200 or 201 as above. */
async function grantProject(client, teamId, projectId, access) {
    const document = await client.post('/team-projects', {
        data: {
            type: 'team-projects',
            attributes: { access },
            relationships: {
                project: { data: { type: 'projects', id: projectId } },
                team: { data: { type: 'teams', id: teamId } },
            },
        },
    });
    return (0,ids/* checkedId */.VJ)('project access', document['data']?.id, 'the team-project id');
}

// EXTERNAL MODULE: ./lib/src/api/tfc/team-tokens.js
var team_tokens = __webpack_require__(6311);
// EXTERNAL MODULE: ./lib/src/api/tfc/teams.js
var teams = __webpack_require__(1787);
// EXTERNAL MODULE: ./lib/src/common/text.js
var common_text = __webpack_require__(1783);
// EXTERNAL MODULE: ./lib/src/operations/mint.js + 2 modules
var mint = __webpack_require__(3887);
// EXTERNAL MODULE: ./lib/src/operations/ownership.js
var ownership = __webpack_require__(5980);
// EXTERNAL MODULE: ./lib/src/common/hostname.js
var hostname = __webpack_require__(1557);
;// CONCATENATED MODULE: ./lib/src/api/tfc/projects.js


// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#list-projects
/**
 * The projects whose names the list holds, in one request (more only past 100 matches): `filter[names]` takes a
 * comma list and matches case-insensitively, so callers compare the returned names exactly.
 */
async function listByNames(client, organization, names) {
    const items = await client.getAll(`/organizations/${encodeURIComponent(organization)}/projects`, {
        'filter[names]': names.join(','),
    });
    return items.map(projectFrom);
}
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/projects#show-project
/** The project, or null when the API answers 404 (unknown, or invisible to this credential). */
async function readById(client, projectId) {
    try {
        return projectFrom((await client.get(`/projects/${encodeURIComponent(projectId)}`))['data']);
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD && error.is(404))
            return null;
        throw error;
    }
}
function projectFrom(resource) {
    const data = (resource ?? {});
    const organization = data.relationships?.['organization']?.['data']?.['id'];
    return {
        id: (0,ids/* checkedId */.VJ)('project', data.id, 'the project id'),
        name: typeof data.attributes?.name === 'string' ? data.attributes.name : '',
        organization: typeof organization === 'string' ? organization : '',
    };
}

;// CONCATENATED MODULE: ./lib/src/api/tfc/workspaces.js


// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspaces#show-workspace
/** The workspace called `name`, or null when the API answers 404 (unknown, or invisible to this credential). */
function readByName(client, organization, name) {
    return orNull(() => client.get(`/organizations/${encodeURIComponent(organization)}/workspaces/${encodeURIComponent(name)}`));
}
function workspaces_readById(client, workspaceId) {
    return orNull(() => client.get(`/workspaces/${encodeURIComponent(workspaceId)}`));
}
async function orNull(read) {
    try {
        return workspaceFrom((await read())['data']);
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD && error.is(404))
            return null;
        throw error;
    }
}
function workspaceFrom(resource) {
    const data = (resource ?? {});
    const related = (name) => data.relationships?.[name]?.['data']?.['id'];
    const project = related('project');
    return {
        id: (0,ids/* checkedId */.VJ)('workspace', data.id, 'the workspace id'),
        name: typeof data.attributes?.name === 'string' ? data.attributes.name : '',
        organization: typeof related('organization') === 'string' ? related('organization') : '',
        projectId: project === undefined || project === null ? null : (0,ids/* checkedId */.VJ)('project', project, "the workspace's project id"),
    };
}

;// CONCATENATED MODULE: ./lib/src/operations/scoped-targets.js



/**
 * Every listed workspace and project as ids, before anything is created: one request per workspace, one for all
 * project names, one per id, all sent together. Unknown ones fail together in one error that names each of them.
 */
async function resolveTargets(client, inputs) {
    const [workspaceResults, projectResults] = await Promise.all([
        Promise.all(inputs.workspaces.map((ref) => resolveWorkspace(client, inputs.organization, ref))),
        resolveProjects(client, inputs),
    ]);
    const unknown = [
        ...inputs.workspaces.flatMap((ref, index) => (workspaceResults[index] ? [] : [`workspace ${(0,hostname/* quote */.hD)(label(ref))}`])),
        ...inputs.projects.flatMap((ref, index) => (projectResults[index] ? [] : [`project ${(0,hostname/* quote */.hD)(label(ref))}`])),
    ];
    if (unknown.length > 0) {
        throw new Error(`Not found in organization "${inputs.organization}", or not visible to this credential (the API answers 404 ` +
            `for both): ${unknown.join(', ')}. Nothing was created.`);
    }
    const foundWorkspaces = workspaceResults;
    const foundProjects = projectResults;
    requireDistinct(foundWorkspaces, 'workspace');
    requireDistinct(foundProjects, 'project');
    return { workspaces: foundWorkspaces, projects: foundProjects };
}
async function resolveWorkspace(client, organization, ref) {
    const found = 'id' in ref
        ? await workspaces_readById(client, ref.id)
        : await readByName(client, organization, ref.name);
    return found && matches(ref, found, organization, (a, b) => a === b) ? found : null;
}
/** Each project ref's project, or null where it is unknown; names are looked up in one request. */
async function resolveProjects(client, inputs) {
    const names = inputs.projects.flatMap((ref) => ('name' in ref ? [ref.name] : []));
    const [named, byId] = await Promise.all([
        names.length > 0 ? listByNames(client, inputs.organization, names) : [],
        Promise.all(inputs.projects.map((ref) => ('id' in ref ? readById(client, ref.id) : null))),
    ]);
    return inputs.projects.map((ref, index) => {
        const project = 'id' in ref ? byId[index] : named.find((candidate) => candidate.name === ref.name);
        // Project names are unique regardless of case (filter[names] is case-insensitive): compare them that way.
        const same = (a, b) => a.toLowerCase() === b.toLowerCase();
        return project && matches(ref, project, inputs.organization, same) ? project : null;
    });
}
function matches(ref, found, organization, same) {
    if (found.organization && found.organization !== organization)
        return false;
    return 'id' in ref ? found.id === ref.id : same(found.name, ref.name);
}
/** A name and an id of the same workspace would grant twice, which the API refuses: say so before creating anything. */
function requireDistinct(items, kind) {
    const seen = new Set();
    for (const item of items) {
        if (seen.has(item.id))
            throw new Error(`The ${kind} ${item.id} ("${item.name}") is listed twice, by name and by id. Nothing was created.`);
        seen.add(item.id);
    }
}
function label(ref) {
    return 'id' in ref ? ref.id : ref.name;
}

;// CONCATENATED MODULE: ./lib/src/operations/create-scoped-token.js









/**
 * A token that can reach exactly the listed workspaces and projects: a temporary secret team with no organization
 * access, one grant per workspace and project, one token. Anything failing after the team exists removes the team.
 */
async function createScopedToken(context, inputs) {
    const targets = await resolveTargets(context.client, inputs);
    const team = await createTemporaryTeam(context, inputs);
    // The nonce is the proof of ownership a rollback looks the token up by (see ownership.ts).
    const attempt = {
        teamId: team.id,
        description: (0,ownership/* withNonce */.ED)(inputs.description, context.randomHex()),
        expiredAt: inputs.expiresAt.toISOString(),
    };
    let token;
    try {
        token = await grantAndMint(context, inputs, team, targets, attempt);
    }
    catch (error) {
        const failure = error instanceof GrantOrMintFailure ? error : new GrantOrMintFailure([error], 'absent');
        throw await rollBack(context, team, attempt, failure, failure.token);
    }
    await publish(context, inputs, team, targets, token);
    return token;
}
function teamRecord(inputs, teamId) {
    const base = {
        organization: inputs.organization,
        description: null,
        tokenId: null,
        expiredAt: inputs.expiresAt.toISOString(),
    };
    return { kind: 'scoped-team', ...base, teamId, teamName: inputs.teamName, ephemeral: true };
}
const sameTeam = (name) => (record) => record.kind === 'scoped-team' && record.teamName === name;
/** The name is in state before the create, so a post step after any interruption knows what to look for. */
async function createTemporaryTeam(context, inputs) {
    const { ledger, io } = context;
    ledger.put(teamRecord(inputs, null), sameTeam(inputs.teamName));
    try {
        // The name we chose, not the server's echo of it, is what gets printed and saved.
        const team = {
            id: (await createOrAdopt(context, inputs)).id,
            name: inputs.teamName,
            organization: inputs.organization,
        };
        ledger.put(teamRecord(inputs, team.id), sameTeam(inputs.teamName));
        io.info(`Created the temporary team ${team.name} (${team.id}): secret, no organization access.`);
        return team;
    }
    catch (error) {
        // A refusal created nothing; anything else may have, and the post step looks the name up.
        if (error instanceof errors/* ApiError */.hD && error.status < 500)
            ledger.remove(sameTeam(inputs.teamName));
        throw await explainTeamCreateFailure(context, inputs, error);
    }
}
/** An ambiguous create is reconciled by name (unique in an organization), so a repeat can never make a second team. */
async function createOrAdopt(context, inputs) {
    const { client, io } = context;
    try {
        return await (0,teams/* createTeam */.gj)(client, inputs.organization, inputs.teamName);
    }
    catch (error) {
        if (!mayHaveCreated(error))
            throw error;
        io.warning(`Creating the team ${inputs.teamName} may or may not have succeeded (${(0,errors/* errorMessage */.gJ)(error)}); looking it up ` +
            `by name.`);
    }
    const found = await (0,teams/* lookUpTeam */.IU)(client, inputs.organization, inputs.teamName);
    if (found)
        return found;
    try {
        return await (0,teams/* createTeam */.gj)(client, inputs.organization, inputs.teamName);
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD && error.is(422) && /already been taken/i.test(error.message)) {
            throw new Error(`The interrupted request created the team ${inputs.teamName}, but this credential cannot see it (a secret ` +
                `team); the post step tries to remove it.`, { cause: error });
        }
        throw error;
    }
}
/** 404 or 422 from a team create: the entitlement set tells a plan without teams from a credential without rights. */
async function explainTeamCreateFailure(context, inputs, error) {
    if (!(error instanceof errors/* ApiError */.hD) || !(error.is(404) || error.is(422)))
        return error;
    let entitled = null;
    try {
        entitled = await teamsEntitled(context.client, inputs.organization);
    }
    catch {
        // the entitlement set is only a hint; the create's own error still stands
    }
    if (entitled === false) {
        return new Error(`Organization "${inputs.organization}" has no team management on its plan (its entitlement set says teams: ` +
            `false), so no temporary team can be made and scoped tokens cannot work there. Nothing was created. ` +
            `(${(0,errors/* errorMessage */.gJ)(error)})`);
    }
    if (error.is(404)) {
        return new Error(`This credential may not create teams in organization "${inputs.organization}" (${(0,errors/* errorMessage */.gJ)(error)}) ` +
            `Scoped tokens need an owners-team or organization token, or an owner's user token. Nothing was created.`);
    }
    return error;
}
class GrantOrMintFailure extends Error {
    causes;
    token;
    constructor(causes, token) {
        super(causes.map(errors/* errorMessage */.gJ).join(' '));
        this.causes = causes;
        this.token = token;
    }
}
/**
 * Every grant and the token create go out together (independent requests; the client caps how many are in flight).
 * The token is returned only once every grant has landed; otherwise every failure is reported together, with what
 * the create left behind so the rollback removes exactly that.
 */
async function grantAndMint(context, inputs, team, targets, attempt) {
    const [grants, minted] = await Promise.all([
        Promise.allSettled(grantRequests(context, inputs, team, targets)),
        Promise.allSettled([mintFor(context, inputs, attempt)]).then(([result]) => result),
    ]);
    const causes = grants.flatMap((grant) => (grant.status === 'rejected' ? [grant.reason] : []));
    if (minted.status === 'fulfilled' && causes.length === 0)
        return minted.value;
    if (minted.status === 'fulfilled')
        throw new GrantOrMintFailure(causes, { id: minted.value.id });
    const left = mayHaveCreated(minted.reason) ? 'unconfirmed' : 'absent';
    throw new GrantOrMintFailure([...causes, minted.reason], left);
}
/** One promise per grant, each a single request the caller may wrap; a refusal is explained with what it needs. */
function grantRequests(context, inputs, team, targets) {
    const { client } = context;
    return [
        ...targets.workspaces.map((workspace) => grantWorkspace(client, team.id, workspace.id, inputs.workspaceAccess).catch((error) => {
            throw explainGrantFailure(error, `workspace "${(0,common_text/* printable */.g$)(workspace.name)}" (${workspace.id})`, 'POST /team-workspaces', WORKSPACE_GRANTERS);
        })),
        ...targets.projects.map((project) => grantProject(client, team.id, project.id, inputs.projectAccess).catch((error) => {
            throw explainGrantFailure(error, `project "${(0,common_text/* printable */.g$)(project.name)}" (${project.id})`, 'POST /team-projects', PROJECT_GRANTERS);
        })),
    ];
}
const WORKSPACE_GRANTERS = "Granting a secret team access to a workspace needs an organization owner (the owners team's token or an owner's " +
    'user token) or the organization token; workspace admins cannot manage secret teams.';
const PROJECT_GRANTERS = "Granting a secret team access to a project needs an organization owner (the owners team's token or an owner's " +
    'user token), the organization token, or Manage all projects; project admins cannot manage secret teams.';
/** The credential could read the target and create the team, so a 404 here means the grant permission is missing. */
function explainGrantFailure(error, target, call, needs) {
    if (!(error instanceof errors/* ApiError */.hD) || !error.is(404))
        return error;
    return new Error(`This credential created the team but may not grant it access to ${target}: ${call} answered 404. ${needs}`);
}
function mintFor(context, inputs, attempt) {
    const { client, publisher } = context;
    const record = { kind: 'team', organization: inputs.organization, ...attempt, ephemeral: true };
    const options = { description: attempt.description, expiredAt: inputs.expiresAt };
    return (0,mint/* mint */.X)(context, record, () => team_tokens/* create */.vt(client, attempt.teamId, options, publisher.mask));
}
/**
 * Removes the team before the step fails. The token goes first: by its id when its create answered, looked up by
 * its nonce when the create may have succeeded, because the docs do not say that deleting a team revokes its tokens.
 */
async function rollBack(context, team, attempt, cause, token) {
    const { client, io, ledger } = context;
    try {
        if (token === 'unconfirmed')
            await removeUnconfirmedToken(context, team, attempt);
        else if (token !== 'absent')
            await removeMintedToken(context, token.id);
        await (0,teams/* deleteTeam */.To)(client, team.id);
        ledger.remove(sameTeam(team.name));
        return new Error(`${(0,errors/* errorMessage */.gJ)(cause)} The temporary team ${team.name} was removed again.`);
    }
    catch (error) {
        io.warning(`Could not remove the temporary team ${team.name} (${team.id}) after the failure: ${(0,errors/* errorMessage */.gJ)(error)} The ` +
            `post step tries again.`);
        return new Error(`${(0,errors/* errorMessage */.gJ)(cause)} The temporary team ${team.name} (${team.id}) is still there; the post step tries to ` +
            `remove it.`);
    }
}
async function removeMintedToken(context, tokenId) {
    await team_tokens/* deleteById */.ST(context.client, tokenId);
    context.ledger.forget(tokenId);
}
async function removeUnconfirmedToken(context, team, attempt) {
    const organization = team.organization;
    const tokens = await team_tokens/* listAll */._w(context.client, organization, { teamName: team.name });
    const orphan = tokens.find((token) => (0,ownership/* isOwnedBy */.D0)(token, attempt));
    if (orphan)
        await team_tokens/* deleteById */.ST(context.client, orphan.id);
    context.ledger.settle(attempt.description);
}
function mayHaveCreated(error) {
    return error instanceof errors/* AmbiguousRequestError */.sm || (error instanceof errors/* ApiError */.hD && error.status >= 500);
}
async function publish(context, inputs, team, targets, token) {
    const { publisher, io, client } = context;
    publisher.tokenOutputs({ ...token, teamId: team.id });
    io.setOutput('team-name', team.name);
    if (inputs.exportEnv)
        publisher.exportTerraformCredential(client.hostname, token.secret);
    const scope = [
        ...targets.workspaces.map((workspace) => `${inputs.workspaceAccess} on workspace ${(0,common_text/* printable */.g$)(workspace.name)} (${workspace.id})`),
        ...targets.projects.map((project) => `${inputs.projectAccess} on project ${(0,common_text/* printable */.g$)(project.name)} (${project.id})`),
    ];
    io.info(`Created scoped token ${token.id} for the temporary team ${team.name} (${team.id}): ${scope.join('; ')}. It ` +
        `expires at ${token.expiredAt ?? 'never'}; the team and token are removed when the job ends.`);
    await publisher.summary('HCP Terraform scoped team token created', [
        ['Type', 'team (scoped, temporary team)'],
        ['Token ID', token.id],
        ['Team', `${team.name} (${team.id})`],
        ['Access', scope.join('; ')],
        ['Expires', token.expiredAt ?? 'never'],
        ['Deleted when the job ends', 'yes (token and team)'],
    ]);
}


/***/ })

};
