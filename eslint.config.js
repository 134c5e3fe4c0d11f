// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable region takes the focus so the keyboard can scroll it (axe's
      // scrollable-region-focusable; src/ui/TableScroll.tsx), as a tab panel may.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
      // Only src/db and src/sync talk to RxDB (conventions: one wrapper, like Excalidraw's jotai).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['rxdb', 'rxdb/*'],
              message: 'Use src/db or src/sync: only they import RxDB.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**', 'src/sync/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The domain is pure: shared with the server, no React, no RxDB, no browser.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'rxdb',
                'rxdb/*',
                'react',
                'react-dom',
                '../db/*',
                '../sync/*',
                '../features/*',
              ],
              message: 'src/domain stays pure.',
            },
          ],
        },
      ],
    },
  },
);
