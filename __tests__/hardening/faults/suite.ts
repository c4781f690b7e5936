import { expect } from 'expect';
import { Emulator, type Fault, type FaultKind } from '../../../emulator/server.js';
import { findLeaks } from '../../support/assertions/hygiene.js';
import { errorsOf, warningsOf } from '../../support/assertions/lines.js';
import { startFakeGitHub } from '../../support/fakes/github-fake.js';
import type { StepResult } from '../../support/steps/runner.js';
import { makeTestTls } from '../../../emulator/tls.js';
import { startWorld, type World } from '../../support/steps/world.js';

/**
 * The fault suite: every request the action makes, under every fault a network or an API can produce. Each case runs
 * main then post and checks the exit status and message, the tokens left on the emulator, that the token handed out
 * works, that a redirect's target saw nothing, and that no secret leaked.
 */

type Target = {
  readonly request: string;
  readonly method: string;
  readonly path: RegExp;
  readonly inputs: Record<string, string>;
  /** the step whose request is faulted */
  readonly phase: 'main' | 'post';
  /** idempotent reads can be repeated; a body that is not JSON is only fatal where the body is read */
  readonly readsBody: boolean;
  /** a rotation: the new token outlives the job, and a fake GitHub receives it */
  readonly rotation?: boolean;
};

const teamByName = { 'team-name': 'platform', organization: 'acme' };
const TARGETS: readonly Target[] = [
  {
    request: 'team look-up',
    method: 'GET',
    path: /\/organizations\/acme\/teams$/,
    inputs: teamByName,
    phase: 'main',
    readsBody: true,
  },
  {
    request: 'create',
    method: 'POST',
    path: /\/authentication-tokens$/,
    inputs: teamByName,
    phase: 'main',
    readsBody: true,
  },
  // None exists yet, so the real answer is a 404 whose body the action never needs.
  {
    request: 'existence check',
    method: 'GET',
    path: /\/organizations\/acme\/authentication-token$/,
    inputs: { 'token-type': 'organization', organization: 'acme' },
    phase: 'main',
    readsBody: false,
  },
  {
    request: 'post existence check',
    method: 'GET',
    path: /\/organizations\/acme\/authentication-token$/,
    inputs: { 'token-type': 'organization', organization: 'acme' },
    phase: 'post',
    readsBody: true,
  },
  {
    request: 'post delete',
    method: 'DELETE',
    path: /\/authentication-tokens\/at-/,
    inputs: teamByName,
    phase: 'post',
    readsBody: false,
  },
  {
    request: 'list',
    method: 'GET',
    path: /\/team-tokens$/,
    inputs: { mode: 'list', organization: 'acme' },
    phase: 'main',
    readsBody: true,
  },
  {
    request: 'verify',
    method: 'GET',
    path: /\/account\/details$/,
    inputs: { mode: 'rotate', ...teamByName, 'secret-name': 'TFC_TOKEN' },
    phase: 'main',
    readsBody: true,
    rotation: true,
  },
];

type Kind = { readonly label: string; readonly fault: (otherHost: string) => FaultKind; readonly times?: number };
const html = (status: number): Kind => ({
  label: `${status} with an HTML page`,
  fault: () => ({
    kind: 'status',
    status,
    contentType: 'text/html',
    body: `<html><body><h1>${status}</h1>proxy error</body></html>`,
  }),
});
const KINDS: readonly Kind[] = [
  { label: '429 burst', fault: () => ({ kind: 'rate-limit', resetSeconds: 0.2 }), times: 3 },
  html(500),
  html(502),
  html(503),
  { label: 'reset before acting', fault: () => ({ kind: 'reset-before' }) },
  { label: 'reset after acting', fault: () => ({ kind: 'reset-after' }) },
  { label: 'never answers', fault: () => ({ kind: 'hang' }) },
  { label: 'truncated body', fault: () => ({ kind: 'truncate' }) },
  { label: 'non-JSON body', fault: () => ({ kind: 'non-json' }) },
  {
    label: 'redirect to another host',
    fault: (otherHost) => ({ kind: 'redirect', location: `${otherHost}/api/v2/elsewhere` }),
  },
];

export interface Expected {
  /** the step that fails, or null when both succeed */
  readonly fails: 'main' | 'post' | null;
  readonly message: RegExp | null;
  readonly tokensLeft: number;
}

export interface FaultCase {
  readonly name: string;
  readonly target: Target;
  readonly kind: Kind;
  readonly expected: Expected;
}

