import { runDemo } from './demo-lifecycle.js';

/** `npm run demo`: the whole lifecycle without an HCP Terraform account (emulator/demo-lifecycle.ts says what). */
const result = await runDemo((line) => console.log(line));
process.exitCode = result.ok ? 0 : 1;
