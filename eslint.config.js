import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'dist-server/**', 'node_modules/**', 'data/**', 'coverage/**', '.bench-tmp/**', 'tests/compat/v1/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' } },
    rules: {
      'vue/multi-word-component-names': 'off',
      // Layout is not a review topic: these stylistic rules stay off.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/no-v-html': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // Layers (docs/architecture.md, "Layers"): each rule names what a part of the code may not reach.
  {
    files: ['src/app/**/*.{ts,vue}'],
    ignores: ['src/app/api/**'],
    rules: {
      // src/app/api/ is the one place that talks to the network.
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Call the server through src/app/api/.' }],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'fetch', message: 'Call the server through src/app/api/.' },
        { object: 'globalThis', property: 'fetch', message: 'Call the server through src/app/api/.' },
      ],
    },
  },
  {
    // Components render state: IndexedDB and the API are reached through stores and composables.
    files: ['src/app/**/*.vue'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', '**/db/*'], message: 'Components read data through a store or composable.' },
          { group: ['**/api/*'], allowTypeImports: true, message: 'Components call the server through a store.' },
        ],
      }],
      'no-restricted-globals': ['error', 'fetch', 'indexedDB'],
    },
  },
  {
    // The sync engine and the data layer run without Vue (tests and, one day, a worker).
    files: ['src/app/sync/**', 'src/app/db/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vue', 'pinia', 'vue-router', 'vue-i18n'].map((name) => ({ name, message: 'sync/ and db/ stay free of Vue: put the bridge in a store or composable.' })),
        patterns: [{ group: ['@vue/*'], message: 'sync/ and db/ stay free of Vue.' }],
      }],
    },
  },
  {
    // The server never reaches into the app: what both sides share lives in src/shared.
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(\\.\\./)+(src/)?app/', message: 'The server imports from src/shared, never from src/app.' }],
      }],
    },
  },
  {
    // Services hold the rules and speak plain TypeScript: HTTP stays in routes and plugins.
    files: ['src/server/**/*-service.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'fastify', message: 'Services know nothing of HTTP: take plain arguments, return plain values.' }],
        patterns: [
          { regex: '^(\\.\\./)+(src/)?app/', message: 'The server imports from src/shared, never from src/app.' },
          { group: ['@fastify/*'], message: 'Services know nothing of HTTP.' },
          { regex: '-routes(\\.[jt]s)?$', message: 'Routes call services, not the other way round.' },
          { regex: '(^|/)(http|plugins)/', message: 'Services know nothing of HTTP: no src/server/http or src/server/plugins.' },
        ],
      }],
    },
  },
)
