import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { belowFloor, floorOf } from '../../scripts/check-node.mjs';
import { ROOT } from '../support/steps/runner.js';

// The development floor: package.json's engines, checked by scripts/check-node.mjs before the tests and the bench.
const packageJson = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const range = packageJson.engines.node;

describe('the Node floor', () => {
  it.each([
    ['22.14.0', true],
    ['20.20.2', true],
    ['22.15.0', false],
    ['22.15.1', false],
    ['23.0.0', false],
    ['24.21.0', false],
  ])('Node %s is below ">=22.15": %s', (version, below) => {
    expect(belowFloor(version, '>=22.15') !== null).toBe(below);
  });

  it('names the version needed and the one running, in one line', () => {
    const line = belowFloor('22.14.0', '>=22.15');
    const needed = 'Node 22.15.0 or later (package.json engines ">=22.15")';
    expect(line).toBe(`This project needs ${needed}; this is Node 22.14.0.`);
  });

  it('refuses an engines range it cannot read rather than passing every version', () => {
    expect(() => floorOf('^22.15 || >=24')).toThrow('engines.node must read');
  });

  // Whether this Node meets it is global-setup.ts's check: it refuses the run before any test could say so.
  it('is the floor the README names', async () => {
    const [major, minor] = floorOf(range);
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Requires Node ${major}.${minor} or later`);
  });
});
