import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { findLeaks } from '../support/assertions/hygiene.js';
import { errorsOf } from '../support/assertions/lines.js';
import { runStep } from '../support/steps/runner.js';
import { makeTestTls } from '../../emulator/tls.js';
import { startWorld, type World } from '../support/steps/world.js';

/**
 * Every bad input fails the step with exactly one error that names the input, before any request: nothing minted,
 * nothing printed that is secret. Each case runs the bundled action as a process against a live emulator.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.emulator.close());

const team = { 'team-id': 'team-6p5jTwJQXwqZBncC' };
const rotate = {
  mode: 'rotate',
  organization: 'acme',
  'team-id': 'team-6p5jTwJQXwqZBncC',
  'secret-name': 'TFC_TOKEN',
  'github-token': 'ghp_x',
};
const CASES: ReadonlyArray<
  readonly [name: string, input: string, inputs: Record<string, string>, env?: Record<string, string>]
> = [
  ['unknown mode', 'mode', { mode: 'rotate-all', ...team }],
  ['mode in capitals', 'mode', { mode: 'CREATE', ...team }],
  ['unknown token type', 'token-type', { 'token-type': 'user', ...team }],
  ['both team inputs', 'team-id', { 'team-id': 'team-abc', 'team-name': 'platform', organization: 'acme' }],
  ['neither team input', 'team-id', {}],
  ['team id with path traversal', 'team-id', { 'team-id': 'team-../../organizations/acme' }],
  ['team id with a slash', 'team-id', { 'team-id': 'team-abc/def' }],
  ['team id without its prefix', 'team-id', { 'team-id': '6p5jTwJQXwqZBncC' }],
  ['team name with a space', 'team-name', { 'team-name': 'plat form', organization: 'acme' }],
  ['team name without organization', 'organization', { 'team-name': 'platform' }],
  ['organization with a slash', 'organization', { 'token-type': 'organization', organization: 'acme/evil' }],
  ['organization with a space', 'organization', { 'token-type': 'organization', organization: 'ac me' }],
  ['organization with unicode', 'organization', { 'token-type': 'organization', organization: 'acmé' }],
  ['organization of dots', 'organization', { 'token-type': 'organization', organization: '..' }],
  ['organization token without organization', 'organization', { 'token-type': 'organization' }],
  ['expiry in the past', 'expiry', { ...team, expiry: '2001-01-01T00:00:00Z' }],
  ['expiry zero', 'expiry', { ...team, expiry: '0h' }],
  ['expiry negative', 'expiry', { ...team, expiry: '-6h' }],
  ['expiry malformed', 'expiry', { ...team, expiry: 'six hours' }],
  ['expiry in unknown units', 'expiry', { ...team, expiry: '6y' }],
  ['expiry absurdly far', 'expiry', { ...team, expiry: '9999d' }],
  ['expiry timestamp absurdly far', 'expiry', { ...team, expiry: '2999-01-01T00:00:00Z' }],
  ['expiry on a day that does not exist', 'expiry', { ...team, expiry: '2031-02-30T00:00:00Z' }],
  ['expiry too short to use', 'expiry', { ...team, expiry: '1m' }],
  ['hostname with http://', 'hostname', { ...team, hostname: 'http://app.terraform.io' }],
  ['hostname with a path', 'hostname', { ...team, hostname: 'app.terraform.io/api/v2' }],
  ['hostname with user info', 'hostname', { ...team, hostname: 'user:pw@app.terraform.io' }],
  ['hostname with a space', 'hostname', { ...team, hostname: 'app terraform.io' }],
  ['hostname with a bad port', 'hostname', { ...team, hostname: 'tfe.example.com:99999' }],
  ['hostname with a query', 'hostname', { ...team, hostname: 'app.terraform.io?x=1' }],
  ['ephemeral yes', 'ephemeral', { ...team, ephemeral: 'yes' }],
  ['export-env on', 'export-env', { ...team, 'export-env': 'on' }],
  [
    'replace-existing 1',
    'replace-existing',
    { 'token-type': 'organization', organization: 'acme', 'replace-existing': '1' },
  ],
  ['legacy-team-token tRuE', 'legacy-team-token', { ...team, 'legacy-team-token': 'tRuE' }],
  ['dry-run y', 'dry-run', { mode: 'sweep', organization: 'acme', 'dry-run': 'y' }],
  ['empty credential, no env', 'api-token', { ...team, 'api-token': '' }],
  ['credential with a line break', 'api-token', { ...team, 'api-token': 'abc\ndef' }],
  ['token-id with create', 'token-id', { ...team, 'token-id': 'at-abc' }],
  ['expiry with delete', 'expiry', { mode: 'delete', 'token-id': 'at-abc', expiry: '6h' }],
  ['description with delete', 'description', { mode: 'delete', 'token-id': 'at-abc', description: 'x' }],
  ['delete without token-id', 'token-id', { mode: 'delete' }],
  ['delete with a malformed token-id', 'token-id', { mode: 'delete', 'token-id': 'at-../x' }],
  ['team-id with an organization token', 'team-id', { 'token-type': 'organization', organization: 'acme', ...team }],
  ['replace-existing without legacy', 'replace-existing', { ...team, 'replace-existing': 'true' }],
  ['description for a legacy token', 'description', { ...team, 'legacy-team-token': 'true', description: 'x' }],
  ['description with a line break', 'description', { ...team, description: 'a\nb' }],
  [
    'legacy with an organization token',
    'legacy-team-token',
    { 'token-type': 'organization', organization: 'acme', 'legacy-team-token': 'true' },
  ],
  ['expiry for an agent token', 'expiry', { 'token-type': 'agent', 'agent-pool-id': 'apool-abc', expiry: '6h' }],
  ['agent token without a pool', 'agent-pool-id', { 'token-type': 'agent' }],
  ['agent pool id for a team token', 'agent-pool-id', { ...team, 'agent-pool-id': 'apool-abc' }],
  ['request-timeout zero', 'request-timeout', { ...team, 'request-timeout': '0' }],
  ['request-timeout in words', 'request-timeout', { ...team, 'request-timeout': 'thirty' }],
  ['ca-certificate naming no file', 'ca-certificate', { ...team, 'ca-certificate': 'certs/missing-ca.pem' }],
  ['ca-certificate naming a folder', 'ca-certificate', { ...team, 'ca-certificate': '/' }],
  [
    'ca-certificate with no certificate',
    'ca-certificate',
    { ...team, 'ca-certificate': '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQ==\n-----END PUBLIC KEY-----' },
  ],
  [
    'ca-certificate that does not parse',
    'ca-certificate',
    { ...team, 'ca-certificate': '-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----' },
  ],
  [
    'ca-certificate with a private key',
    'ca-certificate',
    { ...team, 'ca-certificate': '-----BEGIN PRIVATE KEY-----\nMIGHAgEA\n-----END PRIVATE KEY-----' },
  ],
  ['secret-name with create', 'secret-name', { ...team, 'secret-name': 'X' }],
  ['expiring-within with create', 'expiring-within', { ...team, 'expiring-within': '7d' }],
  ['rotate without secret-name', 'secret-name', { ...rotate, 'secret-name': '' }],
  ['secret name starting with GITHUB_', 'secret-name', { ...rotate, 'secret-name': 'GITHUB_TOKEN' }],
  ['secret name starting with a digit', 'secret-name', { ...rotate, 'secret-name': '1TOKEN' }],
  ['secret name with a dash', 'secret-name', { ...rotate, 'secret-name': 'TFC-TOKEN' }],
  ['rotate without github-token', 'github-token', { ...rotate, 'github-token': '' }],
  [
    'organization secret and environment',
    'secret-organization',
    { ...rotate, 'secret-organization': 'octo', 'secret-environment': 'prod' },
  ],
  ['secret repository without owner', 'secret-repository', { ...rotate, 'secret-repository': 'infra' }],
  ['keep-previous negative', 'keep-previous', { ...rotate, 'keep-previous': '-1' }],
  ['list for organization tokens', 'token-type', { mode: 'list', 'token-type': 'organization', organization: 'acme' }],
  ['list without organization', 'organization', { mode: 'list' }],
  ['expiring-within malformed', 'expiring-within', { mode: 'list', organization: 'acme', 'expiring-within': 'soon' }],
  ['sweep older-than malformed', 'older-than', { mode: 'sweep', organization: 'acme', 'older-than': '1 day' }],
  ['sweep with a team', 'team-id', { mode: 'sweep', organization: 'acme', ...team }],
  ['secret repository walking up', 'secret-repository', { ...rotate, 'secret-repository': 'acme/..' }],
  ['secret repository named .', 'secret-repository', { ...rotate, 'secret-repository': 'acme/.' }],
  ['secret repository with three parts', 'secret-repository', { ...rotate, 'secret-repository': 'a/b/c' }],
  ['secret repository owner with a dot', 'secret-repository', { ...rotate, 'secret-repository': '../infra' }],
  ['keep-previous with mode create', 'keep-previous', { ...team, 'keep-previous': '2' }],
  ['adopt-token-id without its prefix', 'adopt-token-id', { ...rotate, 'adopt-token-id': 'TLhN8cc6ro6qYDvp' }],
  ['adopt-token-id with a slash', 'adopt-token-id', { ...rotate, 'adopt-token-id': 'at-abc/../x' }],
  ['adopt-token-id a team id', 'adopt-token-id', { ...rotate, 'adopt-token-id': 'team-6p5jTwJQXwqZBncC' }],
  [
    'adopt-token-id with an organization token',
    'adopt-token-id',
    { ...rotate, 'team-id': '', 'token-type': 'organization', 'adopt-token-id': 'at-TLhN8cc6ro6qYDvp' },
  ],
  ['adopt-token-id with mode create', 'adopt-token-id', { ...team, 'adopt-token-id': 'at-TLhN8cc6ro6qYDvp' }],
  ['keep-previous with mode sweep', 'keep-previous', { mode: 'sweep', organization: 'acme', 'keep-previous': '0' }],
  ['rotate with neither secret nor variable', 'secret-name', { ...rotate, 'secret-name': '', 'github-token': '' }],
  ['variable-key with mode create', 'variable-key', { ...team, 'variable-key': 'TFE_TOKEN' }],
  ['variable-key without a workspace or set', 'variable-workspace', { ...rotate, 'variable-key': 'TFE_TOKEN' }],
  [
    'variable-key with both workspace and set',
    'variable-workspace',
    { ...rotate, 'variable-key': 'TFE_TOKEN', 'variable-workspace': 'admin', 'variable-set': 'creds' },
  ],
  ['variable-workspace without variable-key', 'variable-workspace', { ...rotate, 'variable-workspace': 'admin' }],
  [
    'variable-category unknown',
    'variable-category',
    { ...rotate, 'variable-key': 'TFE_TOKEN', 'variable-workspace': 'admin', 'variable-category': 'secret' },
  ],
  [
    'env variable-key with a dash',
    'variable-key',
    { ...rotate, 'variable-key': 'TFE-TOKEN', 'variable-workspace': 'admin' },
  ],
  [
    'variable-workspace that is no name',
    'variable-workspace',
    { ...rotate, 'variable-key': 'TFE_TOKEN', 'variable-workspace': 'ws/../x' },
  ],
  [
    'variable-workspace by name without organization',
    'organization',
    {
      ...rotate,
      'token-type': 'agent',
      'team-id': '',
      organization: '',
      'agent-pool-id': 'apool-yoGUFz5zcRMMz53i',
      'variable-key': 'T',
      'variable-workspace': 'admin',
    },
  ],
  [
    'github-token without secret-name',
    'github-token',
    { ...rotate, 'secret-name': '', 'variable-key': 'TFE_TOKEN', 'variable-workspace': 'admin' },
  ],
];

test('the corpus covers at least 40 bad inputs across every input', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
});

test.concurrent.each(CASES)('%s → one error naming %s, no request', async (_name, input, inputs, env) => {
  const tls = await makeTestTls();
  const before = world.emulator.requests().length;
  const credential = inputs['api-token'] ?? world.credential;
  const step = await runStep('main', {
    caCertPath: tls.caCertPath,
    inputs: { 'api-token': world.credential, hostname: world.emulator.hostname, ...inputs },
    ...(env ? { env } : {}),
  });
  const errors = errorsOf(step);
  expect(step.code).toBe(1);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(new RegExp(`^::error::Input "${input}" `));
  expect(errors[0]).toMatch(/must|required|is only|is not|cannot|applies|are both|contains|is empty|remove it/);
  expect(world.emulator.requests().length).toBe(before);
  expect(world.emulator.tokens()).toEqual([]);
  // Mask first: the credential is masked before the error, although the step fails before @actions/core loads.
  if (credential) expect(step.stdout.indexOf('::add-mask::')).toBeLessThan(step.stdout.indexOf('::error::'));
  expect(step.stdout).toMatch(credential ? /^::add-mask::/ : /^::error::/);
  expect(
    findLeaks(
      step,
      [credential, world.credential].filter((secret) => secret.length > 8),
    ),
  ).toEqual([]);
});
