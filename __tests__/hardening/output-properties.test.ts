import { expect, test } from '@jest/globals';
import type { FaultKind } from '../../emulator/server.js';
import { secretForms } from '../support/assertions/hygiene.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fakes/github-fake.js';
import type { StepResult } from '../support/steps/runner.js';
import { startWorld, type World } from '../support/steps/world.js';

/**
 * Issue 23, items 1 and 2, as properties of everything the bundled action prints, in every mode: server text (error
 * titles and details, names, descriptions, dates) and echoed inputs carry both workflow-command forms and the step's
 * secrets (the api-token, the github-token, a token minted in the step) in several encodings, at offsets on both
 * sides of where a line used to be cut (300 characters into an error, 200 into a GitHub message, 80 into an echoed
 * input) and of where the printer cuts a line now (MAX_LINE, head and tail). Then, whatever the step did:
 * - no line of stdout or stderr carries `##[` (the action itself never prints one);
 * - every line that starts with `::` is a command the action means, never an injected one;
 * - no run of 8 or more characters of any secret, in any form, is in stdout, stderr, the summary or the state
 *   (beyond the `::add-mask::` lines themselves).
 */

const RUN = 8;
/** Where the planted secrets start within each error detail, name or description: one set per case, in turn. */
const OFFSETS: ReadonlyArray<readonly number[]> = [
  [0, 250, 290, 296, 1460],
  [60, 200, 280, 299, 1490],
  [150, 195, 300, 1400, 1520],
  [40, 230, 270, 1560, 2100],
];
const COMMANDS = '\n::stop-commands::pwned\r\n::set-output name=token::x ##[stop-commands]zz ##[add-mask]y';

/** Padding, then each secret raw, URL-encoded and as the base64 of its Authorization header, then both commands. */
function planted(offset: number, secrets: readonly string[]): string {
  const forms = secrets.flatMap((secret) => [
    secret,
    encodeURIComponent(secret),
    Buffer.from(`Bearer ${secret}`).toString('base64'),
  ]);
  return `${'.'.repeat(offset)}${forms.join(' ')}${COMMANDS}`;
}

/** One text without spaces (it must pass for a date, a word of a description): commands and the secret at `at`. */
function word(at: number, secret: string): string {
  return `##[stop-commands]zz${'-'.repeat(at)}${secret}##[set-output]q`;
}

/** A JSON:API error answer: five errors (the most the client reads), each with its secrets at its own offset. */
function errorAnswer(status: number, offsets: readonly number[], secrets: () => string[]): FaultKind {
  const body = () =>
    JSON.stringify({
      errors: offsets.map((offset, index) => ({
        status: String(status),
        title: `::error::forged ##[stop-commands]t${index}`,
        detail: planted(offset, secrets()),
      })),
    });
  return { kind: 'status', status, body };
}

interface Scene {
  readonly world: World;
  readonly github: FakeGitHub;
  readonly offsets: readonly number[];
  /** Every secret the action knows: the credential and each token it minted so far. */
  readonly secrets: () => string[];
  /** A token made by hand for the scene: its secret is one the action never sees, so it is not planted. */
  readonly mint: (description: string) => Promise<string>;
  readonly main: (inputs: Record<string, string>) => Promise<StepResult>;
  readonly post: (main: StepResult, inputs: Record<string, string>) => Promise<StepResult>;
}

type Case = readonly [string, (scene: Scene) => Promise<StepResult[]>];

const TOKEN_CREATE = /\/teams\/team-[A-Za-z0-9]+\/authentication-tokens$/;
const ORGANIZATION_TOKEN = /\/organizations\/acme\/authentication-token$/;

async function job(scene: Scene, inputs: Record<string, string>): Promise<StepResult[]> {
  const main = await scene.main(inputs);
  return [main, await scene.post(main, inputs)];
}

function rewriteToken(scene: Scene, path: RegExp, method: string, offset: number): void {
  const { world } = scene;
  scene.world.emulator.inject({
    method,
    path,
    fault: {
      kind: 'rewrite',
      rewrite: (body) => {
        const attributes = body.data.attributes;
        attributes.description = planted(offset, [world.credential]);
        attributes['created-at'] = word(offset % 40, world.credential);
        attributes['expired-at'] = word((offset + 7) % 40, world.credential);
        return { body };
      },
    },
  });
}

