// The main step as the runner starts it (`node dist/main/index.js`). A bad input is reported as workflow commands
// written directly, so that path never loads @actions/core.
import { failOnInput } from './runner/fail-on-input.js';
import { mainStep } from './steps/main-step.js';

await mainStep(failOnInput);
