import { readdir, rm } from 'node:fs/promises';

/**
 * Fails the run when a test left anything in the run's TMPDIR (made by global-setup.ts): a step folder the runner did
 * not remove (tfc-step-*), a test CA nobody removed (tfc-token-tls-*), a folder a test made for itself. Any leftover
 * counts, not only those names, so a new kind of leak fails too. The folder goes in any case, so a failing run leaves
 * nothing behind either.
 */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env['TFC_TOKEN_JEST_TMPDIR'];
  if (!dir) return;
  const left = await readdir(dir);
  await rm(dir, { recursive: true, force: true });
  if (left.length > 0) throw new Error(`The tests left ${left.length} temporary folder(s) behind: ${left.join(', ')}`);
}
