import { runnerDependencies } from './deps.js';
import { errorMessage } from './errors.js';
import { runPost } from './run-post.js';

// The post step never fails the job: a token left behind expires on its own.
const deps = runnerDependencies();
await runPost(deps).catch((error: unknown) => deps.io.warning(`Token clean-up failed: ${errorMessage(error)}`));
