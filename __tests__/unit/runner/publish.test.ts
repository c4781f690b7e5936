import { describe, expect, test } from '@jest/globals';
import { Publisher } from '../../../src/runner/io.js';
import { fakeIo } from '../../support/fakes/fake-io.js';

const token = {
  id: 'at-abc',
  secret: 'QnbSxjjhVMHJgw.atlasv1.secret',
  description: 'd',
  createdAt: '2026-01-01T00:00:00.000Z',
  expiredAt: '2026-01-01T06:00:00.000Z',
  lastUsedAt: null,
  teamId: 'team-x',
};

describe('Publisher', () => {
  test('masks the secret before any output', () => {
    const { io, calls } = fakeIo();
    new Publisher(io).tokenOutputs(token);
    expect(calls[0]).toEqual(['setSecret', token.secret]);
    expect(calls.slice(1)).toEqual([
      ['setOutput', 'token', token.secret],
      ['setOutput', 'token-id', 'at-abc'],
      ['setOutput', 'expired-at', token.expiredAt],
      ['setOutput', 'created-at', token.createdAt],
      ['setOutput', 'description', 'd'],
      ['setOutput', 'team-id', 'team-x'],
    ]);
  });

  test.each([
    ['app.terraform.io', 'TF_TOKEN_app_terraform_io'],
    ['prod-tfe.example.net', 'TF_TOKEN_prod__tfe_example_net'],
  ])('exports the Terraform CLI variable for %s, masked first', (hostname, variable) => {
    const { io, calls } = fakeIo();
    new Publisher(io).exportTerraformCredential(hostname, token.secret);
    expect(calls[0]).toEqual(['setSecret', token.secret]);
    expect(calls[1]).toEqual(['exportVariable', variable, token.secret]);
    expect(
      calls
        .filter(([kind]) => kind === 'info')
        .flat()
        .join(' '),
    ).not.toContain(token.secret);
  });

  test('a host with a port is warned about and not exported', () => {
    const { io, calls } = fakeIo();
    new Publisher(io).exportTerraformCredential('tfe.example.com:8443', token.secret);
    expect(calls.map(([kind]) => kind)).toEqual(['warning']);
    expect(calls[0]![1]).toContain('tfe.example.com:8443');
  });
});
