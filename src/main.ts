import * as core from '@actions/core';
import { runnerDependencies } from './deps.js';
import { errorMessage } from './errors.js';
import { runMain } from './run-main.js';

// Runs unconditionally: under an ESM bundle a `require.main === module` guard would never fire.
await runMain(runnerDependencies()).catch((error: unknown) => core.setFailed(errorMessage(error)));
