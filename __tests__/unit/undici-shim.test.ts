import { expect, test } from '@jest/globals';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../support/runner.js';

// The bundle imports undici (through @actions/http-client) only for proxy dispatchers; the shim defers evaluating it.
const require = createRequire(join(ROOT, 'package.json'));

test('undici resolves to the lazy shim, which loads the real undici only when an export is used', () => {
  const realPath = require.resolve('undici-eager');
  delete require.cache[realPath];
  const shim = require('undici') as { ProxyAgent: new (options: { uri: string }) => { close(): Promise<void> } };
  expect(require.cache[realPath]).toBeUndefined();
  const agent = new shim.ProxyAgent({ uri: 'http://127.0.0.1:3128' });
  expect(require.cache[realPath]).toBeDefined();
  expect(agent).toBeInstanceOf((require('undici-eager') as { ProxyAgent: new () => unknown }).ProxyAgent);
  return agent.close();
});
