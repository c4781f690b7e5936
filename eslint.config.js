// One lint for the project: typescript-eslint's recommended rules over the sources, tests, bench and emulator.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/', 'shims/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'URL',
          'Buffer',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'module',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: {
      // Matching control characters is the point where they appear: printed text is scrubbed of them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreStrings: false, ignoreTemplateLiterals: false }],
    },
  },
  {
    // Tests read the emulator's JSON:API answers as they come; typing every document would test the types, not the API.
    files: ['__tests__/**', 'emulator/__tests__/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
