// Run before the build (and so before the tests, the demo and the benchmark): on a Node below package.json's
// `engines` floor, one line naming the version needed, instead of a failure deep inside a tool or a test. Plain
// JavaScript that older Nodes parse, since it must run before anything is compiled.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The floor from an `engines.node` of the form `>=MAJOR[.MINOR[.PATCH]]`, as three numbers. */
export function floorOf(range) {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`engines.node must read ">=MAJOR.MINOR", not "${range}"`);
  return match.slice(1).map((part) => Number(part ?? 0));
}

/** The one line to print when `version` (as in process.versions.node) is below `range`, else null. */
export function belowFloor(version, range) {
  const floor = floorOf(range);
  const have = version.split('.').map(Number);
  const index = floor.findIndex((part, i) => have[i] !== part);
  if (index === -1 || have[index] > floor[index]) return null;
  const needed = `Node ${floor.join('.')} or later (package.json engines "${range}")`;
  return `This project needs ${needed}; this is Node ${version}.`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const range = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
  const problem = belowFloor(process.versions.node, range);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
