import { request } from 'node:https';
import { Emulator, type TokenRecord } from './server.js';
import { runStep, type StepResult } from '../__tests__/support/steps/runner.js';
import { makeTestTls, type TestTls } from './tls.js';

/**
 * The lifecycle `npm run demo` shows (emulator/demo.ts prints it; __tests__/scenarios/demo.test.ts checks it): the
 * main and post steps run as a runner runs them, against the emulator over HTTPS on loopback, then a summary of what
 * the emulator saw minted, revoked and left. The steps run the committed bundle (dist/, what a workflow runs; CI checks
 * that it is the build of the source), so the demo needs only `tsc` for itself: a fresh clone shows it in seconds.
 */
export interface DemoResult {
  /** Every step exited 0, the scoped token was refused after its post step, and nothing was left. */
  readonly ok: boolean;
  readonly summary: DemoSummary;
}

export interface DemoSummary {
  readonly minted: number;
  readonly revoked: string[];
  readonly teamsCreated: number;
  readonly teamsDeleted: string[];
  readonly tokensLeft: string[];
  readonly teamsLeft: string[];
}

type Say = (line: string) => void;

const SEEDED_TEAMS = ['owners', 'platform'];

const OPENING = [
  'This demo starts an emulator of the HCP Terraform API over HTTPS on this machine (a throwaway CA, organization',
  '"acme" with team "platform", an owner credential) and runs the action\'s main and post steps against it as a',
  'GitHub runner would: inputs in INPUT_* variables, outputs and state in files, the bundle in dist/ that a',
  'workflow runs.',
  '  Part 1, a token for one job: the main step mints a team token for "platform" that expires in an hour; the post',
  '  step, which runs when the job ends, deletes it.',
  '  Part 2, a scoped token: the main step creates a temporary secret team with plan access to workspace "app-prod"',
  '  only and mints its token; the demo shows that token reading "app-prod" (200) and not "billing" (404); the post',
  '  step deletes token and team, after which the token is refused (401).',
  'Both parts set export-env: false, since the emulator listens on a port and Terraform CLI cannot name a host with',
  'a port in TF_TOKEN_<host>. Lines marked "|" are what the step printed. The end is a summary of what the emulator',
  'saw minted, revoked and left.',
];

export async function runDemo(say: Say): Promise<DemoResult> {
  const tls = await makeTestTls();
  const emulator = await Emulator.start({ tls });
  try {
    return await lifecycle(new Demo(emulator, tls, say));
  } finally {
    await emulator.close();
  }
}

async function lifecycle(demo: Demo): Promise<DemoResult> {
  for (const line of OPENING) demo.say(line);
  const teamOk = await demo.teamTokenPart();
  const scopedOk = await demo.scopedTokenPart();
  const summary = demo.summary();
  demo.showSummary(summary);
  const nothingLeft = summary.tokensLeft.length === 0 && summary.teamsLeft.length === 0;
  return { ok: teamOk && scopedOk && nothingLeft, summary };
}

class Demo {
  readonly #credential: string;
  readonly #mintedIds = new Set<string>();

  constructor(
    private readonly emulator: Emulator,
    private readonly tls: TestTls,
    readonly say: Say,
  ) {
    emulator.addOrganization('acme');
    emulator.addTeam('acme', 'platform');
    this.#credential = emulator.addCredential({ organization: 'acme', role: 'owner' });
  }

  async teamTokenPart(): Promise<boolean> {
    const inputs = this.#inputs({ 'team-name': 'platform', expiry: '1h' });
    this.heading(`Part 1: a team token for one job (emulator at ${this.emulator.baseUrl})`);
    this.#showTokens('Tokens before the job');
    this.heading('Main step (team-name: platform, expiry: 1h)');
    const main = await this.#step('main', inputs);
    this.say('\nOutputs:');
    for (const [name, value] of Object.entries(main.outputs)) {
      this.say(`  ${name}: ${name === 'token' ? `*** (masked; ${value.length} characters)` : value}`);
    }
    this.#showTokens('Tokens while the job runs');
    this.heading('Post step (runs when the job ends)');
    const post = await this.#step('post', inputs, main.state);
    this.#showTokens('Tokens after the job');
    this.#showRequests(0);
    return main.code === 0 && post.code === 0;
  }

