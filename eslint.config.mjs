// `npm run lint`: ESLint with typescript-eslint and the React hooks rules, zero warnings allowed.
// Folder rules (who may import whom) are dependency-cruiser's job (.dependency-cruiser.js).
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.temp/**',
      '.swc/**',
      'node_modules/**',
      'coverage/**',
      // Scripts bundled by the benchmarks and the set-up step (gitignored build output).
      '.build/**',
      // Bundled cloud functions (build output).
      'cloudfunctions/*/index.js',
      // Mini-program fixture for the WeChat check: plain WeChat runtime code (App, Page, wx globals).
      'tests/weapp/fixture/**',
      '**/*.map',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules only: the plugin's React Compiler rules (purity, refs, set-state in
    // effects) would rewrite most pages for a compiler this app does not use.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        __filename: 'readonly',
      },
    },
    rules: {
      // `const { secret, ...rest } = x` is how a field is left out.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Plain CommonJS configs and the jest transform: require is how they import.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A router suite run again over CloudBase: it is loaded inside a describe, after the adapter
    // switch, so its tests register there; an import would run it before the switch.
    files: ['**/*.cloudbase.test.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
