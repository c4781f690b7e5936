import { isProcessEntry } from './runner/process-entry.js';
import { postStep } from './steps/post-step.js';

/** The post step for hosts that import it and call `run()` (local-action, tests); the runner starts post-index.ts. */
export async function run(): Promise<void> {
  await postStep();
}

// Started directly (`node lib/src/post.js`), it is the step itself.
if (isProcessEntry(import.meta.url)) await run();
