// Lint gate (`npm run lint`, --max-warnings=0). Beyond style, it enforces the architecture of STYLE.md habit 6:
// imports flow one way, the BFF never learns its upstream, and third-party libraries are wrapped once.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import pluginQuery from '@tanstack/eslint-plugin-query';
import playwright from 'eslint-plugin-playwright';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/web', from: './src/server', message: 'The SPA talks to the BFF over HTTP only.' },
            { target: './src/web', from: './src/emulator', message: 'The SPA never knows the upstream.' },
            {
              target: './src/server',
              from: './src/emulator',
              message: 'The BFF must not know its upstream: wire demo mode in src/start.ts.',
            },
            { target: './src/server', from: './src/web' },
            {
              target: './src/emulator',
              from: './src/server',
              message: 'The emulator stands in for Sentroy; it knows nothing of the console.',
            },
            { target: './src/emulator', from: './src/web' },
            {
              target: './src/contract',
              from: ['./src/server', './src/emulator', './src/web', './src/mail'],
              message: 'The contract depends on nothing of ours.',
            },
            {
              target: './src/mail',
              from: ['./src/server', './src/emulator', './src/web'],
              message: 'src/mail is shared logic without HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    extends: [jsxA11y.flatConfigs.recommended],
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      // Wrap third-party libraries once (STYLE habit 7).
      'no-restricted-imports': ['error', { paths: [{ name: 'dompurify', message: 'Use @web/lib/sanitize-html.' }] }],
    },
  },
  {
    files: ['src/web/lib/sanitize-html.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['e2e/**/*.ts'],
    extends: [playwright.configs['flat/recommended']],
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
