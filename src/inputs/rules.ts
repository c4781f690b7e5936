import { InputError, quote } from '../common/errors.js';
import { isId, type Ref } from '../api/tfc/client.js';
import type { StepEnv } from '../runner/io.js';

/** Small readers shared by every mode's parser; each throws one InputError naming the input. */

export interface InputSource {
  /** Reads an input as the runner passes it (INPUT_<NAME>), trimmed; '' when unset. */
  readonly get: (name: string) => string;
  readonly env: StepEnv;
  readonly now: number;
  readonly run: RunContext;
  readonly randomHex: () => string;
}

export const FORK_HINT =
  'Secrets are not passed to workflows triggered from forks or by Dependabot; if this is such a run, the secret ' +
  'exists but is not given to it.';

export function oneOf<T extends string>(source: InputSource, name: string, allowed: readonly T[], fallback: T): T {
  const value = source.get(name) || fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(name, `must be one of ${allowed.join(', ')}; got ${quote(value)}.`);
  }
  return value as T;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** YAML 1.2 core-schema booleans, as the runner's own getBooleanInput reads them. */
export function boolean(source: Pick<InputSource, 'get'>, name: string, fallback: boolean): boolean {
  const value = source.get(name);
  if (!value) return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(
    name,
    `must be a YAML 1.2 boolean (true, True, TRUE, false, False or FALSE); got ${quote(value)}.`,
  );
}

export function forbid(source: InputSource, name: string, why: string): void {
  if (source.get(name)) throw new InputError(name, `${why}; remove it.`);
}

export function teamRef(source: InputSource): Ref {
  const team = optionalTeamRef(source);
  if (!team) throw new InputError('team-id', 'or "team-name" is required for team tokens; give exactly one of them.');
  return team;
}

export function optionalTeamRef(source: InputSource): Ref | null {
  const id = source.get('team-id');
  const name = source.get('team-name');
  if (id && name) throw new InputError('team-id', 'cannot be combined with "team-name"; give exactly one of them.');
  if (id) {
    if (!isId('team', id))
      throw new InputError('team-id', `must be a team id like team-6p5jTwJQXwqZBncC; got ${quote(id)}.`);
    return { id };
  }
  if (name) {
    if (!isId('name', name))
      throw new InputError('team-name', `must be a team name (letters, digits, - and _); got ${quote(name)}.`);
    return { name };
  }
  return null;
}

export function forbidTeamInputs(source: InputSource, tokenType: string): void {
  forbid(source, 'team-id', `applies only to team tokens, not to token-type: ${tokenType}`);
  forbid(source, 'team-name', `applies only to team tokens, not to token-type: ${tokenType}`);
  if (boolean(source, 'legacy-team-token', false)) {
    throw new InputError('legacy-team-token', `applies only to team tokens, not to token-type: ${tokenType}.`);
  }
}

export function organization(
  source: InputSource,
  required: boolean,
  why = 'organization tokens and team-name look-ups',
): string | null {
  const value = source.get('organization') || source.env['TF_CLOUD_ORGANIZATION']?.trim() || '';
  if (!value) {
    if (!required) return null;
    throw new InputError('organization', `is required here (${why}) and TF_CLOUD_ORGANIZATION is not set either.`);
  }
  if (!isId('name', value)) {
    throw new InputError(
      'organization',
      `must be an organization name (letters, digits, - and _); got ${quote(value)}.`,
    );
  }
  return value;
}

export function requiredOrganization(source: InputSource, why: string): string {
  return organization(source, true, why) as string;
}

export function agentPoolId(source: InputSource): string {
  const value = source.get('agent-pool-id');
  if (!value) {
    throw new InputError('agent-pool-id', 'is required for agent tokens (the apool-… id of the agent pool).');
  }
  if (!isId('agent pool', value))
    throw new InputError('agent-pool-id', `must be an agent pool id like apool-yoGUFz5zcRMMz53i; got ${quote(value)}.`);
  return value;
}

