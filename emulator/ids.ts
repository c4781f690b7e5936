import { randomInt } from 'node:crypto';

/** Ids, secrets and timestamps in HCP Terraform's shapes; the bottom of the emulator, it imports nothing of it. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(length: number): string {
  return Array.from({ length }, () => BASE62[randomInt(62)]).join('');
}

type Prefix = 'at' | 'team' | 'apool' | 'user' | 'ws' | 'prj' | 'tws' | 'tprj' | 'varset' | 'var' | 'ttlp';

/** `<prefix>-<16 base62>`, as every resource id in the API. */
export function newId(prefix: Prefix): string {
  return `${prefix}-${base62(16)}`;
}

/** The shape of HCP Terraform secrets, `<14>.atlasv1.<67>`. */
export function newSecret(): string {
  return `${base62(14)}.atlasv1.${base62(67)}`;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
