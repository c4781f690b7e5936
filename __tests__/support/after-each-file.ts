import { afterAll } from '@jest/globals';
import { removeSharedTls } from '../../emulator/tls.js';

/**
 * Runs in every test file (setupFilesAfterEnv): removes the file's shared test CA once its tests are done. The exit
 * hook in tls.ts never fires under jest, whose test files see a copy of `process`; the module registry is per file,
 * so this is the same tls.ts instance the file's tests used.
 */
afterAll(() => removeSharedTls());
