import { request } from 'node:https';
import { Emulator, type TokenRecord } from './server.js';
import { runStep, type StepResult } from '../__tests__/support/runner.js';
import { makeTestTls } from './tls.js';

/**
 * `npm run demo`: the whole lifecycle without an HCP Terraform account. Starts the emulator over HTTPS on
 * loopback and runs the bundled main and post steps against it exactly as a runner would.
 */
const tls = await makeTestTls();
const emulator = await Emulator.start({ tls });
emulator.addOrganization('acme');
const teamId = emulator.addTeam('acme', 'platform');
const credential = emulator.addCredential({ organization: 'acme', role: 'owner' });
const inputs = {
  'api-token': credential,
  hostname: emulator.hostname,
  organization: 'acme',
  'team-name': 'platform',
  expiry: '1h',
};

try {
  heading(`Emulator at ${emulator.baseUrl}: organization "acme", team "platform" (${teamId})`);
  showTokens('Tokens before the job');

  heading('Main step (uses: ./ with team-name: platform, expiry: 1h)');
  const main = await runStep('main', { inputs, caCertPath: tls.caCertPath, debug: false });
  showStep(main);
  console.log('\nOutputs:');
  for (const [name, value] of Object.entries(main.outputs)) {
    console.log(`  ${name}: ${name === 'token' ? `*** (masked; ${value.length} characters)` : value}`);
  }
  showTokens('Tokens while the job runs');

  heading('Post step (runs when the job ends)');
  const post = await runStep('post', { inputs, state: main.state, caCertPath: tls.caCertPath, debug: false });
  showStep(post);
  showTokens('Tokens after the job');

  heading('Requests the emulator received');
  for (const request of emulator.requests()) console.log(`  ${request.method} ${request.path} -> ${request.status}`);
  const scoped = await scopedRun();
  process.exitCode = main.code === 0 && post.code === 0 && scoped && emulator.tokens().length === 0 ? 0 : 1;
} finally {
  await emulator.close();
}

/** Scoped mode: a temporary team with plan on one workspace only, and what its token can and cannot do. */
async function scopedRun(): Promise<boolean> {
  const project = emulator.addProject('acme', 'Core');
  const app = emulator.addWorkspace('acme', 'app-prod', project);
  const billing = emulator.addWorkspace('acme', 'billing');
  emulator.clearRequests();
  const scopedInputs = {
    'api-token': credential,
    hostname: emulator.hostname,
    organization: 'acme',
    workspaces: 'app-prod',
    'workspace-access': 'plan',
  };
  heading('Scoped main step (workspaces: app-prod, workspace-access: plan)');
  const main = await runStep('main', { inputs: scopedInputs, caCertPath: tls.caCertPath, debug: false });
  showStep(main);
  console.log(`\nTemporary team: ${main.outputs['team-name']} (${main.outputs['team-id']})`);
  const token = main.outputs['token'] ?? '';
  console.log(`  GET /workspaces/${app} (listed)   -> ${await status('GET', `/workspaces/${app}`, token)}`);
  console.log(`  GET /workspaces/${billing} (unlisted) -> ${await status('GET', `/workspaces/${billing}`, token)}`);
  heading('Scoped post step');
  const post = await runStep('post', {
    inputs: scopedInputs,
    state: main.state,
    caCertPath: tls.caCertPath,
    debug: false,
  });
  showStep(post);
  const after = await status('GET', '/account/details', token);
  console.log(`\nThe token after the post step: GET /account/details -> ${after}`);
  console.log(
    `Teams left: ${emulator
      .teams('acme')
      .map((team) => team.name)
      .join(', ')}`,
  );
  heading('Requests of the scoped run');
  for (const request of emulator.requests()) console.log(`  ${request.method} ${request.path} -> ${request.status}`);
  return main.code === 0 && post.code === 0 && after === 401;
}

function status(method: string, path: string, bearer: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/vnd.api+json' };
    const call = request(
      `${emulator.baseUrl}/api/v2${path}`,
      { method, headers, ca: tls.caCert, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    call.on('error', reject);
    call.end();
  });
}

function heading(text: string): void {
  console.log(`\n=== ${text}`);
}

function showStep(step: StepResult): void {
  // The runner would replace masked values with ***; the demo does the same for what it prints.
  const masked = step.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  for (const line of masked) if (line) console.log(`  | ${line}`);
  console.log(`  (exit code ${step.code})`);
}

function showTokens(title: string): void {
  const tokens = emulator.tokens();
  console.log(`\n${title}: ${tokens.length}`);
  for (const token of tokens) console.log(`  ${describe(token)}`);
}

function describe(token: TokenRecord): string {
  const team = `team=${token.teamId ?? '-'}`;
  return `${token.id}  ${token.kind}  ${team}  expires=${token.expiredAt ?? 'never'}  "${token.description ?? ''}"`;
}
