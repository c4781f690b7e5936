/** The job summary as a person reads it: the action escapes every cell for HTML and Markdown as numeric entities. */
export function unescaped(summary: string): string {
  return summary.replace(/&#(\d+);/g, (_entity, code: string) => String.fromCharCode(Number(code)));
}