const rotation = (scene: Scene) => ({
  mode: 'rotate',
  organization: 'acme',
  'team-name': 'platform',
  'secret-name': 'TFC_TOKEN',
  'github-token': scene.github.token,
  'keep-previous': '0',
});

const CASES: readonly Case[] = [
  [
    'create team: the create refused',
    async (scene) => {
      scene.world.emulator.inject({
        method: 'POST',
        path: TOKEN_CREATE,
        fault: errorAnswer(400, scene.offsets, scene.secrets),
      });
      return job(scene, { 'team-id': scene.world.teamId });
    },
  ],
  [
    'create team: description and dates in the create answer',
    async (scene) => {
      rewriteToken(scene, TOKEN_CREATE, 'POST', scene.offsets[1]!);
      return job(scene, { 'team-name': 'platform', organization: 'acme' });
    },
  ],
  [
    // The post step never holds the token the main step minted (the state must not), so only the credential is
    // planted here; the runner's masks from the main step still cover the token's raw form in the log.
    'post: the delete refused',
    async (scene) => {
      const main = await scene.main({ 'team-id': scene.world.teamId });
      const path = /\/authentication-tokens\/at-/;
      const fault = errorAnswer(400, scene.offsets, () => [scene.world.credential]);
      scene.world.emulator.inject({ method: 'DELETE', path, fault, times: 3 });
      return [main, await scene.post(main, { 'team-id': scene.world.teamId })];
    },
  ],
  [
    'create organization token: the create refused',
    async (scene) => {
      scene.world.emulator.inject({
        method: 'POST',
        path: ORGANIZATION_TOKEN,
        fault: errorAnswer(400, scene.offsets, scene.secrets),
      });
      return job(scene, { 'token-type': 'organization', organization: 'acme' });
    },
  ],
  [
    'create organization token: dates in the create answer',
    async (scene) => {
      rewriteToken(scene, ORGANIZATION_TOKEN, 'POST', scene.offsets[2]!);
      return job(scene, { 'token-type': 'organization', organization: 'acme' });
    },
  ],
  [
    'post of an organization token: its read refused',
    async (scene) => {
      const inputs = { 'token-type': 'organization', organization: 'acme' };
      const main = await scene.main(inputs);
      const fault = errorAnswer(403, scene.offsets, () => [scene.world.credential]);
      scene.world.emulator.inject({ path: ORGANIZATION_TOKEN, fault, times: 3 });
      return [main, await scene.post(main, inputs)];
    },
  ],
  [
    'create agent token: the create refused',
    async (scene) => {
      const pool = scene.world.emulator.addAgentPool('acme', 'ci-agents');
      const path = /\/agent-pools\/[^/]+\/authentication-tokens$/;
      scene.world.emulator.inject({ method: 'POST', path, fault: errorAnswer(422, scene.offsets, scene.secrets) });
      return job(scene, { 'token-type': 'agent', 'agent-pool-id': pool });
    },
  ],
  [
    'create audit-trail token: the create refused',
    async (scene) => {
      scene.world.emulator.inject({
        method: 'POST',
        path: ORGANIZATION_TOKEN,
        fault: errorAnswer(400, scene.offsets, scene.secrets),
      });
      return job(scene, { 'token-type': 'audit-trail', organization: 'acme' });
    },
  ],
  [
    'scoped: workspace and project names in the answers',
    async (scene) => {
      const { emulator } = scene.world;
      const project = emulator.addProject('acme', 'core');
      const workspace = emulator.addWorkspace('acme', 'app-prod', project);
      const name = (offset: number): FaultKind => ({
        kind: 'rewrite',
        rewrite: (body) => {
          body.data.attributes.name = planted(offset, [scene.world.credential]);
          return { body };
        },
      });
      emulator.inject({ method: 'GET', path: new RegExp(`/workspaces/${workspace}$`), fault: name(scene.offsets[0]!) });
      emulator.inject({ method: 'GET', path: new RegExp(`/projects/${project}$`), fault: name(scene.offsets[3]!) });
      return job(scene, { organization: 'acme', workspaces: workspace, projects: project });
    },
  ],
  [
    'scoped: the team create refused',
    async (scene) => {
      const { emulator } = scene.world;
      emulator.addWorkspace('acme', 'app-prod');
      const path = /\/organizations\/acme\/teams$/;
      emulator.inject({ method: 'POST', path, fault: errorAnswer(400, scene.offsets, scene.secrets) });
      return job(scene, { organization: 'acme', workspaces: 'app-prod' });
    },
  ],
  [
    'delete: the delete refused',
    async (scene) => {
      const id = await scene.mint('kept by hand');
      scene.world.emulator.inject({
        path: /\/authentication-tokens\/at-/,
        fault: errorAnswer(400, scene.offsets, scene.secrets),
        times: 3,
      });
      return job(scene, { mode: 'delete', 'token-id': id });
    },
  ],
  [
    'rotate: GitHub refuses the write (its message echoes the github-token) and deprecates the endpoint',
    async (scene) => {
      const { github } = scene;
      github.addHeaders({
        deprecation: 'true',
        sunset: `##[stop-commands]zz ${github.token}`,
        link: `<https://x.test/##[stop-commands]y/${github.token}>; rel="deprecation"`,
      });
      const message = scene.offsets.map((offset) => planted(offset, [github.token, scene.world.credential])).join(' ');
      github.inject({ method: 'PUT', path: /\/actions\/secrets\/TFC_TOKEN$/, kind: 'status', status: 422, message });
      return job(scene, rotation(scene));
    },
  ],
  [
    'rotate: the verify of the new token refused, echoing it',
    async (scene) => {
      const path = /\/account\/details$/;
      // skip: 1 passes the first look at the credential, so the refusal answers the verify of the token just made.
      const fault = errorAnswer(400, scene.offsets, scene.secrets);
      scene.world.emulator.inject({ method: 'GET', path, fault, skip: 1 });
      const steps = await job(scene, rotation(scene));
      expect(scene.world.emulator.mintedSecrets()).toHaveLength(1); // the refusal echoed a token made by this step
      return steps;
    },
  ],
  [
    'list: names, descriptions and dates in every answer',
    async (scene) => {
      const { world } = scene;
      await scene.mint('one');
      await scene.mint('two');
      world.emulator.inject({
        method: 'GET',
        path: /\/team-tokens$/,
        fault: {
          kind: 'rewrite',
          rewrite: (body) => {
            for (const [index, token] of body.data.entries()) {
              const offset = scene.offsets[index % scene.offsets.length]!;
              token.attributes.description = planted(offset, [world.credential]);
              token.attributes['created-at'] = word(index, world.credential);
              token.attributes['expired-at'] = word(index + 3, world.credential);
              token.attributes['last-used-at'] = word(index + 5, world.credential);
            }
            return { body };
          },
        },
      });
      world.emulator.inject({
        method: 'GET',
        path: /\/organizations\/acme\/teams$/,
        fault: {
          kind: 'rewrite',
          rewrite: (body) => {
            for (const team of body.data) team.attributes.name = planted(scene.offsets[3]!, [world.credential]);
            return { body };
          },
        },
      });
      return [await scene.main({ mode: 'list', organization: 'acme' })];
    },
  ],
  [
    'list: the token list refused',
    async (scene) => {
      scene.world.emulator.inject({
        method: 'GET',
        path: /\/team-tokens$/,
        fault: errorAnswer(400, scene.offsets, scene.secrets),
      });
      return [await scene.main({ mode: 'list', organization: 'acme' })];
    },
  ],
  [
    'sweep dry run: per-job-shaped descriptions and dates that carry commands and the credential',
    async (scene) => {
      const { world } = scene;
      await scene.mint('gha-tfc-token octo-org/infra run-1-1 job-x fedcba9876543210');
      world.emulator.inject({
        method: 'GET',
        path: /\/team-tokens$/,
        fault: {
          kind: 'rewrite',
          rewrite: (body) => {
            for (const token of body.data) {
              const at = scene.offsets[1]! % 50;
              token.attributes.description =
                `gha-tfc-token ${word(at, world.credential)} run-1-1 job-${word(at + 3, world.credential)} ` +
                'fedcba9876543210';
              token.attributes['created-at'] = word(at, world.credential);
              token.attributes['expired-at'] = '2020-01-02T00:00:00Z';
            }
            return { body };
          },
        },
      });
      return [await scene.main({ mode: 'sweep', organization: 'acme', 'dry-run': 'true' })];
    },
  ],
  [
    'sweep: the deletes refused',
    async (scene) => {
      const { world } = scene;
      await scene.mint('gha-tfc-token octo-org/infra run-1-1 job-x fedcba9876543210');
      // Expired as the list tells it, so the sweep takes it.
      world.emulator.inject({
        method: 'GET',
        path: /\/team-tokens$/,
        fault: {
          kind: 'rewrite',
          rewrite: (body) => {
            for (const token of body.data) token.attributes['expired-at'] = '2020-01-02T00:00:00Z';
            return { body };
          },
        },
      });
      const fault = errorAnswer(400, scene.offsets, scene.secrets);
      world.emulator.inject({ method: 'DELETE', fault, times: 4 });
      return [await scene.main({ mode: 'sweep', organization: 'acme' })];
    },
  ],
  [
    'bad input: the value echoed back holds commands and the credential',
    async (scene) => {
      const hostname = `${'h'.repeat(scene.offsets[1]! % 75)}${scene.world.credential}##[stop-commands]zz`;
      return [await scene.main({ 'team-id': scene.world.teamId, hostname })];
    },
  ],
];

