import { runnerDependencies } from './deps.js';
import { errorMessage } from './errors.js';
import { runMain } from './run-main.js';

// Runs unconditionally: under an ESM bundle a `require.main === module` guard would never fire.
const deps = runnerDependencies();
await runMain(deps).catch((error: unknown) => deps.io.fail(errorMessage(error)));