/** What a careful action does: recover where it safely can; otherwise fail clearly, leaving nothing it made. */
function expectedOutcome(target: Target, kind: Kind): Expected {
  const label = kind.label;
  const kept = target.rotation ? 1 : 0;
  if (label.startsWith('redirect')) {
    return target.phase === 'main'
      ? { fails: 'main', message: /redirect to localhost:\d+, which is not followed/, tokensLeft: 0 }
      : { fails: 'post', message: /Could not delete .*redirect/, tokensLeft: 1 };
  }
  if (label === 'non-JSON body' && target.readsBody && target.method === 'GET') {
    return target.phase === 'main'
      ? { fails: 'main', message: /not a JSON:API document/, tokensLeft: 0 }
      : { fails: 'post', message: /Could not delete .*not a JSON:API document/, tokensLeft: 1 };
  }
  return { fails: null, message: null, tokensLeft: kept };
}

export const CASES: readonly FaultCase[] = TARGETS.flatMap((target) =>
  KINDS.map((kind) => ({
    name: `${target.request}: ${kind.label}`,
    target,
    kind,
    expected: expectedOutcome(target, kind),
  })),
);

export interface Observed {
  readonly fails: 'main' | 'post' | null;
  readonly message: string;
  readonly tokensLeft: number;
  readonly tokenWorks: boolean | null;
  readonly otherHostRequests: number;
  readonly leaks: number;
  readonly faultFired: boolean;
}

export async function runCase(fault: FaultCase): Promise<Observed> {
  const world = await startWorld();
  const other = await Emulator.start({ tls: await makeTestTls() });
  const github = await startFakeGitHub();
  try {
    const inject = () => world.emulator.inject(faultFor(fault, other.baseUrl));
    const inputs = {
      ...fault.target.inputs,
      'request-timeout': '2',
      ...(fault.target.rotation ? { 'github-token': github.token } : {}),
    };
    const extra = { env: { GITHUB_API_URL: github.url } };
    if (fault.target.phase === 'main') inject();
    const main = await world.main(inputs, extra);
    const token = main.outputs['token'];
    const tokenWorks = token ? (await world.api('GET', '/account/details', undefined, token)).status === 200 : null;
    if (fault.target.phase === 'post') inject();
    const post = await world.post(main, inputs, extra);
    if (
      fault.target.rotation &&
      main.code === 0 &&
      github.secrets().get('repo:octo-org/infra')?.get('TFC_TOKEN') !== token
    ) {
      throw new Error('the rotation reported success but the secret does not hold the new token');
    }
    const secrets = [world.credential, github.token, token ?? '', ...world.emulator.mintedSecrets()];
    return {
      fails: main.code !== 0 ? 'main' : warnings(post).length > 0 || post.code !== 0 ? 'post' : null,
      message: main.code !== 0 ? errorsOf(main).join(' | ') : warnings(post).join(' | '),
      tokensLeft: world.emulator.tokens().length,
      tokenWorks,
      otherHostRequests: other.requests().length,
      leaks: findLeaks(main, secrets).length + findLeaks(post, secrets).length,
      faultFired: world.emulator.requests().some((request) => request.fault !== null),
    };
  } finally {
    await Promise.all([world.emulator.close(), other.close(), github.close()]);
  }
}

function faultFor(fault: FaultCase, otherHost: string): Fault {
  return {
    method: fault.target.method,
    path: fault.target.path,
    times: fault.kind.times ?? 1,
    fault: fault.kind.fault(otherHost),
  };
}

/**
 * Asserts the case's outcome with `expect` (the package, not jest's globals, so `npm run test:faults` runs it
 * outside jest too). Each check names what it checks, as the key of the object it compares.
 */
export function expectVerdict(fault: FaultCase, observed: Observed): void {
  const { expected } = fault;
  expect({ 'the fault fired': observed.faultFired }).toEqual({ 'the fault fired': true });
  expect({ 'the step that fails': observed.fails, message: observed.message }).toMatchObject({
    'the step that fails': expected.fails,
  });
  if (expected.message)
    expect({ message: observed.message }).toEqual({ message: expect.stringMatching(expected.message) });
  expect({ 'tokens left': observed.tokensLeft }).toEqual({ 'tokens left': expected.tokensLeft });
  if (expected.fails !== 'main' && fault.target.inputs['mode'] !== 'list')
    expect({ 'the token handed out works': observed.tokenWorks }).toEqual({ 'the token handed out works': true });
  expect({ 'requests to the redirect target': observed.otherHostRequests }).toEqual({
    'requests to the redirect target': 0,
  });
  expect({ 'secret leaks': observed.leaks }).toEqual({ 'secret leaks': 0 });
  if (observed.fails === 'main')
    expect({ 'error lines': observed.message.split(' | ').length }).toEqual({ 'error lines': 1 });
}

/** The warnings a fault may cause, without the two every case of its kind prints. */
function warnings(step: StepResult): string[] {
  return warningsOf(step).filter(
    (line) => !line.includes('Not exporting TF_TOKEN_') && !line.includes('may or may not have succeeded'),
  );
}

export type { World };
