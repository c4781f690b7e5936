import type { Dependencies } from './deps.js';
import { errorMessage } from './errors.js';
import { readApiToken } from './inputs.js';
import { Publisher } from './publish.js';
import { loadCleanupState, type CleanupRecord } from './state.js';
import { cleanUp } from './tokens/cleanup.js';
import { inCleanupOrder, leftBehindHint, recordLabel } from './tokens/scoped-team-cleanup.js';

/** Best effort: deletes what the main step recorded; a failure is a warning that names the token, never a failed job. */
export async function runPost(deps: Dependencies): Promise<void> {
  const { io } = deps;
  const publisher = new Publisher(io);
  // Only create and rotate make tokens; the post step of any other mode has nothing to say.
  if (!['', 'create', 'rotate'].includes(io.getInput('mode'))) return;
  const state = loadCleanupState(io);
  if (!state || state.records.length === 0) {
    io.notice('Nothing to clean up: this step created no token.');
    return;
  }
  const apiToken = readApiToken({ get: io.getInput, env: deps.env });
  if (!apiToken) {
    io.warning(`Cannot delete ${describe(state.records)}: api-token is empty in the post step. Delete it by hand; it expires on its own.`);
    return;
  }
  publisher.mask(apiToken);
  const client = deps.connect({ hostname: state.hostname, apiToken, requestTimeoutMs: postTimeoutMs(io.getInput('request-timeout')) });
  const lines: Array<readonly [string, string]> = [];
  try {
    for (const record of inCleanupOrder(state.records)) {
      const label = recordLabel(record);
      try {
        lines.push([label, await cleanUp({ io, client, now: deps.now() }, record)]);
      } catch (error) {
        io.warning(`Could not delete ${label}: ${errorMessage(error)} ${leftBehindHint(record)}`);
        lines.push([label, 'delete failed (see the warning)']);
      }
    }
  } finally {
    client.close();
  }
  await publisher.summary('HCP Terraform token clean-up', lines);
}

function describe(records: ReadonlyArray<CleanupRecord>): string {
  return records.map(recordLabel).join(', ');
}

/** The main step already validated this input; the post step falls back rather than fail over it. */
function postTimeoutMs(value: string): number {
  const seconds = Number(value);
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 300 ? seconds * 1000 : 30_000;
}
