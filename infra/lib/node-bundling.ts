import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs'
import { paths } from './paths'

/**
 * How every Lambda of the stack is bundled: the workspace's esbuild (never Docker), ESM for
 * Node.js 22, minified with source maps, and without the AWS SDK the runtime already ships.
 *
 * @example
 * new nodejs.NodejsFunction(this, 'Handler', { entry, bundling: nodeBundling })
 */
export const nodeBundling: nodejs.BundlingOptions = {
  // Never Docker: the workspace's esbuild is installed, and Docker may not be.
  forceDockerBundling: false,
  format: nodejs.OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS and call require(), which ESM output lacks.
  banner:
    "import { createRequire as topLevelCreateRequire } from 'node:module';" +
    'const require = topLevelCreateRequire(import.meta.url);',
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // The Node.js 22 runtime ships AWS SDK v3; bundling it again only adds cold-start time.
  externalModules: ['@aws-sdk/*'],
}

/**
 * Packages the HTTP Lambda imports with `import()` on first use (wink's English model, 3.6 MB of
 * the 4.6 MB it had): a dynamic import inside one esbuild bundle is inlined and parsed at every
 * cold start, so they are left external and each ships beside the bundle as one file,
 * `node_modules/<name>/index.js`, where Node resolves the bare `import('<name>')`.
 */
export const lazyModules = [
  'wink-nlp',
  'wink-eng-lite-web-model',
  // zxcvbn's password lists (about 1.5 MB), read only when someone chooses a new password.
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
  '@zxcvbn-ts/language-en',
  'qrcode',
  // Only the CSV imports read CSV.
  'csv-parse',
] as const

const fromFunctions = createRequire(join(paths.repoRoot, 'functions', 'package.json'))
const esbuildBin = join(dirname(fromFunctions.resolve('esbuild/package.json')), 'bin', 'esbuild')

/** Single-quoted for bash, which runs the bundling hooks. */
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`

/**
 * The shell commands that write one lazy package into a bundle's `node_modules`: the package
 * bundled by the same esbuild into one CommonJS file (it is CommonJS), minified, with a
 * package.json that says so whatever surrounds it.
 *
 * @example
 * lazyModuleCommands('wink-nlp', '/asset-output')
 * // ["mkdir -p '/asset-output/node_modules/wink-nlp'", "'…/esbuild' '…/wink-nlp.js' --bundle …", …]
 */
export function lazyModuleCommands(name: string, outputDir: string): string[] {
  const dir = join(outputDir, 'node_modules', name)
  const { version } = packageJsonOf(name)
  const packageJson = JSON.stringify({ name, version, type: 'commonjs', main: 'index.js' })
  return [
    `mkdir -p ${quote(dir)}`,
    [
      quote(esbuildBin),
      quote(fromFunctions.resolve(name)),
      '--bundle --platform=node --format=cjs --target=node22 --minify --log-level=warning',
      `--outfile=${quote(join(dir, 'index.js'))}`,
    ].join(' '),
    `printf '%s' ${quote(packageJson)} > ${quote(join(dir, 'package.json'))}`,
  ]
}

/**
 * A package's own package.json, also for packages whose `exports` hide it (csv-parse): found by
 * walking up from its resolved entry to the folder named after it.
 */
function packageJsonOf(name: string): { version: string } {
  let dir = dirname(fromFunctions.resolve(name))
  while (!dir.endsWith(join('node_modules', name))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no package.json found for ${name}`)
    dir = parent
  }
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }
}

/**
 * The HTTP Lambda's bundling: every Lambda's, with the lazy packages kept out of `index.mjs` and
 * written beside it (the WebSocket Lambda never reads a comment, so it does not carry them).
 *
 * @example
 * new nodejs.NodejsFunction(this, 'Handler', { entry: paths.httpHandler, bundling: httpBundling })
 */
export const httpBundling: nodejs.BundlingOptions = {
  ...nodeBundling,
  externalModules: [...(nodeBundling.externalModules ?? []), ...lazyModules],
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir, outputDir) =>
      lazyModules.flatMap((name) => lazyModuleCommands(name, outputDir)),
  },
}
