import { isProcessEntry } from './runner/process-entry.js';
import { failThroughCore, mainStep } from './steps/main-step.js';

/** The main step for hosts that import it and call `run()` (local-action, tests); the runner starts index.ts. */
export async function run(): Promise<void> {
  await mainStep(failThroughCore);
}

// Started directly (`node lib/src/main.js`), it is the step itself.
if (isProcessEntry(import.meta.url)) await run();
