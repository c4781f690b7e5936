import type { RunContext } from './rules.js';

/** Every temporary team this action makes is named with this prefix (sweep searches for it). */
export const SCOPED_TEAM_PREFIX = 'gha-tfc-scoped-';

/** `gha-tfc-scoped-20260301T120000Z-4242-1-9f3a1c2e`: letters, digits, - and _ only, as team names require. */
export function scopedTeamName(run: RunContext, now: number, randomHex: string): string {
  const time = new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 20);
  return `${SCOPED_TEAM_PREFIX}${time}-${safe(run.runId)}-${safe(run.runAttempt)}-${randomHex}`;
}

/** The shape scopedTeamName makes, with the creation time's parts captured. */
const SCOPED_TEAM_NAME =
  /^gha-tfc-scoped-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-[A-Za-z0-9_]{1,20}-[A-Za-z0-9_]{1,20}-[0-9a-f]{8}$/;

/** The creation time a scoped team's name carries, or null when the name is not one this action makes. */
export function scopedTeamCreatedAt(name: string): number | null {
  const match = SCOPED_TEAM_NAME.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const at = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  return Number.isNaN(at) ? null : at;
}