test.concurrent.each(CASES.map(([name, run], index) => [name, run, index] as const))(
  '%s: no command from outside, no fragment of a secret',
  async (_name, run, index) => {
    const world = await startWorld({ rateLimit: 0 });
    const github = await startFakeGitHub();
    try {
      const env = { GITHUB_API_URL: github.url, GITHUB_WORKFLOW: 'nightly rotation' };
      const handMade = new Set<string>();
      const scene: Scene = {
        world,
        github,
        offsets: OFFSETS[index % OFFSETS.length]!,
        secrets: () => [world.credential, ...world.emulator.mintedSecrets().filter((secret) => !handMade.has(secret))],
        mint: async (description) => {
          const id = await world.mint(world.teamId, description);
          for (const secret of world.emulator.mintedSecrets()) handMade.add(secret);
          return id;
        },
        main: (inputs) => world.main(inputs, { env }),
        post: (main, inputs) => world.post(main, inputs, { env }),
      };
      const steps = await run(scene);
      const secrets = [github.token, ...scene.secrets()];
      for (const step of steps) expect(violations(step, secrets)).toEqual([]);
      // Not true by silence: the planted text was printed (defused) and a planted secret was scrubbed; or, where only
      // dates were planted, the dates were read and refused (a value that is not a date is never printed).
      const printed = steps.map((step) => step.stdout + step.files.summary).join('\n');
      const dateRefused = 'is not a date; it counts as missing';
      expect(printed).toMatch(new RegExp(`##\\\\\\[|##&#92;&#91;|${dateRefused}`));
      expect(printed).toMatch(new RegExp(`\\*\\*\\*|&#42;&#42;&#42;|${dateRefused}`));
    } finally {
      await Promise.all([world.emulator.close(), github.close()]);
    }
  },
  60_000,
);

