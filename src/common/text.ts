/**
 * Text that reaches the log, an annotation or the summary. Server text may carry line breaks or other control
 * characters that would start a workflow command (`::set-output…`, `::stop-commands::…`) on a line of its own.
 */
// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** One printable line: each control character becomes a visible escape, so nothing can start a new line. */
export function printable(text: string): string {
  return text.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `printable`, and a line that would still read as a workflow command (it starts with `::`) is defused. */
export function safeLine(text: string): string {
  const line = printable(text);
  return /^\s*::/.test(line) ? `'${line}` : line;
}

/** A number and its noun, singular for exactly one: "1 hour", "2 hours", "0 tokens". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The end of a "Created …" line: when the token expires, or that it never does. */
export function expiresClause(expiredAt: string | null): string {
  return expiredAt ? `it expires at ${expiredAt}` : 'it never expires';
}

/** At most `max` characters, marked when cut. */
export function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
