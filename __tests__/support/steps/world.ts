import { Emulator, type EmulatorOptions } from '../../../emulator/server.js';
import { runJob, runStep, type StepOptions, type StepResult } from './runner.js';
import { makeTestTls } from '../../../emulator/tls.js';
import { callEmulator, type ApiAnswer } from './emulator-call.js';

/** An emulator with one organization (`acme`), one team (`platform`) and an owner credential, plus step runners. */
export interface World {
  readonly emulator: Emulator;
  readonly teamId: string;
  readonly credential: string;
  /** The test CA, for NODE_EXTRA_CA_CERTS of processes started outside the runner. */
  readonly caCertPath: string;
  main(inputs: Record<string, string>, extra?: Partial<StepOptions>): Promise<StepResult>;
  post(main: StepResult, inputs: Record<string, string>, extra?: Partial<StepOptions>): Promise<StepResult>;
  job(inputs: Record<string, string>, extra?: Partial<StepOptions>): Promise<{ main: StepResult; post: StepResult }>;
  /** method and path (without /api/v2) of every request so far */
  calls(): string[];
  /** A direct API call (as the owner), for setting the scene; returns the status and the parsed body. */
  api(method: string, path: string, body?: unknown, bearer?: string): Promise<ApiAnswer>;
  /** Creates a described team token directly; returns its id. */
  mint(teamId: string, description: string, expiredAt?: string): Promise<string>;
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
    caCertPath: tls.caCertPath,
    main: (inputs, extra) => runStep('main', stepOptions(inputs, extra)),
    post: (main, inputs, extra) => runStep('post', { ...stepOptions(inputs, extra), state: main.state }),
    job: (inputs, extra) => runJob(stepOptions(inputs, extra)),
    calls: () => emulator.requests().map((entry) => `${entry.method} ${entry.path.replace(/^\/api\/v2/, '')}`),
    api,
    mint: async (team, description, expiredAt = new Date(Date.now() + 86_400_000).toISOString()) => {
      const answer = await api('POST', `/teams/${team}/authentication-tokens`, {
        data: { type: 'authentication-tokens', attributes: { description, 'expired-at': expiredAt } },
      });
      if (answer.status !== 201) throw new Error(`mint failed: ${answer.status}`);
      return answer.body.data.id as string;
    },
  };

  function api(method: string, path: string, body?: unknown, bearer = credential): Promise<ApiAnswer> {
    return callEmulator(emulator, tls, { method, path, body, bearer });
  }
}
