import type { StepEnv } from '../runner/runner-input.js';

/** Marks every token this action mints per job, so people (and a sweep) can tell them apart from hand-made ones. */
export const DESCRIPTION_PREFIX = 'gha-tfc-token';
/** Marks rotated tokens; deliberately not a prefix of the per-job one, so a sweep never touches them. */
export const ROTATION_PREFIX = 'gha-tfc-rotate';

export interface RunContext {
  readonly repository: string;
  readonly runId: string;
  readonly runAttempt: string;
  readonly job: string;
  readonly workflow: string;
}

export function runContextFrom(env: StepEnv): RunContext {
  return {
    repository: env['GITHUB_REPOSITORY'] || 'local',
    runId: env['GITHUB_RUN_ID'] || '0',
    runAttempt: env['GITHUB_RUN_ATTEMPT'] || '1',
    job: env['GITHUB_JOB'] || 'job',
    workflow: env['GITHUB_WORKFLOW'] || 'workflow',
  };
}

/**
 * `gha-tfc-token owner/repo run-123-1 job-deploy`: tells a person where a token came from. Each create appends its
 * own nonce (see tokens/ownership.ts), which is what makes the description unique: matrix legs share GITHUB_JOB.
 */
export function defaultDescription(run: RunContext): string {
  const job = run.job.replace(/\s+/g, '-').slice(0, 60);
  return `${DESCRIPTION_PREFIX} ${run.repository} run-${run.runId}-${run.runAttempt} job-${job}`;
}

/**
 * The word a kept token's description carries before its nonce (`mode: create` with `ephemeral: false`, team tokens):
 * the sweep takes only descriptions whose nonce follows `job-<job>` directly, so a kept token never has its shape,
 * whatever description the user chose.
 */
export const KEPT_MARKER = 'kept';

export function keptDescription(base: string): string {
  return `${base} ${KEPT_MARKER}`;
}

/** Stable per repository and workflow, so each rotation finds the tokens of the ones before it. */
export function defaultRotationDescription(run: RunContext): string {
  return `${ROTATION_PREFIX} ${run.repository} ${run.workflow.replace(/\s+/g, '-').slice(0, 60)}`;
}
