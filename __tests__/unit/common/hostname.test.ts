import { describe, expect, test } from '@jest/globals';
import { parseHostname } from '../../../src/inputs/parse.js';
import { terraformTokenVariable } from '../../../src/runner/io.js';

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
