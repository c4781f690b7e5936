// Reference for load-to-first-error: the toolkit alone, reading one input and failing, bundled like the action.
import * as core from '@actions/core';

core.setFailed(`Input "api-token" is required; got ${JSON.stringify(core.getInput('api-token'))}.`);
