import * as core from '@actions/core';
import { runnerDependencies } from './deps.js';
import { errorMessage } from './errors.js';
import { runPost } from './run-post.js';

// The post step never fails the job: a token left behind expires on its own.
await runPost(runnerDependencies()).catch((error: unknown) => core.warning(`Token clean-up failed: ${errorMessage(error)}`));
