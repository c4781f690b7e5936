import type { EmulatorOptions, RequestRecord } from '../../../emulator/server.js';
import { expect } from 'expect';
import { findLeaks } from '../../support/assertions/hygiene.js';
import { errorsOf, warningsOf } from '../../support/assertions/lines.js';
import { startFakeGitHub, type FakeGitHub } from '../../support/fakes/github-fake.js';
import type { StepResult } from '../../support/steps/runner.js';
import { startWorld, type World } from '../../support/steps/world.js';
import { variableSetVariables } from '../../../src/api/tfc/variable-sets.js';
import { variableIdentity } from '../../../src/modes/rotate/destinations.js';
import { markOf } from '../../../src/modes/rotate/lineage.js';

/**
 * The fault suite of the newer flows: scoped create and post, rotation into a workspace variable, a variable set
 * and a GitHub secret, bulk sweep and its per-id fallback. One fault at a time on each of their requests: reset before
 * the server acts, reset after it acted, a 500, a request left hanging past request-timeout (plus, on destination
 * writes, a hang and a 504 after the write was saved). Every case must keep every invariant in `expectFlowVerdict`,
 * and a single transient fault must not fail the step.
 */

type Host = 'tfc' | 'github';
type Phase = 'main' | 'post';

interface FlowRequest {
  readonly label: string;
  readonly host: Host;
  readonly method: string;
  readonly path: RegExp;
  readonly phase: Phase;
  /** a destination write: also faulted after it took effect (hang, 504) */
  readonly write?: true;
}

interface Scene {
  readonly world: World;
  readonly github: FakeGitHub;
  /** Moves the emulator's clock by this many ms from now (0: back to now). */
  travel(ms: number): void;
}

/** What a flow set up, and how to read what it left. */
interface Prepared {
  readonly inputs: Record<string, string>;
  readonly env?: Record<string, string>;
  /** Steps run before the faulted one (an earlier rotation): checked for leaks too. */
  readonly earlier: readonly StepResult[];
  /** Tokens the step must revoke (earlier rotations) or delete (stale per-job tokens). */
  readonly doomed: readonly string[];
  /** Tokens the step must leave alone. */
  readonly untouched: readonly string[];
  /** The value the destination holds now, if the flow has one. */
  readonly destination?: () => string | undefined;
  /** When the destination took a write during the faulted step (epoch ms), for the revoke-after-write order. */
  readonly destinationWrites?: (since: number) => number[];
}

interface Flow {
  readonly name: string;
  readonly emulator?: Partial<EmulatorOptions>;
  prepare(scene: Scene): Promise<Prepared>;
  readonly requests: readonly FlowRequest[];
}

const tfc = (label: string, method: string, path: RegExp, phase: Phase = 'main'): FlowRequest => ({
  label,
  host: 'tfc',
  method,
  path,
  phase,
});
const TOKEN_CREATE = tfc('token create', 'POST', /\/teams\/[^/]+\/authentication-tokens$/);
const ROTATION_TAIL = [
  TOKEN_CREATE,
  tfc('verify', 'GET', /\/account\/details$/),
  tfc('rotations list', 'GET', /\/organizations\/acme\/team-tokens$/),
  tfc('previous revoke', 'DELETE', /\/authentication-tokens\/at-/),
];
const ROTATION = { mode: 'rotate', organization: 'acme', 'team-name': 'platform', 'keep-previous': '0' };
const DESCRIPTION = 'faults rotation';

/** Tokens of earlier rotations: their description is the base, the destination's mark, an instant and a nonce. */
const earlierRotation = (world: World, identity: string) =>
  world.mint(world.teamId, `${DESCRIPTION} ${markOf([identity])} 2026-01-01T00:00:00.000Z 0123456789abcdef`);
/** A rotation token described before destinations were marked: any destination may hold it, so it stays. */
const unmarkedRotation = (world: World) =>
  world.mint(world.teamId, `${DESCRIPTION} 2026-01-01T00:00:00.000Z 0123456789abcdef`);

/** Writes (POST or PATCH) under `path` that took effect at or after `since`. */
function actedWrites(world: World, path: RegExp, since: number): number[] {
  return world.emulator
    .requests()
    .filter((request) => request.at >= since && ['POST', 'PATCH'].includes(request.method))
    .filter((request) => path.test(request.path) && acted(request))
    .map((request) => request.at);
}

const ACTING_FAULTS = new Set(['reset-after', 'hang-after', 'status-after', 'truncate', 'non-json']);
function acted(request: RequestRecord): boolean {
  return request.fault ? ACTING_FAULTS.has(request.fault) : (request.status ?? 0) < 300;
}

