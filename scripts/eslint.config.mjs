/**
 * `npm run lint`: ESLint's recommended rules and typescript-eslint's strict
 * preset over scripts/, templates/ and test/. Kept in scripts/ because the
 * top level of the project is fixed (package.json runs it with --config).
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'content/**', 'test/fixtures/**'] },
  js.configs.recommended,
  tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // tsconfig's noUncheckedIndexedAccess types every indexed read as `T | undefined`; after a
      // bounds check or a regex match a `!` is the honest idiom, and the rule would force dead checks.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Matching control characters is the point of the text-hygiene and mail-header checks.
      'no-control-regex': 'off',
      // `{ skipped: _, ...rest }` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Prettier (npm run format, checked by lint) wraps code at 110 columns but never splits a string;
      // this holds every line, comments and strings included, under 120.
      'max-len': ['error', { code: 119, tabWidth: 2, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  {
    // The web edition's browser tests hand functions to puppeteer, which run in the page.
    files: ['test/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
