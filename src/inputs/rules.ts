import { InputError } from '../common/errors.js';
import { durationMs } from './expiry.js';
import { quote } from '../common/hostname.js';
import type { RunContext } from './description.js';
import type { StepEnv } from '../runner/runner-input.js';
import { isId, type Ref } from '../api/tfc/ids.js';

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
