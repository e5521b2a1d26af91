// Lint is part of `npm test`: warnings fail the run (--max-warnings 0).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const seededChance = { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded generator (src/engine/rng.ts).' };

// Ids come from data: a record keyed by them must have no prototype, or "constructor" reads
// the Object function and a write through it changes a built-in (issue 8, D1). Tests may
// build plain objects on purpose (they play the part of foreign callers), so these apply
// to the game's own code.
const idKeyedRecords = [
  { selector: "CallExpression[callee.object.name='Object'][callee.property.name='fromEntries']", message: 'Keys may be ids from data: use idRecord(entries) (src/engine/records.ts) or a Map.' },
  { selector: "BinaryExpression[operator='in'][left.type!='Literal']", message: "An id may be an inherited name (\"constructor\" is 'in' every object): use Object.hasOwn, own() or a Map." },
  { selector: "AssignmentExpression[operator='??='][right.type='ObjectExpression']", message: 'Keys may be ids from data: use idRecord() (src/engine/records.ts) or a Map.' },
  { selector: "VariableDeclarator[id.typeAnnotation.typeAnnotation.typeName.name='Record'][init.type='ObjectExpression'][init.properties.length=0]", message: 'A Record is keyed by ids from data: make it with idRecord() (src/engine/records.ts) or use a Map.' },
  { selector: 'ForInStatement', message: 'for…in also walks inherited keys: use Object.keys, or a Map.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-test-*/**', 'dist-bench/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-syntax': ['error', seededChance],
      '@typescript-eslint/consistent-type-imports': 'error',
      // A leading underscore marks a value left out on purpose (e.g. a field removed by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'scripts/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', seededChance, ...idKeyedRecords] },
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
