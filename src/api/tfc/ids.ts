/**
 * Formats of the ids the API hands out. Anything from the server or the state file is checked against these before
 * it goes into a URL, a log line, an output or the state file: an id of `..` or `x/../y` must never become a path.
 */
const FORMATS = {
  token: /^at-[A-Za-z0-9]{1,64}$/,
  team: /^team-[A-Za-z0-9]{1,64}$/,
  'agent pool': /^apool-[A-Za-z0-9]{1,64}$/,
  workspace: /^ws-[A-Za-z0-9]{1,64}$/,
  project: /^prj-[A-Za-z0-9]{1,64}$/,
  'variable set': /^varset-[A-Za-z0-9]{1,64}$/,
  variable: /^var-[A-Za-z0-9]{1,64}$/,
  'team access': /^tws-[A-Za-z0-9]{1,64}$/,
  'project access': /^tprj-[A-Za-z0-9]{1,64}$/,
  /** Organization, team, workspace and project names share this shape in every place the action uses them. */
  name: /^[A-Za-z0-9_-]{1,255}$/,
} as const;

export type IdKind = keyof typeof FORMATS;

export function isId(kind: IdKind, value: unknown): value is string {
  return typeof value === 'string' && FORMATS[kind].test(value);
}

/** An answer that breaks the API's own rules: reported without echoing the offending value. */
export class UntrustedAnswerError extends Error {
  constructor(what: string) {
    super(`The server's answer is not one the API gives: ${what}. Nothing was done with it.`);
    this.name = 'UntrustedAnswerError';
  }
}

/** The value when it has the format of a `kind` id; otherwise one clear error naming where it came from. */
export function checkedId(kind: IdKind, value: unknown, where: string): string {
  if (isId(kind, value)) return value;
  throw new UntrustedAnswerError(`${where} is not a ${kind} id`);
}
