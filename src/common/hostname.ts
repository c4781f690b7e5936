import { InputError } from './errors.js';

export const DEFAULT_HOSTNAME = 'app.terraform.io';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_AND_PORT = new RegExp(`^(${LABEL}(?:\\.${LABEL})*)(?::([0-9]{1,5}))?$`);

/**
 * Normalises the `hostname` input to `host` or `host:port`. The credential travels to this host only, so
 * anything that could send it elsewhere (plain http, a path, user info) is refused rather than guessed at.
 */
export function parseHostname(raw: string): string {
  let value = raw;
  if (/^http:\/\//i.test(value)) {
    throw new InputError(
      'hostname',
      'must not use http://: the API token would travel unencrypted. Give the host alone, e.g. app.terraform.io.',
    );
  }
  value = value
    .replace(/^https:\/\//i, '')
    .replace(/\/$/, '')
    .toLowerCase();
  const match = HOST_AND_PORT.exec(value);
  const port = match?.[2];
  if (!match || (port !== undefined && (Number(port) < 1 || Number(port) > 65535))) {
    throw new InputError(
      'hostname',
      `must be a host name with an optional port (host or host:port, e.g. app.terraform.io or ` +
        `tfe.example.com:8443), with no path, user info or spaces; got ${quote(raw)}.`,
    );
  }
  return value;
}

/**
 * The variable Terraform CLI reads credentials from: `.` becomes `_` and `-` becomes `__`.
 * Returns null for a host with a port, which the CLI's naming scheme cannot express.
 */
export function terraformTokenVariable(hostname: string): string | null {
  if (hostname.includes(':')) return null;
  return `TF_TOKEN_${hostname.replace(/-/g, '__').replace(/\./g, '_')}`;
}

/** Not cut here: the printer scrubs secrets (a token pasted into the wrong input) before it cuts a line. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
