import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs'

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
