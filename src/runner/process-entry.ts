import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Whether the module at `moduleUrl` is the script this Node process was started with, so that `node lib/src/main.js`
 * runs the step while an importer (local-action, jest) only gets `run()`. Node gives the entry module its real path.
 */
export function isProcessEntry(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === moduleUrl;
  } catch {
    return false;
  }
}
