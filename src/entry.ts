import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * True when the module at `moduleUrl` is the file Node was started with (`node dist/main/index.js` on the runner,
 * `node lib/src/main.js` from source), false when a host imports it to call `run()` itself (local-action, tests).
 * ESM has no `require.main`; the bundle keeps `import.meta.url` as its own path, so this holds there too.
 */
export function isProgramEntry(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
