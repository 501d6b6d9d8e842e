// One lint config for the whole workspace (ESLint flat config; each package runs `eslint .`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Libraries never print: only the CLI entry writes to the terminal.
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // `../../../src/` is a package's own src/, from its test/ three folders down (test/targets/node/).
              group: ['**/packages/*/src/**', '../../*/src/**', '!../../../src/**', '@poolscope/*/src/**'],
              message: 'Import another package by its name (@poolscope/core), never by a path into its src/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests, benchmarks and scripts may print.
    files: ['**/test/**', '**/bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
