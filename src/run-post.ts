import type { Dependencies } from './deps.js';
import { errorMessage } from './errors.js';
import { readApiToken } from './inputs.js';
import { Publisher } from './publish.js';
import { loadCleanupState } from './state.js';
import { cleanUp } from './tokens/cleanup.js';

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
    for (const record of state.records) {
      const label = record.tokenId ?? 'token with unknown id';
      try {
        lines.push([label, await cleanUp({ io, client, now: deps.now() }, record)]);
      } catch (error) {
        io.warning(`Could not delete ${label}: ${errorMessage(error)} Delete it by hand; it expires at ${record.expiredAt}.`);
        lines.push([label, 'delete failed (see the warning)']);
      }
    }
  } finally {
    client.close();
  }
  await publisher.summary('HCP Terraform token clean-up', lines);
}

function describe(records: ReadonlyArray<{ tokenId: string | null }>): string {
  return records.map((record) => record.tokenId ?? 'a token with unknown id').join(', ');
}

/** The main step already validated this input; the post step falls back rather than fail over it. */
function postTimeoutMs(value: string): number {
  const seconds = Number(value);
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 300 ? seconds * 1000 : 30_000;
}