export function optionalTokenId(source: InputSource): string | null {
  const value = source.get('token-id');
  if (!value) return null;
  if (!isId('token', value))
    throw new InputError('token-id', `must be a token id like at-TLhN8cc6ro6qYDvp; got ${quote(value)}.`);
  return value;
}

/** The API allows 255 characters; the action appends a space and a 16-character nonce to every description. */
export const MAX_DESCRIPTION_LENGTH = 255 - 17;

/** `reserved`: what the action adds besides the nonce (the kept marker of a token with ephemeral: false). */
export function checkedDescription(value: string, reserved = 0): string {
  const max = MAX_DESCRIPTION_LENGTH - reserved;
  if (value.length > max || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
    throw new InputError(
      'description',
      `must be at most ${max} characters with no line breaks or control characters (the action ` +
        `appends a 17-character nonce${reserved ? `, and ${reserved} characters marking a kept token` : ''}).`,
    );
  }
  return value;
}

export function duration(source: InputSource, name: string, fallback: string): number {
  const value = source.get(name) || fallback;
  const ms = durationMs(value);
  if (ms === null) throw new InputError(name, `must be a duration such as 45m, 6h, 7d or 2w; got ${quote(value)}.`);
  return ms;
}

export function wholeNumber(source: InputSource, name: string, fallback: string, min: number, max: number): number {
  const value = source.get(name) || fallback;
  if (!/^[0-9]{1,4}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(name, `must be a whole number from ${min} to ${max}; got ${quote(value)}.`);
  }
  return Number(value);
}

const MINUTE = 60_000;
const UNIT_MS = { m: MINUTE, h: 60 * MINUTE, d: 24 * 60 * MINUTE, w: 7 * 24 * 60 * MINUTE } as const;

/** A token must outlive the request that makes it and the step that uses it; shorter is a typo, not a choice. */
export const MIN_LIFETIME_MS = 5 * MINUTE;
/** The servers' own default (and the default maximum TTL policy) is two years; anything beyond is a typo. */
export const MAX_LIFETIME_MS = 730 * 24 * 60 * MINUTE;

const DURATION = /^([1-9][0-9]{0,6})(m|h|d|w)$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const ALLOWED = 'a duration such as 45m, 6h, 7d or 2w, or an RFC 3339 timestamp such as 2030-01-31T12:00:00Z';

/** Turns the `expiry` input into the instant the token expires, checked against [now + 5m, now + 730d]. */
export function parseExpiry(value: string, now: number): Date {
  const at = expiryInstant(value, now);
  if (at - now < MIN_LIFETIME_MS) {
    throw new InputError('expiry', `must lie at least 5 minutes in the future; got "${value}".`);
  }
  if (at - now > MAX_LIFETIME_MS) {
    throw new InputError('expiry', `must lie at most 730 days (2 years) in the future; got "${value}".`);
  }
  return new Date(at);
}

/** `45m`, `6h`, `7d`, `2w` in milliseconds; null for anything else. */
export function durationMs(value: string): number | null {
  const duration = DURATION.exec(value);
  return duration ? Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS] : null;
}

function expiryInstant(value: string, now: number): number {
  const duration = durationMs(value);
  if (duration !== null) return now + duration;
  if (RFC3339.test(value) && isCalendarDate(value)) {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return at;
  }
  throw new InputError('expiry', `must be ${ALLOWED}; got "${value}".`);
}

/**
 * Date.parse rolls 2030-02-31 over into March and accepts T24:00:00; a timestamp that names no real day or time of
 * day is a typo.
 */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [hour, minute, second] = value.slice(11, 19).split(':').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const realDay = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
  return realDay && hour <= 23 && minute <= 59 && second <= 59;
}

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
 * own nonce (see isOwnedBy in tokens/context.ts), which is what makes the description unique: matrix legs share
 * GITHUB_JOB.
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
