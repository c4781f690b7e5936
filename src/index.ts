// The main step as the runner starts it (`node dist/main/index.js`): a bad input is reported as workflow commands on
// stdout, so that path never loads @actions/core.
import { run } from './main.js';
import { stdoutCommands } from './runner/bad-input.js';

await run(stdoutCommands);