  async scopedTokenPart(): Promise<boolean> {
    const app = this.emulator.addWorkspace('acme', 'app-prod', this.emulator.addProject('acme', 'Core'));
    const billing = this.emulator.addWorkspace('acme', 'billing');
    const inputs = this.#inputs({ workspaces: 'app-prod', 'workspace-access': 'plan' });
    const firstRequest = this.emulator.requests().length;
    this.heading('Part 2: a scoped token. Main step (workspaces: app-prod, workspace-access: plan)');
    const main = await this.#step('main', inputs);
    this.say(`\nTemporary team: ${main.outputs['team-name']} (${main.outputs['team-id']})`);
    const token = main.outputs['token'] ?? '';
    this.say(`  GET /workspaces/${app} (app-prod, listed)    -> ${await this.#status(`/workspaces/${app}`, token)}`);
    this.say(
      `  GET /workspaces/${billing} (billing, not listed) -> ${await this.#status(`/workspaces/${billing}`, token)}`,
    );
    this.heading('Scoped post step');
    const post = await this.#step('post', inputs, main.state);
    const after = await this.#status('/account/details', token);
    this.say(`\nThe token after the post step: GET /account/details -> ${after}`);
    this.#showRequests(firstRequest);
    return main.code === 0 && post.code === 0 && after === 401;
  }

  /** Counted from the emulator's own records: its minted secrets, its request log and what it still holds. */
  summary(): DemoSummary {
    const succeeded = this.emulator.requests().filter((entry) => entry.status !== null && entry.status < 300);
    const deleted = (pattern: RegExp): string[] =>
      succeeded.flatMap((entry) => (entry.method === 'DELETE' ? (pattern.exec(entry.path)?.slice(1, 2) ?? []) : []));
    const teamsCreated = succeeded.filter(
      (entry) => entry.method === 'POST' && /\/organizations\/[^/]+\/teams$/.test(entry.path),
    );
    return {
      minted: this.emulator.mintedSecrets().length,
      revoked: deleted(/^\/api\/v2\/authentication-tokens\/([^/]+)$/),
      teamsCreated: teamsCreated.length,
      teamsDeleted: deleted(/^\/api\/v2\/teams\/([^/]+)$/),
      tokensLeft: this.emulator.tokens().map((token) => token.id),
      teamsLeft: this.emulator
        .teams('acme')
        .filter((team) => !SEEDED_TEAMS.includes(team.name))
        .map((team) => `${team.name} (${team.id})`),
    };
  }

  showSummary(summary: DemoSummary): void {
    this.heading("Summary (from the emulator's records)");
    this.say(
      `Minted:  ${count(summary.minted, 'token')} (${[...this.#mintedIds].join(', ')}), ` +
        `${count(summary.teamsCreated, 'temporary team')}`,
    );
    this.say(
      `Revoked: ${count(summary.revoked.length, 'token')} (${summary.revoked.join(', ')}); deleted ` +
        `${count(summary.teamsDeleted.length, 'temporary team')} (${summary.teamsDeleted.join(', ')})`,
    );
    const left = [...summary.tokensLeft, ...summary.teamsLeft];
    this.say(`Left:    ${left.length === 0 ? 'nothing' : left.join(', ')}`);
  }

  heading(text: string): void {
    this.say(`\n=== ${text}`);
  }

  #inputs(mode: Record<string, string>): Record<string, string> {
    const base = { 'api-token': this.#credential, hostname: this.emulator.hostname, organization: 'acme' };
    return { ...base, 'export-env': 'false', ...mode };
  }

  async #step(entry: 'main' | 'post', inputs: Record<string, string>, state?: Record<string, string>) {
    const options = { inputs, caCertPath: this.tls.caCertPath, debug: false };
    const step = await runStep(entry, state ? { ...options, state } : options);
    this.#showStep(step);
    for (const token of this.emulator.tokens()) this.#mintedIds.add(token.id);
    return step;
  }

  #showStep(step: StepResult): void {
    // The runner hides ::add-mask:: commands and replaces masked values with ***; the demo drops the commands.
    const shown = step.stdout.split('\n').filter((line) => line && !line.startsWith('::add-mask::'));
    for (const line of shown) this.say(`  | ${line}`);
    this.say(`  (exit code ${step.code})`);
  }

  #showTokens(title: string): void {
    const tokens = this.emulator.tokens();
    this.say(`\n${title}: ${tokens.length}`);
    for (const token of tokens) this.say(`  ${describe(token)}`);
  }

  #showRequests(from: number): void {
    this.heading('Requests the emulator received');
    for (const entry of this.emulator.requests().slice(from)) {
      this.say(`  ${entry.method} ${entry.path} -> ${entry.status}`);
    }
  }

  #status(path: string, bearer: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const headers = { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/vnd.api+json' };
      const options = { method: 'GET', headers, ca: this.tls.caCert, agent: false };
      const call = request(`${this.emulator.baseUrl}/api/v2${path}`, options, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      call.on('error', reject);
      call.end();
    });
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describe(token: TokenRecord): string {
  const team = `team=${token.teamId ?? '-'}`;
  return `${token.id}  ${token.kind}  ${team}  expires=${token.expiredAt ?? 'never'}  "${token.description ?? ''}"`;
}
