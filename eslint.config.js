// ESLint 9 flat config: typescript-eslint (recommended), eslint-plugin-lit and eslint-plugin-wc
// (recommended + best practice) on the sources, tests, demo and scripts. Generated files and
// builds are not linted. Template type checking is lit-analyzer's job (`npm run lint:lit`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-demo/**', 'node_modules/**', 'src/generated/**', '.tmp/**', 'coverage/**', 'custom-elements.json', 'examples/**/dist/**', 'examples/**/node_modules/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'demo/**/*.ts', 'test/browser/**/*.ts', 'test/harness/**/*.ts', 'examples/**/*.{ts,js}'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `x!` after a check the compiler cannot follow (noUncheckedIndexedAccess) is the house style.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'prefer-const': ['error', { destructuring: 'all' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off', // the input checks match control characters on purpose
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Lit elements define themselves guarded (`if (!customElements.get(…))`), as the README documents.
    files: ['src/**/*.ts'],
    rules: { 'wc/guard-define-call': 'off', 'wc/define-tag-after-class-definition': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.{ts,js,mjs}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-expressions': 'off', 'no-sparse-arrays': 'off' },
  },
  {
    // Character classes of combining marks, on purpose (search folds diacritics away).
    files: ['src/model/search.ts'],
    rules: { 'no-misleading-character-class': 'off' },
  },
);
