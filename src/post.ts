import { runnerDependencies } from './deps.js';
import { isProgramEntry } from './entry.js';
import { errorMessage } from './errors.js';
import { runPost } from './run-post.js';

/** The post step; it never fails the job: a token left behind expires on its own. */
export async function run(): Promise<void> {
  const deps = runnerDependencies();
  await runPost(deps).catch((error: unknown) => deps.io.warning(`Token clean-up failed: ${errorMessage(error)}`));
}

if (isProgramEntry(import.meta.url)) await run();
