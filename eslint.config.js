// @ts-check
// The project's lint: neostandard (the `standard` style the code already follows, for TypeScript too),
// typescript-eslint's type-aware rules where a mistake is silent at run time (a promise nobody awaits, a promise
// passed where a callback's result is ignored), type-only imports kept apart, and React's hook rules.
import neostandard from 'neostandard'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default [
  { ignores: ['dist/**', 'node_modules/**', 'hub/node_modules/**', 'bench/results/**', 'coverage/**'] },
  ...neostandard({ ts: true }),
  {
    rules: {
      // `void promise` is how a deliberate fire-and-forget is written (no-floating-promises accepts it).
      'no-void': ['error', { allowAsStatement: true }],
      // Callbacks are passed by what they do (`onClose={t.close}`), not renamed to handleX for a prop.
      'react/jsx-handler-names': 'off'
    }
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname }
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }]
    }
  },
  {
    // Functions of about 60 lines at most (blank lines and comments apart); a longer one says why in a
    // disable comment on the line before it, with a reason.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] }
  },
  {
    // Tests look for escape sequences on purpose (what reaches a terminal, what must not).
    files: ['test/**'],
    rules: { 'no-control-regex': 'off' }
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error'
    }
  }
]
