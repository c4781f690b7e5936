/** Tests run as native ESM (the toolkit is ESM-only); swc only strips types, tsc does the type-checking. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__', '<rootDir>/emulator'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  testTimeout: 30000,
  // A TMPDIR per run, checked empty at the end: the tests must remove every temporary folder they make.
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/after-each-file.ts'],
};
