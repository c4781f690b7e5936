import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startConnectProxy, type ConnectProxy } from '../support/fakes/connect-proxy.js';
import { errorsOf, expectClean } from '../support/assertions/expectations.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fakes/github-fake.js';
import { makeTestTls } from '../../emulator/tls.js';
import { startWorld, type World } from '../support/steps/world.js';

// Runners behind a corporate proxy set HTTPS_PROXY: every HCP Terraform request and, in rotate mode, every GitHub
// request must go through its CONNECT tunnel. `.test` names are not loopback, so the proxy is not bypassed.

let world: World;
let github: FakeGitHub;
let proxy: ConnectProxy;
beforeAll(async () => {
  world = await startWorld();
  github = await startFakeGitHub(undefined, await makeTestTls());
  proxy = await startConnectProxy();
});
afterAll(() => Promise.all([world.emulator.close(), github.close(), proxy.close()]));

const tfcHost = () => `tfc.test:${world.emulator.port}`;
const env = () => ({ HTTPS_PROXY: proxy.url, GITHUB_API_URL: github.url.replace('localhost', 'github.test') });

describe('through HTTPS_PROXY', () => {
  test('create and the post step delete reach HCP Terraform through the tunnel', async () => {
    const before = proxy.tunnels().length;
    const { main, post } = await world.job({ 'team-id': world.teamId, hostname: tfcHost() }, { env: env() });
    expect(errorsOf(main)).toEqual([]);
    expect(post.stdout).toContain(`Deleted team token ${main.outputs['token-id']}`);
    expect(proxy.tunnels().slice(before)).toEqual([tfcHost(), tfcHost()]); // one tunnel per step, kept alive within it
    expect(world.emulator.tokens()).toEqual([]);
  });

  test('rotation writes the GitHub secret through the tunnel too', async () => {
    const before = proxy.tunnels().length;
    const inputs = {
      mode: 'rotate',
      hostname: tfcHost(),
      organization: 'acme',
      'team-name': 'platform',
      'secret-name': 'TFC_TOKEN',
      'github-token': github.token,
    };
    const main = await world.main(inputs, { env: env() });
    expect(errorsOf(main)).toEqual([]);
    expect(github.secrets().get('repo:octo-org/infra')?.get('TFC_TOKEN')).toBe(main.outputs['token']);
    const githubHost = new URL(env().GITHUB_API_URL).host;
    expect(new Set(proxy.tunnels().slice(before))).toEqual(new Set([tfcHost(), githubHost]));
    expectClean(main, [main.outputs['token'], world.credential, github.token]);
  });
  // A refusing proxy is a not-connected failure (unit test in transport.test.ts): the retry policy then tries again
  // for up to a minute, too slow for a scenario.
});