function variableValue(world: World, owner: string): string | undefined {
  return world.emulator.variables().find((variable) => variable.owner === owner && variable.key === 'TFE_TOKEN')?.value;
}

const FLOWS: readonly Flow[] = [
  {
    name: 'scoped',
    async prepare({ world }) {
      const project = world.emulator.addProject('acme', 'Core Infra');
      world.emulator.addWorkspace('acme', 'app-prod', project);
      return {
        inputs: { organization: 'acme', workspaces: 'app-prod', projects: 'Core Infra' },
        earlier: [],
        doomed: [],
        untouched: [],
      };
    },
    requests: [
      tfc('workspace look-up', 'GET', /\/organizations\/acme\/workspaces\/app-prod$/),
      tfc('project look-up', 'GET', /\/organizations\/acme\/projects$/),
      tfc('team create', 'POST', /\/organizations\/acme\/teams$/),
      tfc('workspace grant', 'POST', /\/team-workspaces$/),
      tfc('project grant', 'POST', /\/team-projects$/),
      TOKEN_CREATE,
      tfc('post token delete', 'DELETE', /\/authentication-tokens\/at-/, 'post'),
      tfc('post team delete', 'DELETE', /\/teams\/team-/, 'post'),
    ],
  },
  {
    name: 'rotate into a workspace variable',
    async prepare({ world }) {
      const workspace = world.emulator.addWorkspace('acme', 'tfe-admin');
      const inputs = {
        ...ROTATION,
        description: DESCRIPTION,
        'variable-key': 'TFE_TOKEN',
        'variable-workspace': 'tfe-admin',
      };
      // An earlier rotation: the variable exists and holds the token this one must revoke.
      const first = await world.main(inputs);
      if (first.code !== 0) throw new Error(`the earlier rotation failed: ${first.stdout}`);
      return {
        inputs,
        earlier: [first],
        doomed: [first.outputs['token-id']!],
        untouched: [],
        destination: () => variableValue(world, workspace),
        destinationWrites: (since) => actedWrites(world, /\/workspaces\/[^/]+\/vars/, since),
      };
    },
    requests: [
      tfc('team look-up', 'GET', /\/organizations\/acme\/teams$/),
      tfc('workspace look-up', 'GET', /\/organizations\/acme\/workspaces\/tfe-admin$/),
      tfc('variables read', 'GET', /\/workspaces\/[^/]+\/vars$/),
      ...ROTATION_TAIL,
      { ...tfc('variable update', 'PATCH', /\/workspaces\/[^/]+\/vars\/var-/), write: true },
    ],
  },
  {
    name: 'rotate into a new variable-set variable',
    async prepare({ world }) {
      const set = world.emulator.addVariableSet('acme', 'admin credentials');
      return {
        inputs: {
          ...ROTATION,
          description: DESCRIPTION,
          'variable-key': 'TFE_TOKEN',
          'variable-set': 'admin credentials',
        },
        earlier: [],
        doomed: [await earlierRotation(world, variableIdentity(variableSetVariables(set), 'env', 'TFE_TOKEN'))],
        untouched: [await unmarkedRotation(world)],
        destination: () => variableValue(world, set),
        destinationWrites: (since) => actedWrites(world, /\/varsets\/[^/]+\/relationships\/vars/, since),
      };
    },
    requests: [
      tfc('variable set look-up', 'GET', /\/organizations\/acme\/varsets$/),
      tfc('variables read', 'GET', /\/varsets\/[^/]+\/relationships\/vars$/),
      ...ROTATION_TAIL,
      { ...tfc('variable create', 'POST', /\/varsets\/[^/]+\/relationships\/vars$/), write: true },
    ],
  },
  {
    name: 'rotate into a GitHub secret',
    async prepare({ world, github }) {
      const inputs = {
        ...ROTATION,
        description: DESCRIPTION,
        'secret-name': 'TFC_TOKEN',
        'github-token': github.token,
      };
      const env = { GITHUB_API_URL: github.url };
      const first = await world.main(inputs, { env });
      if (first.code !== 0) throw new Error(`the earlier rotation failed: ${first.stdout}`);
      const secret = () => github.secrets().get('repo:octo-org/infra')?.get('TFC_TOKEN');
      return {
        inputs,
        env,
        earlier: [first],
        doomed: [first.outputs['token-id']!],
        untouched: [],
        destination: secret,
        destinationWrites: (since) =>
          github
            .writes()
            .filter((write) => write.at >= since)
            .map((write) => write.at),
      };
    },
    requests: [
      { label: 'public key', host: 'github', method: 'GET', path: /\/actions\/secrets\/public-key$/, phase: 'main' },
      ...ROTATION_TAIL,
      {
        label: 'secret write',
        host: 'github',
        method: 'PUT',
        path: /\/actions\/secrets\/TFC_TOKEN$/,
        phase: 'main',
        write: true,
      },
    ],
  },
  sweepFlow('bulk sweep', {}, tfc('bulk delete', 'DELETE', /\/organizations\/acme\/team-tokens$/)),
  sweepFlow(
    'sweep, per-id fallback',
    { bulkTeamTokenDelete: 404 },
    tfc('per-id delete', 'DELETE', /\/authentication-tokens\/at-/),
  ),
];

