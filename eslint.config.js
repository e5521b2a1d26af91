// Lint is part of `npm test`: warnings fail the run (--max-warnings 0).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-test-*/**', 'dist-bench/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded generator (src/engine/rng.ts).' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // A leading underscore marks a value left out on purpose (e.g. a field removed by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: no clocks, timers, DOM or I/O. tests/engine/purity.test.ts checks the same by reading the files.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'Date', 'setTimeout', 'setInterval', 'performance', 'window', 'document', 'process', 'fetch'],
      'no-restricted-imports': ['error', { patterns: ['phaser', 'zustand', 'node:*', 'fs', 'path', '../ai/*', '../cli/*', '../store/*', '../ui/*', '../scenes/*'] }],
    },
  },
);
