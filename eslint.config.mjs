// ESLint (flat config) with typescript-eslint's recommended rules, for every TypeScript file of
// the project. Formatting is Prettier's job (.prettierrc.json), so no stylistic rules here.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-host/', '.bench/', 'test/fixtures/', 'test/integration/fixtures/', 'examples/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
      // `import x = require('…')` is TypeScript's own CommonJS import (used where a module object itself is needed).
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // Matching control characters is deliberate here: output escaping, URL and order-id checks.
      'no-control-regex': 'off',
    },
  },
  {
    // Build scripts, benchmarks and the test host run on Node as plain ES modules or CommonJS.
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        queueMicrotask: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