const DAY = 86_400_000;

/** Two per-job tokens left behind two days ago, and one made by a person, which a sweep never touches. */
function sweepFlow(name: string, emulator: Partial<EmulatorOptions>, deletion: FlowRequest): Flow {
  return {
    name,
    emulator,
    async prepare({ world, travel }) {
      travel(-2 * DAY);
      const perJob = (n: number) => `gha-tfc-token octo-org/infra run-${n}-1 job-x 000000000000000${n}`;
      const doomed = [await world.mint(world.teamId, perJob(1)), await world.mint(world.teamId, perJob(2))];
      const untouched = [await world.mint(world.teamId, 'made by a person')];
      travel(0);
      return { inputs: { mode: 'sweep', organization: 'acme' }, earlier: [], doomed, untouched };
    },
    requests: [tfc('list', 'GET', /\/organizations\/acme\/team-tokens$/), deletion],
  };
}

interface Kind {
  readonly label: string;
  readonly tfc: () => import('../../../emulator/server.js').FaultKind;
  readonly github: 'reset-before' | 'reset-after' | 'status' | 'hang' | null;
  /** only on destination writes */
  readonly writesOnly?: true;
}

const KINDS: readonly Kind[] = [
  { label: 'reset before acting', tfc: () => ({ kind: 'reset-before' }), github: 'reset-before' },
  { label: 'reset after acting', tfc: () => ({ kind: 'reset-after' }), github: 'reset-after' },
  { label: '500', tfc: () => ({ kind: 'status', status: 500 }), github: 'status' },
  { label: 'hangs past request-timeout', tfc: () => ({ kind: 'hang' }), github: 'hang' },
  { label: 'hangs after acting', tfc: () => ({ kind: 'hang-after' }), github: null, writesOnly: true },
  { label: '504 after acting', tfc: () => ({ kind: 'status-after', status: 504 }), github: null, writesOnly: true },
];

export interface FlowCase {
  readonly name: string;
  readonly flow: Flow;
  readonly request: FlowRequest;
  readonly kind: Kind;
}

export const FLOW_CASES: readonly FlowCase[] = FLOWS.flatMap((flow) =>
  flow.requests.flatMap((request) =>
    KINDS.filter((kind) => (!kind.writesOnly || request.write) && (request.host === 'tfc' || kind.github)).map(
      (kind) => ({ name: `${flow.name}, ${request.label}: ${kind.label}`, flow, request, kind }),
    ),
  ),
);

/**
 * The cases `npm test` runs (about a third, to keep it quick; `npm run test:faults` runs them all): every fault on
 * each destination write, and one fault on every other request, the four kinds taken in turn. The token create,
 * verify, list and revoke that every rotation shares are taken from the workspace-variable rotation only.
 */
export const REPRESENTATIVE_FLOW_CASES: readonly FlowCase[] = (() => {
  const shared = new Set<FlowRequest>(ROTATION_TAIL);
  const requests = FLOWS.flatMap((flow) =>
    flow.requests
      .filter(
        (request) => !request.write && !(shared.has(request) && flow.name.startsWith('rotate') && flow !== FLOWS[1]),
      )
      .map((request) => ({ flow, request })),
  );
  const pick = (fault: FlowCase) =>
    requests.findIndex(({ flow, request }) => flow === fault.flow && request === fault.request);
  return FLOW_CASES.filter((fault) => {
    if (fault.request.write) return true;
    const index = pick(fault);
    return index >= 0 && KINDS[index % 4] === fault.kind;
  });
})();

