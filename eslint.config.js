// ESLint for packetwalk (flat config). `npm run lint` runs it, then Prettier's check.
// The engine's one-way rule (DESIGN.md) lives here: src/ imports neither the app, React,
// zustand nor d3-selection, touches no DOM global, and reads no clock or Math.random.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What the engine may not import: the app, and the libraries that draw it. */
const ENGINE_FORBIDDEN_IMPORTS = {
  paths: [
    { name: 'react', message: 'src/ is the engine: no React (DESIGN.md, one-way data flow).' },
    { name: 'zustand', message: 'src/ is the engine: the store belongs to app/.' },
    { name: 'd3-selection', message: 'src/ is the engine: d3-selection touches the DOM.' },
  ],
  patterns: [
    { group: ['react/*', 'react-dom', 'react-dom/*', 'zustand/*'], message: 'src/ is the engine: no React or store.' },
    { group: ['**/app', '**/app/*', '**/app/**', '/app/**'], message: 'src/ never imports app/: data flows one way.' },
  ],
};

/** DOM globals the engine may not touch (tsconfig.engine.json has no DOM lib either). */
const ENGINE_FORBIDDEN_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'location', 'self'].map((name) => ({
  name,
  message: `src/ is the engine: it never touches ${name}.`,
}));

/** Determinism: a seed drives every random choice and simulated time drives every timer. */
const ENGINE_FORBIDDEN_PROPERTIES = [
  { object: 'Math', property: 'random', message: 'src/ is deterministic: draw from the scenario seed (net/rng.ts).' },
  { object: 'Date', property: 'now', message: 'src/ is deterministic: use the simulated clock (world.now).' },
  { object: 'performance', property: 'now', message: 'src/ is deterministic: use the simulated clock (world.now).' },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-single/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/e2e/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', ENGINE_FORBIDDEN_IMPORTS],
      'no-restricted-globals': ['error', ...ENGINE_FORBIDDEN_GLOBALS],
      'no-restricted-properties': ['error', ...ENGINE_FORBIDDEN_PROPERTIES],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'tests/app/**/*.{ts,tsx}', 'tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  prettier,
);