/** The commands this action prints itself. */
const OWN_COMMANDS = new Set(['add-mask', 'error', 'warning', 'notice', 'debug']);

function violations(step: StepResult, secrets: readonly string[]): string[] {
  const found: string[] = [];
  const printed = { stdout: step.stdout, stderr: step.stderr };
  for (const [where, text] of Object.entries(printed)) {
    for (const line of text.split('\n')) {
      if (line.includes('##[')) found.push(`${where} carries ##[: ${line.slice(0, 160)}`);
      const command = /^\s*::([^\s:]*)/.exec(line)?.[1];
      if (command !== undefined && !OWN_COMMANDS.has(command)) found.push(`${where} starts a command: ${line}`);
    }
  }
  const places = {
    stdout: step.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    stderr: step.stderr,
    summary: step.files.summary,
    state: step.files.state,
  };
  for (const secret of secrets) {
    const runs = new Set(secretForms(secret).flatMap(runsOf));
    for (const [where, text] of Object.entries(places)) {
      const leaked = [...runs].find((run) => text.includes(run));
      if (leaked) found.push(`${where} holds "${leaked}" of a secret`);
    }
  }
  return found;
}

/** Every run of RUN characters of a text. */
function runsOf(text: string): string[] {
  return Array.from({ length: Math.max(text.length - RUN + 1, 0) }, (_, start) => text.slice(start, start + RUN));
}
