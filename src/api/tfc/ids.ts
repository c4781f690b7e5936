/**
 * Formats of the ids and names the API hands out and takes, in one place: the inputs check what a user gives against
 * them, and anything from the server or the state file is checked before it goes into a URL, a log line, an output or
 * the state file (an id of `..` or `x/../y` must never become a path).
 *
 * The API documents ids only by their prefix (`ws-…`; its samples carry 16 letters or digits after it, and go-tfe
 * checks only the characters), so an id is its prefix and 1 to 64 letters or digits: a longer id from a future server
 * still reads, and nothing that could leave a path segment passes.
 */
const ID_FORMATS = {
  token: /^at-[A-Za-z0-9]{1,64}$/,
  team: /^team-[A-Za-z0-9]{1,64}$/,
  'agent pool': /^apool-[A-Za-z0-9]{1,64}$/,
  workspace: /^ws-[A-Za-z0-9]{1,64}$/,
  project: /^prj-[A-Za-z0-9]{1,64}$/,
  'variable set': /^varset-[A-Za-z0-9]{1,64}$/,
  variable: /^var-[A-Za-z0-9]{1,64}$/,
  'team access': /^tws-[A-Za-z0-9]{1,64}$/,
  'project access': /^tprj-[A-Za-z0-9]{1,64}$/,
  /** Organization and team names share this shape in every place the action uses them. */
  name: /^[A-Za-z0-9_-]{1,255}$/,
} as const;

/** Names the inputs take that have rules of their own. */
const NAME_FORMATS = {
  /** Letters, digits, - and _, at most 90 (no spaces: the workspaces API refuses them). */
  workspace: /^[A-Za-z0-9_-]{1,90}$/,
  /** Letters, digits, spaces, - and _; 3 to 40 characters; no space at either end (the projects API's rule). */
  project: /^[A-Za-z0-9_-][A-Za-z0-9 _-]{1,38}[A-Za-z0-9_-]$/,
} as const;

export type IdKind = keyof typeof ID_FORMATS;
export type NameKind = keyof typeof NAME_FORMATS;

/** A resource given by its id or by its name (`team-id` or `team-name`, an item of `workspaces`, …). */
export type Ref = { readonly id: string } | { readonly name: string };

export function isId(kind: IdKind, value: unknown): value is string {
  return typeof value === 'string' && ID_FORMATS[kind].test(value);
}

export function isName(kind: NameKind, value: unknown): value is string {
  return typeof value === 'string' && NAME_FORMATS[kind].test(value);
}

type Fields = Record<string, unknown>;

/**
 * The id in a JSON:API resource's `relationships.<name>.data.id`, unchecked (the caller checks it against the format
 * it expects); undefined when the relationship or its data is absent, null when the server says there is none. Kept
 * here, beside the formats, because every decoder reads related ids, so the per-job path already loads this module.
 */
export function relatedId(resource: unknown, name: string): unknown {
  const data = related(resource, name);
  return data === null ? null : data?.['id'];
}

/** `relationships.<name>.data` (a resource identifier: type and id), unchecked; absent and null as above. */
export function related(resource: unknown, name: string): Fields | null | undefined {
  const relationships = ((resource ?? {}) as Fields)['relationships'] as Fields | undefined;
  return (relationships?.[name] as Fields | undefined)?.['data'] as Fields | null | undefined;
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
