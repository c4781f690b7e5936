import { beforeAll, describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/common/errors.js';
import { parseInputs, type Connection, type Inputs, parseHostname } from '../../../src/inputs/parse.js';
import { makeTestTls, type TestTls } from '../../../emulator/tls.js';
import { terraformTokenVariable } from '../../../src/runner/io.js';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const HOUR = 3600_000;

function parse(inputs: Record<string, string>, env: Record<string, string> = {}): Inputs {
  return parseInputs({
    get: (name) => (inputs[name] ?? '').trim(),
    env,
    now: NOW,
    run: { repository: 'octo-org/infra', runId: '77', runAttempt: '2', job: 'plan', workflow: 'deploy prod' },
    randomHex: () => 'c0ffee42',
  });
}

function failure(inputs: Record<string, string>, env: Record<string, string> = {}): InputError {
  try {
    parse(inputs, env);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

const base = { 'api-token': 'tok.atlasv1.abc' };

describe('accepted inputs', () => {
  test('defaults: a per-job team token on app.terraform.io, 6 hours, described by run', () => {
    expect(parse({ ...base, 'team-id': 'team-abc' })).toEqual({
      operation: 'create-team-token',
      apiToken: 'tok.atlasv1.abc',
      hostname: 'app.terraform.io',
      requestTimeoutMs: 30_000,
      caCertificate: null,
      team: { id: 'team-abc' },
      organization: null,
      expiresAt: new Date(NOW + 6 * HOUR),
      expiryDefaulted: true,
      description: 'gha-tfc-token octo-org/infra run-77-2 job-plan',
      ephemeral: true,
      legacy: false,
      replaceExisting: false,
      exportEnv: true,
    });
  });

  test.each([
    [{ 'api-token': '' }, { TF_API_TOKEN: 'from-tf-api', TFE_TOKEN: 'from-tfe' }, 'from-tf-api'],
    [{ 'api-token': '' }, { TFE_TOKEN: 'from-tfe' }, 'from-tfe'],
    [{ 'api-token': 'input' }, { TF_API_TOKEN: 'env' }, 'input'],
  ])('credential from %j with env %j is %s', (inputs, env, expected) => {
    expect(parse({ ...inputs, 'team-id': 'team-abc' }, env).apiToken).toBe(expected);
  });

  test.each([
    ['', {}, 'app.terraform.io'],
    ['', { TF_CLOUD_HOSTNAME: 'tfc.example.com', TFE_HOSTNAME: 'tfe.example.com' }, 'tfc.example.com'],
    ['', { TFE_HOSTNAME: 'tfe.example.com' }, 'tfe.example.com'],
    ['https://TFE.Example.com/', {}, 'tfe.example.com'],
    ['tfe.example.com:8443', {}, 'tfe.example.com:8443'],
  ])('hostname %j with env %j is %s', (hostname, env, expected) => {
    expect(parse({ ...base, hostname, 'team-id': 'team-abc' }, env).hostname).toBe(expected);
  });

  test.each(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'])('YAML boolean %s', (value) => {
    const inputs = parse({ ...base, 'team-id': 'team-abc', ephemeral: value });
    expect(inputs.operation === 'create-team-token' && inputs.ephemeral).toBe(value.toLowerCase() === 'true');
  });

  test('organization from TF_CLOUD_ORGANIZATION; non-ephemeral default expiry is 30 days', () => {
    const inputs = parse(
      { ...base, 'token-type': 'organization', ephemeral: 'false' },
      { TF_CLOUD_ORGANIZATION: 'acme' },
    );
    expect(inputs).toMatchObject({
      operation: 'create-organization-token',
      tokenType: 'organization',
      organization: 'acme',
      expiresAt: new Date(NOW + 30 * 24 * HOUR),
    });
  });

  test.each([
    [
      { mode: 'delete', 'token-id': 'at-1' },
      { operation: 'delete-team-token', tokenId: 'at-1', legacy: false, team: null },
    ],
    [
      { mode: 'delete', 'legacy-team-token': 'true', 'team-name': 'ops', organization: 'acme' },
      { operation: 'delete-team-token', tokenId: null, legacy: true, team: { name: 'ops' } },
    ],
    [
      { mode: 'delete', 'token-type': 'audit-trail', organization: 'acme' },
      { operation: 'delete-organization-token', tokenType: 'audit-trail' },
    ],
    [
      { 'token-type': 'agent', 'agent-pool-id': 'apool-1' },
      { operation: 'create-agent-token', agentPoolId: 'apool-1', ephemeral: true },
    ],
    [
      { mode: 'list', organization: 'acme', 'expiring-within': '7d' },
      { operation: 'list-tokens', expiringWithinMs: 7 * 24 * HOUR, team: null },
    ],
    [
      { mode: 'sweep', organization: 'acme' },
      { operation: 'sweep-tokens', olderThanMs: 24 * HOUR, dryRun: false },
    ],
    [
      {
        mode: 'rotate',
        'team-id': 'team-abc',
        organization: 'acme',
        'secret-name': 'TFC',
        'secret-repository': 'octo-org/infra',
        'github-token': 'ghp',
      },
      {
        operation: 'rotate-token',
        description: 'gha-tfc-rotate octo-org/infra deploy-prod',
        keepPrevious: 1,
        expiresAt: new Date(NOW + 30 * 24 * HOUR),
      },
    ],
  ])('%j parses to %j', (inputs, expected) => {
    expect(parse({ ...base, ...inputs })).toMatchObject(expected);
  });

  test('rotation secret destination defaults to this repository and GITHUB_API_URL', () => {
    const inputs = parse(
      {
        ...base,
        mode: 'rotate',
        'token-type': 'organization',
        organization: 'acme',
        'secret-name': 'TFC',
        'github-token': 'ghp',
      },
      { GITHUB_REPOSITORY: 'octo-org/infra', GITHUB_API_URL: 'https://ghe.example.com/api/v3/' },
    );
    expect(inputs).toMatchObject({
      secret: {
        name: 'TFC',
        repository: 'octo-org/infra',
        environment: null,
        organization: null,
        apiUrl: 'https://ghe.example.com/api/v3',
      },
      description: '',
    });
  });
});

describe('ca-certificate', () => {
  let tls: TestTls;
  beforeAll(async () => {
    tls = await makeTestTls();
  });
  const caOf = (value: string) =>
    (parse({ ...base, 'team-id': 'team-abc', 'ca-certificate': value }) as Connection).caCertificate;

  test('PEM text, CRLF line ends too, or the path of a PEM file: the certificates, checked', () => {
    const pem = tls.caCert.trim();
    expect(caOf(pem)).toBe(pem);
    expect(caOf(pem.replace(/\n/g, '\r\n'))).toBe(pem.replace(/\n/g, '\r\n'));
    expect(caOf(tls.caCertPath)).toBe(pem);
    expect(caOf(`${pem}\n${tls.cert}`)).toBe(`${pem}\n${tls.cert.trim()}`); // a bundle
  });

  test('a file of the wrong kind names the input, not its content', () => {
    const error = failure({ ...base, 'team-id': 'team-abc', 'ca-certificate': '/dev/null' });
    expect(error.message).toBe(
      'Input "ca-certificate" must hold a PEM certificate (-----BEGIN CERTIFICATE-----); give the PEM text of the CA ' +
        'certificate, or the path of a file that holds it.',
    );
  });

  test('a file that never ends is read no further than 1 MiB', () => {
    const error = failure({ ...base, 'team-id': 'team-abc', 'ca-certificate': '/dev/zero' });
    expect(error.message).toBe('Input "ca-certificate" cannot be a file over 1 MiB: "/dev/zero".');
  });

  test('a private key is refused without being repeated', () => {
    const error = failure({ ...base, 'team-id': 'team-abc', 'ca-certificate': `${tls.caCert}\n${tls.key}` });
    expect(error.message).toBe('Input "ca-certificate" must not hold a private key; give the CA certificate alone.');
  });
});

describe('rejected inputs name the input and never echo the credential', () => {
  test.each([
    [{ mode: 'remove' }, 'mode', 'must be one of create, delete, rotate, list, sweep'],
    [{ 'api-token': '' }, 'api-token', 'forks or by Dependabot'],
    [{ 'api-token': 'two words' }, 'api-token', 'pass the token alone'],
    [{ hostname: 'http://tfe.example.com' }, 'hostname', 'must not use http://'],
    [{ hostname: 'tfe.example.com/path' }, 'hostname', 'no path, user info or spaces'],
    [{ 'team-id': 'team-a', 'team-name': 'b' }, 'team-id', 'Input "team-id" cannot be combined with "team-name"'],
    [{ 'team-id': '' }, 'team-id', 'Input "team-id" or "team-name" is required for team tokens'],
    [{ mode: 'rotate', organization: 'acme' }, 'secret-name', 'Input "secret-name" or "variable-key" is required'],
    [
      { mode: 'rotate', organization: 'acme', 'variable-key': 'TFE_TOKEN' },
      'variable-workspace',
      'Input "variable-workspace" or "variable-set" (exactly one of them) is required',
    ],
    [{ expiry: '0m' }, 'expiry', 'must be a duration'],
    [{ expiry: '2m' }, 'expiry', 'at least 5 minutes'],
    [{ expiry: '731d' }, 'expiry', 'at most 730 days'],
    [{ ephemeral: 'yes' }, 'ephemeral', 'YAML 1.2 boolean'],
    [{ 'replace-existing': 'true' }, 'replace-existing', 'legacy team tokens'],
    [{ 'token-id': 'at-1' }, 'token-id', 'only used with mode: delete'],
  ])('%j → %s', (inputs, input, message) => {
    const error = failure({ ...base, 'team-id': 'team-abc', ...inputs });
    expect(error.input).toBe(input);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('tok.atlasv1.abc');
  });
});

describe('hostname', () => {
  test.each([
    ['app.terraform.io', 'app.terraform.io', 'TF_TOKEN_app_terraform_io'],
    ['prod-tfe.example.net', 'prod-tfe.example.net', 'TF_TOKEN_prod__tfe_example_net'],
    ['HTTPS://App.Terraform.IO/', 'app.terraform.io', 'TF_TOKEN_app_terraform_io'],
    ['tfe.example.com:8443', 'tfe.example.com:8443', null],
    ['localhost', 'localhost', 'TF_TOKEN_localhost'],
  ])('%s → %s → %s', (raw, host, variable) => {
    expect(parseHostname(raw)).toBe(host);
    expect(terraformTokenVariable(host)).toBe(variable);
  });

  test.each([
    'http://app.terraform.io',
    'app.terraform.io/api',
    'user@app.terraform.io',
    'app terraform.io',
    '-bad.example.com',
    'host:0',
    'host:65536',
    'https://',
    'a..b',
  ])('rejects %j', (raw) => {
    expect(() => parseHostname(raw)).toThrow(/Input "hostname"/);
  });
});
