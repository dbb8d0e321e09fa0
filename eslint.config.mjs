// ESLint for the whole workspace, run once from the root by `pnpm lint` (after the kernel purity
// check). TypeScript files get typescript-eslint's type-aware rules with the package's own tsconfig
// (the kernel's tests have their own, with Node types the kernel itself may not use); React files
// get the hooks rules; tool config files are linted without types.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', '**/.data/**', '.reports/**', '**/coverage/**', 'packages/db/migrations/**'],
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['apps/*/tsconfig.json', 'packages/*/tsconfig.json', 'packages/domain/tsconfig.tests.json', 'e2e/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The rules this project asked for by name: a forgotten promise loses a write or an error;
      // a union switch without a case for every member hides a lifecycle state.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Off: fastify plugins and the seed drivers implement async interfaces with bodies that need
      // no await; an async function there is the interface, not a mistake.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests: vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed any, and
    // fakes implement async interfaces without awaiting; the promise rules stay on.
    files: ['**/*.test.ts', '**/*.spec.ts', '**/test-support.ts', '**/testing/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.config.ts', '**/vite.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['apps/{portal,whistleblower,console}/src/**/*.tsx', 'apps/{portal,whistleblower,console}/src/**/*.ts', 'packages/ui/src/**/*.{ts,tsx}', 'packages/client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
