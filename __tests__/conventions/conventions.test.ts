import { describe, expect, test } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ACTION_VERSION } from '../../src/common/version.js';
import { ROOT } from '../support/steps/runner.js';

type Spec = { description?: string; default?: string };
const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, Spec>;
  outputs: Record<string, Spec>;
  runs: Record<string, string>;
};
const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
const workflowFiles = await Promise.all(
  ['workflows', 'workflow-examples'].map(async (dir) =>
    (await readdir(join(ROOT, '.github', dir))).map((name) => join(ROOT, '.github', dir, name)),
  ),
).then((lists) => lists.flat());

/** Rows of the README table under the given heading: first cell (back-quoted name) to the remaining cells. */
function tableRows(heading: string): Map<string, string[]> {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').filter((line) => /^\| `[^`]+` \|/.test(line));
  return new Map(
    rows.map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return [cells[0]!.replace(/`/g, ''), cells.slice(1)];
    }),
  );
}

/** Every `with:` block of a step that uses this action, from YAML documents (workflows or README snippets). */
function withKeys(document: unknown): string[][] {
  const found: string[][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const step = node as { uses?: unknown; with?: unknown };
      if (
        typeof step.uses === 'string' &&
        /^(\.\/?|octo-org\/tfc-token-action@.*)$/.test(step.uses) &&
        step.with &&
        typeof step.with === 'object'
      ) {
        found.push(Object.keys(step.with));
      }
      Object.values(node).forEach(visit);
    }
  };
  visit(document);
  return found;
}

describe('action.yml and README agree', () => {
  const inputs = tableRows('Inputs');
  const outputs = tableRows('Outputs');

  test.each(Object.entries(action.inputs))('input %s is in the README with the same default', (name, spec) => {
    expect(inputs.has(name)).toBe(true);
    expect(inputs.get(name)![0]).toBe(spec.default === undefined ? '' : `\`${spec.default}\``);
  });

  test.each(Object.keys(action.outputs))('output %s is in the README', (name) => {
    expect(outputs.has(name)).toBe(true);
  });

  test('the README lists no input or output that action.yml lacks', () => {
    expect([...inputs.keys()].filter((name) => !(name in action.inputs))).toEqual([]);
    expect([...outputs.keys()].filter((name) => !(name in action.outputs))).toEqual([]);
  });

  test('runs on node24 with main, post and post-if', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/main/index.js',
      post: 'dist/post/index.js',
      'post-if': 'always()',
    });
  });

  test('the User-Agent version is the package version', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(ACTION_VERSION).toBe(pkg.version);
  });
});

describe('snippets and workflows', () => {
  const snippets = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);

  test('every README snippet parses and uses only declared inputs', () => {
    const keys = snippets.flatMap((snippet) => withKeys(parse(snippet))).flat();
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((key) => !(key in action.inputs))).toEqual([]);
  });

  test.each(workflowFiles)('%s uses only declared inputs', async (file) => {
    const text = await readFile(file, 'utf8');
    expect(
      withKeys(parse(text))
        .flat()
        .filter((key) => !(key in action.inputs)),
    ).toEqual([]);
  });

  /** Every `run:` script in a document: an expression in one is pasted into the shell before it runs. */
  function runScripts(document: unknown): string[] {
    const found: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const run = (node as { run?: unknown }).run;
        if (typeof run === 'string') found.push(run);
        Object.values(node).forEach(visit);
      }
    };
    visit(document);
    return found;
  }

  test('no README snippet or workflow pastes an expression into a run: script (outputs go through env:)', async () => {
    const documents = [...snippets, ...(await Promise.all(workflowFiles.map((file) => readFile(file, 'utf8'))))];
    const scripts = documents.flatMap((text) => runScripts(parse(text)));
    expect(scripts.length).toBeGreaterThan(5);
    expect(scripts.filter((script) => script.includes('${{'))).toEqual([]);
  });

  test("the README's own-credential workflow is the example that actionlint checks, verbatim", async () => {
    const example = await readFile(join(ROOT, '.github', 'workflow-examples', 'rotate-own-credential.yml'), 'utf8');
    const body = example.slice(example.indexOf('name: '));
    expect(snippets).toContain(body);
  });

  test('every workflow and example passes actionlint', async () => {
    const cli = join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, '.github/{workflows,workflow-examples}/*.yml'],
      { cwd: ROOT },
    );
    expect(stdout).toContain(`Checking ${workflowFiles.length} workflow file(s)`);
    expect(stdout).toContain('All workflow files passed lint checks');
  });
});

describe('bundled licenses', () => {
  // ncc keeps one licence entry per package name: the undici shim must not take the name of the undici it stands in
  // for, or the real undici in the rotate chunk ships without its licence text.
  const undiciEntry = async (step: string) =>
    /(?:^|\n)undici\nMIT\n(.*)\n/.exec(await readFile(join(ROOT, 'dist', step, 'licenses.txt'), 'utf8'));

  test('dist/main/licenses.txt carries the MIT text of the real undici that the rotate chunk holds', async () => {
    expect((await undiciEntry('main'))?.[1]).toBe('MIT License');
  });

  test('dist/post/licenses.txt names only the shim, since the post bundle holds no real undici', async () => {
    expect(await undiciEntry('post')).toBeNull();
    expect(await readFile(join(ROOT, 'dist', 'post', 'licenses.txt'), 'utf8')).toMatch(/(?:^|\n)undici-not-bundled\n/);
  });
});
