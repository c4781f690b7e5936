import { secretForms } from '../../../src/runner/io.js';
import type { StepResult } from '../steps/runner.js';

// The forms the action itself scrubs (raw, URL-encoded, JSON-escaped, base64 and base64url of the secret and of its
// Bearer header): the tests look for exactly those, so the two lists cannot drift apart.
export { secretForms };

export interface Leak {
  readonly where: string;
  readonly form: string;
}

/**
 * The only allowed appearances of a secret: the `::add-mask::` command, the `token` output and the exported
 * `TF_TOKEN_…` variable. Returns every other appearance, so a test can assert the list is empty.
 */
export function findLeaks(step: StepResult, secrets: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets.filter(Boolean)) {
    const places: Record<string, string> = {
      stdout: step.stdout
        .split('\n')
        .filter((line) => line !== `::add-mask::${secret}`)
        .join('\n'),
      stderr: step.stderr,
      summary: step.files.summary,
      state: step.files.state,
      outputs: withoutEntries(step.outputs, (name) => name === 'token'),
      env: withoutEntries(step.exported, (name) => name.startsWith('TF_TOKEN_')),
    };
    for (const [where, text] of Object.entries(places)) {
      for (const form of secretForms(secret)) {
        if (text.includes(form)) leaks.push({ where, form: form === secret ? 'raw' : 'encoded' });
      }
    }
  }
  return leaks;
}

/** The secret was masked before it could appear anywhere else on stdout. */
export function maskedFirst(step: StepResult, secret: string): boolean {
  const maskAt = step.stdout.indexOf(`::add-mask::${secret}`);
  if (maskAt < 0) return false;
  const rest = step.stdout.replace(`::add-mask::${secret}`, '');
  const firstOther = rest.indexOf(secret);
  return firstOther < 0 || firstOther >= maskAt;
}

function withoutEntries(entries: Record<string, string>, allowed: (name: string) => boolean): string {
  return Object.entries(entries)
    .filter(([name]) => !allowed(name))
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}
