/**
 * A step's workflow-command lines, read as the runner reads them (`::name` at a line's start). Free of jest, so the
 * fault suite's standalone run (`npm run test:faults`) can use them too.
 */
export function errorsOf(step: { readonly stdout: string }): string[] {
  return commandLines(step, '::error');
}

export function warningsOf(step: { readonly stdout: string }): string[] {
  return commandLines(step, '::warning');
}

export function noticesOf(step: { readonly stdout: string }): string[] {
  return commandLines(step, '::notice');
}

function commandLines(step: { readonly stdout: string }, command: string): string[] {
  return step.stdout.split('\n').filter((line) => line.startsWith(command));
}
