// Preloaded into a step's process with --import (tests and the benchmark): at exit it writes to stderr the files of
// dist/ the process loaded (LOADED, seen by a module hook) and the built-in modules Node loaded (BUILTINS).
import { registerHooks } from 'node:module';

const loaded = new Set();
registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('/dist/')) loaded.add(url.slice(url.indexOf('/dist/') + 1));
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule '));
  process.stderr.write(`LOADED ${JSON.stringify([...loaded])}\n`);
  process.stderr.write(`BUILTINS ${JSON.stringify(builtins.map((entry) => entry.slice('NativeModule '.length)))}\n`);
});
