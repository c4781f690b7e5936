import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { belowFloor } from '../../scripts/check-node.mjs';

/**
 * Gives the test run a TMPDIR of its own, so global-teardown.ts can tell what this run left behind: other runs (and
 * other people's) create folders with the same names in /tmp at the same time. Jest starts its workers after this
 * and they inherit the environment; os.tmpdir() reads TMPDIR on every call, so the tests, the emulator's CA and the
 * step folders all land in it. (The step processes themselves get an environment of their own, without TMPDIR.)
 */
export default async function globalSetup(): Promise<void> {
  refuseOldNode();
  const dir = await mkdtemp(join(tmpdir(), 'tfc-token-jest-'));
  process.env['TFC_TOKEN_JEST_TMPDIR'] = dir;
  process.env['TMPDIR'] = dir;
}

/** `npx jest` skips the build's check-node.mjs: on a Node below engines, one line before any test fails obscurely. */
function refuseOldNode(): void {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const problem = belowFloor(process.versions.node, packageJson.engines.node);
  if (problem) throw new Error(problem);
}
