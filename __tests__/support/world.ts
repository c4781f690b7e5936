import { expect } from '@jest/globals';
import { Emulator, type EmulatorOptions } from './emulator.js';
import { findLeaks, maskedFirst } from './hygiene.js';
import { runJob, runStep, type StepOptions, type StepResult } from './runner.js';
import { makeTestTls } from './tls.js';

/** An emulator with one organization (`acme`), one team (`platform`) and an owner credential, plus step runners. */
export interface World {
  readonly emulator: Emulator;
  readonly teamId: string;
  readonly credential: string;
  main(inputs: Record<string, string>, extra?: Partial<StepOptions>): Promise<StepResult>;
  post(main: StepResult, inputs: Record<string, string>, extra?: Partial<StepOptions>): Promise<StepResult>;
  job(inputs: Record<string, string>, extra?: Partial<StepOptions>): Promise<{ main: StepResult; post: StepResult }>;
  /** method and path (without /api/v2) of every request so far */
  calls(): string[];
}

export async function startWorld(options: Partial<EmulatorOptions> = {}): Promise<World> {
  const tls = await makeTestTls();
  const emulator = await Emulator.start({ tls, ...options });
  emulator.addOrganization('acme');
  const teamId = emulator.addTeam('acme', 'platform');
  const credential = emulator.addCredential({ organization: 'acme', role: 'owner' });
  const stepOptions = (inputs: Record<string, string>, extra: Partial<StepOptions> = {}): StepOptions => ({
    caCertPath: tls.caCertPath,
    ...extra,
    inputs: { 'api-token': credential, hostname: emulator.hostname, ...inputs },
  });
  return {
    emulator,
    teamId,
    credential,
    main: (inputs, extra) => runStep('main', stepOptions(inputs, extra)),
    post: (main, inputs, extra) => runStep('post', { ...stepOptions(inputs, extra), state: main.state }),
    job: (inputs, extra) => runJob(stepOptions(inputs, extra)),
    calls: () => emulator.requests().map((request) => `${request.method} ${request.path.replace(/^\/api\/v2/, '')}`),
  };
}

/** The secret-hygiene contract every scenario asserts: masked first, and nowhere it is not allowed. */
export function expectClean(step: StepResult, secrets: ReadonlyArray<string | undefined>): void {
  const present = secrets.filter((secret): secret is string => Boolean(secret));
  expect(findLeaks(step, present)).toEqual([]);
  for (const secret of present) {
    if (step.stdout.includes(secret)) expect(maskedFirst(step, secret)).toBe(true);
  }
}

export function errorsOf(step: StepResult): string[] {
  return step.stdout.split('\n').filter((line) => line.startsWith('::error'));
}
