// ESLint with typescript-eslint's type-aware rules (`npm run lint`): the promise and
// exhaustiveness mistakes the compiler lets through — a promise nobody awaits or
// catches, an async function where a callback's result is ignored, a `switch` over a
// union that forgets a member (a new statement kind then fails here wherever it is not
// handled). Types come from the five TypeScript projects that `npm run typecheck` checks.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.cache/**', 'server/src/language/generated/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'client/webview/**/*.ts', 'playground/src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        project: ['server/tsconfig.json', 'client/tsconfig.json', 'client/webview/tsconfig.json', 'playground/tsconfig.json', 'test/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // Directives for rules this config does not run (e.g. prefer-rest-params) are not "unused".
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
);
