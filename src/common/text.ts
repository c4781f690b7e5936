/**
 * Text that reaches the log, an annotation or the summary. Server text may carry line breaks or other control
 * characters that would start a workflow command (`::set-output…`, `::stop-commands::…`) on a line of its own, and
 * the runner also reads the older form `##[name]data` anywhere in a line.
 */
// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** One printable line: each control character becomes a visible escape, so nothing can start a new line. */
export function printable(text: string): string {
  return text.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `printable`, with both workflow-command forms defused: every `##[` becomes `##\[` (the runner looks for `##[`
 * anywhere in a line; the escape keeps it readable and cannot make a new one), and a line that starts with `::`
 * gets a leading `'`.
 */
export function safeLine(text: string): string {
  const line = printable(text).replace(/##\[/g, '##\\[');
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

/** The longest line the action prints: room for its own words around a few server error details. */
export const MAX_LINE = 2_000;
const KEPT_TAIL = 400;

/**
 * The one cut of printed text, made only after secrets are scrubbed (see guarded-io.ts): a fragment of a secret cut
 * in half would no longer be recognised. A long line keeps its head and its tail (where the action's own advice
 * usually is) and says how much was left out between them.
 */
export function clip(text: string, max = MAX_LINE): string {
  if (text.length <= max) return text;
  const marker = ` … [${text.length - max} characters left out] … `;
  const tail = Math.min(KEPT_TAIL, Math.floor(max / 4));
  return `${text.slice(0, Math.max(max - tail - marker.length, 0))}${marker}${text.slice(text.length - tail)}`;
}
