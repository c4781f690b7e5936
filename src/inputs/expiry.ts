import { InputError } from '../common/errors.js';

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
