import { afterEach, expect, test } from '@jest/globals';
import { reportBadInput, stdoutCommands } from '../../../src/runner/bad-input.js';

const CREDENTIAL = 'QnbSxjjhVMHJgw.atlasv1.Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9maXNo';

afterEach(() => {
  process.exitCode = 0;
});

function failed(message: string, credentials: string[]): string[] {
  const lines: string[] = [];
  reportBadInput(
    message,
    credentials,
    stdoutCommands((line) => void lines.push(line)),
  );
  return lines;
}

test('masks every credential before the one error line, and fails the step', () => {
  const lines = failed('Input "mode" must be one of create, delete; got "x".', [CREDENTIAL, 'ghp_second_credential']);
  expect(lines).toEqual([
    `::add-mask::${CREDENTIAL}\n`,
    '::add-mask::ghp_second_credential\n',
    '::error::Input "mode" must be one of create, delete; got "x".\n',
  ]);
  expect(process.exitCode).toBe(1);
});

test('escapes command data: a literal %0A in a message or a credential is not decoded to a line break', () => {
  const lines = failed('Input "description" got "50%0A::set-output name=x::y".', ['abc%0Adef\nghi']);
  expect(lines[0]).toBe('::add-mask::abc%250Adef%0Aghi\n');
  expect(lines[1]).toBe('::error::Input "description" got "50%250A::set-output name=x::y".\n');
});

test('a message that carries a credential, in any form, or a control character prints neither', () => {
  const base64 = Buffer.from(`Bearer ${CREDENTIAL}`).toString('base64');
  const [, error] = failed(`Input "team-id" got "${CREDENTIAL}" (${base64})\r\n::stop-commands::x`, [CREDENTIAL]);
  expect(error).not.toContain(CREDENTIAL.slice(10, 30));
  expect(error).not.toContain(base64.slice(8, 40));
  expect(error).toContain('***');
  expect(error!.split('\n').filter(Boolean)).toHaveLength(1);
  expect(error).toContain('\\u000d\\u000a::stop-commands::x');
});

test('an empty credential list writes the error alone', () => {
  expect(failed('Input "api-token" is empty.', [])).toEqual(['::error::Input "api-token" is empty.\n']);
});
