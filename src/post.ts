import { errorMessage } from './common/errors.js';
import { readApiToken, readCaCertificate, readHostname } from './inputs/parse.js';
import { Publisher, runnerInput, runnerDependencies, type Dependencies } from './runner/io.js';
import { loadCleanupState, recordLabel, type CleanupRecord } from './state/ledger.js';

/** The post step; it never fails the job: a token left behind expires on its own. */
export async function run(): Promise<void> {
  // Only create and rotate make tokens; the post step of any other mode has nothing to do, so it loads nothing.
  if (!['', 'create', 'rotate'].includes(runnerInput(process.env)('mode'))) return;
  const deps = await runnerDependencies();
  await postStep(deps).catch((error: unknown) => deps.io.warning(`Token clean-up failed: ${errorMessage(error)}`));
}

/**
 * The post step's whole budget. A few requests, so it is almost never used up; it is long enough to wait out the
 * drain of a large burst on one credential (1,000 deletes at 30 a second take about 33 s, 50 s with the jitter that
 * spreads them), so that a 429 never leaves a token alive, and short enough not to hold a job for long.
 */
export const POST_BUDGET_MS = 5 * 60_000;

/**
 * Best effort: deletes what the main step recorded; a failure is a warning that names the token, never a failed job.
 */
export async function postStep(deps: Dependencies): Promise<void> {
  const { io } = deps;
  const publisher = new Publisher(io);
  const input = runnerInput(deps.env);
  const apiToken = readApiToken({ get: input, env: deps.env });
  if (apiToken) publisher.mask(apiToken);
  const state = loadCleanupState(io);
  for (const problem of state?.rejected ?? []) io.warning(`Skipped a clean-up record that is not valid (${problem}).`);
  if (!state || state.records.length === 0) {
    if (!state?.rejected.length) io.notice('Nothing to clean up: this step created no token.');
    return;
  }
  if (!apiToken) {
    io.warning(
      `Cannot delete ${describe(state.records)}: api-token is empty in the post step. Delete it by hand; it expires ` +
        `on its own.`,
    );
    return;
  }
  const hostname = postHostname(deps, state.hostname);
  if (!hostname) return;
  const caCertificate = postCaCertificate(deps);
  if (caCertificate === undefined) return;
  const client = deps.connect({
    hostname,
    apiToken,
    requestTimeoutMs: postTimeoutMs(input('request-timeout')),
    caCertificate,
    deadline: deps.now() + POST_BUDGET_MS,
  });
  // "eager": in the bundle's one file; evaluated only once there is something to clean up.
  const { cleanUpRecords } = await import(/* webpackMode: "eager" */ './tokens/cleanup.js');
  let lines: Array<readonly [string, string]>;
  try {
    lines = await cleanUpRecords({ io, client, clock: deps.now }, state.records);
  } finally {
    client.close();
  }
  await publisher.summary('HCP Terraform token clean-up', lines);
}

/**
 * The credential goes only to the host the inputs name, never to one read from the state file; a state that names
 * another host is not this job's.
 */
function postHostname(deps: Dependencies, saved: string): string | null {
  let hostname: string;
  try {
    hostname = readHostname({ get: runnerInput(deps.env), env: deps.env });
  } catch (error) {
    deps.io.warning(`Nothing was cleaned up: ${errorMessage(error)}`);
    return null;
  }
  if (hostname === saved) return hostname;
  deps.io.warning(
    `Nothing was cleaned up: the saved state names a different host from the hostname input (${hostname}).`,
  );
  return null;
}

/** The ca-certificate input, as the main step read it; undefined, after a warning, when it cannot be read now. */
function postCaCertificate(deps: Dependencies): string | null | undefined {
  try {
    return readCaCertificate({ get: runnerInput(deps.env) });
  } catch (error) {
    deps.io.warning(`Nothing was cleaned up: ${errorMessage(error)}`);
    return undefined;
  }
}

function describe(records: ReadonlyArray<CleanupRecord>): string {
  return records.map(recordLabel).join(', ');
}

/** The main step already validated this input; the post step falls back rather than fail over it. */
function postTimeoutMs(value: string): number {
  const seconds = Number(value);
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 300 ? seconds * 1000 : 30_000;
}
