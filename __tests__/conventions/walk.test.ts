import { expect, test } from '@jest/globals';
import { walkCentralJob } from '../../bench/walk.js';

/**
 * CONTRIBUTING promises that the central job stays readable: a per-job create runs code in at most 15 of the
 * project's source files and its post step in at most 10, measured as `npm run walk` measures it (V8 coverage of the
 * compiled sources while the bundled steps' own sources run as processes).
 */
test('a per-job create runs code in at most 15 source files, and its post step in at most 10', async () => {
  const walks = await walkCentralJob();
  expect(walks.map(({ name }) => name)).toEqual(['per-job create by team-id', 'per-job create by team-name']);
  for (const { name, main, post } of walks) {
    expect(main).toContain('src/tokens/create.ts'); // the walk saw the create itself, not an early exit
    expect(post).toContain('src/tokens/cleanup.ts');
    expect({ name, main: main.length <= 15 ? 'at most 15' : main }).toEqual({ name, main: 'at most 15' });
    expect({ name, post: post.length <= 10 ? 'at most 10' : post }).toEqual({ name, post: 'at most 10' });
  }
}, 60_000);
