// Lint for the whole code base, run by `npm test` before the type check. Syntax-level rules only (the type
// check is tsc's job), plus the import rules that keep the module graph a tree: no cycles, and shared code in
// src/lib never reaching into collection or global configs.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

// A string that starts with one of the hub's routes: the site's pages, the admin, the API, assets, health checks.
const PUBLIC_PATH =
  '/^\\u002f(care-areas|commissioning|updates|consultations|parliamentary-questions|documents|governance|recommendations|newsletters?|search|ask|feedback|login|logout|sitemap\\.xml|admin|api|assets|_next|healthz|readyz)([\\u002f?#.]|$)/'

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'dist/**',
      'data/**',
      'media/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'migrations/**',
      'src/payload-types.ts',
      'src/app/(payload)/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      // `import type` for types; `typeof import('…')` stays allowed for modules loaded lazily.
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false, fixStyle: 'separate-type-imports' }],
      // Input guards match control characters on purpose (NUL, C0 controls in text and headers).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/collections/**', '**/collections', '**/globals/**', '**/globals'],
              message: 'Shared code in src/lib must not depend on collection or global configs: move what it needs into src/lib.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every public address is built by src/lib/routes, so a route changes in one place.
    files: ['src/**', 'collections/**', 'globals/**', 'seed/**'],
    ignores: ['src/lib/routes/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          `Literal[value=${PUBLIC_PATH}]`,
          `TemplateLiteral > TemplateElement:first-child[value.raw=${PUBLIC_PATH}]`,
          // The home page (and its sections) as a link target.
          "JSXAttribute[name.name='href'] > Literal[value=/^\\u002f(#.*)?$/]",
          "Property[key.name='href'] > Literal[value=/^\\u002f(#.*)?$/]",
        ].map((selector) => ({
          message: 'Build public addresses with src/lib/routes, not by hand.',
          selector,
        })),
      ],
    },
  },
  {
    // Tests and benchmarks read JSON answers of many shapes; typing each would only restate the assertions.
    files: ['tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  prettier,
)
