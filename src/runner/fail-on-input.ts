import { guardedLine, SecretScrubber } from './guarded-io.js';

/**
 * Fails the main step on a bad input when Node started it (on the runner), before @actions/core and the rest of the
 * action are loaded: loading them would take longer than the rest of such a run. Writes what @actions/core would:
 * an add-mask command for each credential read so far, then the error, scrubbed and escaped like every other
 * message (see guarded-io.ts); exit code 1.
 */
export function failOnInput(message: string, credentials: readonly string[], write = writeStdout): void {
  const scrubber = new SecretScrubber();
  for (const credential of credentials) {
    scrubber.add(credential);
    write(`::add-mask::${commandData(credential)}\n`);
  }
  write(`::error::${commandData(guardedLine(scrubber, message))}\n`);
  process.exitCode = 1;
}

function writeStdout(line: string): void {
  process.stdout.write(line);
}

/** The runner decodes these three escapes in a workflow command's data, so a literal `%0A` must stay literal. */
function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
