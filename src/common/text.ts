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

/** At most `max` characters, marked when cut. */
export function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
