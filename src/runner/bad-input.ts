import { guardedLine, SecretScrubber } from './io.js';

/** Where a bad-input report goes: the runner's stdout as workflow commands, or a host's @actions/core. */
export interface CommandSink {
  setSecret(value: string): void;
  setFailed(message: string): void;
}

/**
 * The one bad-input report: every credential read so far is masked first, then the step fails with one error,
 * scrubbed and escaped like every other line the action prints (see guardedLine in io.ts).
 */
export function reportBadInput(message: string, credentials: readonly string[], sink: CommandSink): void {
  const scrubber = new SecretScrubber();
  for (const credential of credentials) {
    scrubber.add(credential);
    sink.setSecret(credential);
  }
  sink.setFailed(guardedLine(scrubber, message));
}

/**
 * On the runner a bad input is reported before @actions/core is loaded (loading it costs more than the rest of such
 * a run), so this writes what @actions/core would: the commands on stdout, and exit code 1.
 */
export function stdoutCommands(write = (line: string) => void process.stdout.write(line)): CommandSink {
  return {
    setSecret: (value) => write(`::add-mask::${commandData(value)}\n`),
    setFailed(message) {
      write(`::error::${commandData(message)}\n`);
      process.exitCode = 1;
    },
  };
}

/** The runner decodes these three escapes in a workflow command's data, so a literal `%0A` must stay literal. */
function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
