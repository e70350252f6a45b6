import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

// The layer table of DESIGN.md §1, enforced: each zone lists folders that `target` may NOT import.
const layers = {
  lib: [],
  model: ['lib'],
  api: ['model', 'lib'],
  state: ['model', 'lib'],
  components: ['lib'],
  timeline: ['model', 'lib', 'components', 'state'],
  search: ['model', 'lib', 'components', 'state'],
  compare: ['model', 'lib', 'components', 'state'],
  'dependency-graph': ['model', 'lib', 'components', 'state'],
};
const allFolders = [
  'lib', 'model', 'api', 'state', 'components', 'timeline', 'search', 'compare', 'dependency-graph', 'routes', 'app',
];
const zones = Object.entries(layers).flatMap(([layer, allowed]) =>
  allFolders
    .filter((f) => f !== layer && !allowed.includes(f))
    .map((f) => ({
      target: `./src/${layer}`,
      from: `./src/${f}`,
      message: `DESIGN.md §1: src/${layer} may not import src/${f}.`,
    })),
);

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/out', 'public/mockServiceWorker.js', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    // The layer rule needs imports resolved to files: extension-less TypeScript imports included.
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.d.ts'] })],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'import-x/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Trace data is shown as text; never set HTML from data.',
        },
      ],
    },
  },
);
