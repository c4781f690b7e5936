import { expect } from '@jest/globals';
import { findLeaks, maskedFirst } from './hygiene.js';
import type { StepResult } from '../steps/runner.js';

export { errorsOf } from './lines.js';

/** The secret-hygiene contract every scenario asserts: masked first, and nowhere it is not allowed. */
export function expectClean(step: StepResult, secrets: ReadonlyArray<string | undefined>): void {
  const present = secrets.filter((secret): secret is string => Boolean(secret));
  expect(findLeaks(step, present)).toEqual([]);
  for (const secret of present) {
    if (step.stdout.includes(secret)) expect(maskedFirst(step, secret)).toBe(true);
  }
}