export interface FlowObserved {
  readonly main: StepResult;
  readonly post: StepResult;
  readonly earlier: readonly StepResult[];
  readonly faultFired: boolean;
  readonly prepared: Prepared;
  /** live token ids and secrets, and temporary teams, after main and after post */
  readonly afterMain: Snapshot;
  readonly afterPost: Snapshot;
  /** the destination's value after each step */
  readonly heldAfterMain: string | undefined;
  readonly heldAfterPost: string | undefined;
  /** when each doomed token was revoked (epoch ms), and when the destination took a write in the faulted step */
  readonly revokedAt: number[];
  readonly writtenAt: number[];
  readonly secrets: readonly string[];
}

interface Snapshot {
  readonly tokens: ReadonlyArray<{ readonly id: string; readonly secret: string; readonly teamId: string | null }>;
  readonly teams: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

export async function runFlowCase(fault: FlowCase): Promise<FlowObserved> {
  let offset = 0;
  const world = await startWorld({ now: () => Date.now() + offset, ...fault.flow.emulator });
  const github = await startFakeGitHub();
  try {
    const prepared = await fault.flow.prepare({ world, github, travel: (ms) => (offset = ms) });
    const inputs = { ...prepared.inputs, 'request-timeout': '1' };
    const extra = { env: { ...prepared.env } };
    const since = Date.now();
    if (fault.request.phase === 'main') inject(world, github, fault);
    const main = await world.main(inputs, extra);
    const afterMain = snapshot(world);
    const heldAfterMain = prepared.destination?.();
    if (fault.request.phase === 'post') inject(world, github, fault);
    const post = await world.post(main, inputs, extra);
    return {
      main,
      post,
      earlier: prepared.earlier,
      faultFired: faultFired(world, github, fault, since),
      prepared,
      afterMain,
      afterPost: snapshot(world),
      heldAfterMain,
      heldAfterPost: prepared.destination?.(),
      revokedAt: revocations(world, prepared.doomed),
      writtenAt: prepared.destinationWrites?.(since) ?? [],
      secrets: [world.credential, github.token, ...world.emulator.mintedSecrets()],
    };
  } finally {
    await Promise.all([world.emulator.close(), github.close()]);
  }
}

function inject(world: World, github: FakeGitHub, fault: FlowCase): void {
  const { request, kind } = fault;
  if (request.host === 'github') {
    const githubKind = kind.github as NonNullable<Kind['github']>;
    github.inject({ method: request.method, path: request.path, kind: githubKind, status: 500 });
  } else world.emulator.inject({ method: request.method, path: request.path, fault: kind.tfc() });
}

function faultFired(world: World, github: FakeGitHub, fault: FlowCase, since: number): boolean {
  if (fault.request.host === 'github') {
    const wanted = `${fault.request.method} `;
    return github
      .requests()
      .some((line) => line.startsWith(wanted) && fault.request.path.test(line.slice(wanted.length)));
  }
  return world.emulator.requests().some((request) => request.at >= since && request.fault !== null);
}

function snapshot(world: World): Snapshot {
  return {
    tokens: world.emulator.tokens().map(({ id, secret, teamId }) => ({ id, secret, teamId })),
    teams: world.emulator.teams('acme').filter((team) => team.name.startsWith('gha-tfc-scoped-')),
  };
}

/** When each doomed token's DELETE took effect (a reset after acting counts: the server deleted it). */
function revocations(world: World, doomed: readonly string[]): number[] {
  return world.emulator
    .requests()
    .filter((request) => request.method === 'DELETE' && acted(request))
    .filter((request) => doomed.some((id) => request.path.endsWith(`/authentication-tokens/${id}`)))
    .map((request) => request.at);
}

/**
 * The invariants every case keeps, asserted with `expect` (the package, not jest's globals, so `npm run test:faults`
 * runs them outside jest too). Each check names what it checks, as the key of the object it compares.
 */
export function expectFlowVerdict(fault: FlowCase, observed: FlowObserved): void {
  expect({ 'the fault fired': observed.faultFired }).toEqual({ 'the fault fired': true });
  expectStepsSucceed(observed);
  expectExactlyOne(fault, observed);
  expectNothingLeftUnnamed(observed);
  expectDestinationHoldsLiveToken(observed);
  expectRevokedOnlyAfterWrite(observed);
  expectNoSecretPrinted(observed);
  expectAtMostOneErrorLine(observed);
}

/** A single transient fault does not fail the step. */
function expectStepsSucceed({ main, post }: FlowObserved): void {
  expect({ 'main exit code': main.code, errors: errorsOf(main) }).toMatchObject({ 'main exit code': 0 });
  expect({ 'post exit code': post.code, errors: errorsOf(post) }).toMatchObject({ 'post exit code': 0 });
}

/** One token, one temporary team, one destination value: the new token's. */
function expectExactlyOne(fault: FlowCase, { main, afterMain, heldAfterMain, prepared }: FlowObserved): void {
  if (main.code !== 0) return; // expectStepsSucceed has failed the case already
  const newId = main.outputs['token-id'];
  const ids = (tokens: readonly { readonly id: string }[]) => tokens.map((token) => token.id);
  const minted = afterMain.tokens.filter((token) => ![...prepared.doomed, ...prepared.untouched].includes(token.id));
  if (fault.flow.name.includes('sweep')) {
    const doomedLeft = afterMain.tokens.filter((token) => prepared.doomed.includes(token.id));
    expect({ 'the sweep left': ids(doomedLeft) }).toEqual({ 'the sweep left': [] });
  } else {
    expect({ 'tokens minted': ids(minted) }).toEqual({ 'tokens minted': [newId] });
  }
  if (fault.flow.name === 'scoped')
    expect({ 'temporary teams after main': afterMain.teams.length }).toEqual({ 'temporary teams after main': 1 });
  const untouchedGone = prepared.untouched.filter((id) => !afterMain.tokens.some((token) => token.id === id));
  expect({ 'untouchable tokens deleted': untouchedGone }).toEqual({ 'untouchable tokens deleted': [] });
  if (prepared.destination)
    expect({ 'the destination holds the new token': heldAfterMain === main.outputs['token'] }).toEqual({
      'the destination holds the new token': true,
    });
}

/** After post, every token or temporary team beyond what the flow keeps is named in a warning or error. */
function expectNothingLeftUnnamed({ main, post, afterPost, prepared }: FlowObserved): void {
  const named = [...warningsOf(main), ...warningsOf(post), ...errorsOf(main), ...errorsOf(post)].join('\n');
  const kept = new Set([...prepared.untouched, ...(prepared.destination ? [main.outputs['token-id']] : [])]);
  const tokens = afterPost.tokens.filter((token) => !kept.has(token.id) && !prepared.doomed.includes(token.id));
  const doomedLeft = afterPost.tokens.filter((token) => prepared.doomed.includes(token.id) && main.code === 0);
  const unnamedTokens = [...tokens, ...doomedLeft].filter((token) => !named.includes(token.id));
  const unnamedTeams = afterPost.teams.filter((team) => !named.includes(team.name) && !named.includes(team.id));
  expect({ 'tokens left unnamed': unnamedTokens.map((token) => token.id) }).toEqual({ 'tokens left unnamed': [] });
  expect({ 'temporary teams left unnamed': unnamedTeams.map((team) => team.name) }).toEqual({
    'temporary teams left unnamed': [],
  });
}

/** The destination holds a token that still works, after main and after post. */
function expectDestinationHoldsLiveToken(observed: FlowObserved): void {
  const { prepared, afterMain, afterPost, heldAfterMain, heldAfterPost } = observed;
  if (!prepared.destination) return;
  const live = (snapshot: Snapshot, held: string | undefined) =>
    held === undefined || snapshot.tokens.some((token) => token.secret === held);
  expect({ 'after main the destination holds a live token': live(afterMain, heldAfterMain) }).toEqual({
    'after main the destination holds a live token': true,
  });
  expect({ 'after post the destination holds a live token': live(afterPost, heldAfterPost) }).toEqual({
    'after post the destination holds a live token': true,
  });
}

/** A previous token is revoked only once the destination holds the new one. */
function expectRevokedOnlyAfterWrite({ prepared, revokedAt, writtenAt }: FlowObserved): void {
  if (!prepared.destination || revokedAt.length === 0) return;
  const firstWrite = Math.min(...writtenAt);
  expect({ 'revoked before the destination was written': revokedAt.filter((at) => at < firstWrite) }).toEqual({
    'revoked before the destination was written': [],
  });
}

function expectNoSecretPrinted({ main, post, earlier, secrets }: FlowObserved): void {
  const leaks = [main, post, ...earlier].flatMap((step) => findLeaks(step, secrets));
  expect({ 'secret leaks in': leaks.map((leak) => leak.where) }).toEqual({ 'secret leaks in': [] });
}

/** A step ends with at most one error line: exactly one when it fails, none when it succeeds. */
function expectAtMostOneErrorLine({ main, post }: FlowObserved): void {
  for (const [name, step] of [
    ['main', main],
    ['post', post],
  ] as const) {
    expect({ [`${name} error lines`]: errorsOf(step).length }).toEqual({
      [`${name} error lines`]: step.code === 0 ? 0 : 1,
    });
  }
}
