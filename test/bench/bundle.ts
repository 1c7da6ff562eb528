/**
 * Figure 10: the HTTP Lambda's bundle, built as `cdk synth` builds it (infra/lib/node-bundling.ts
 * through the workspace's esbuild), before and after the English model left the main file: the
 * size of the main file and of the lazy files beside it, the time `import()` of the bundle takes in
 * a fresh Node process (a cold start's module load, without Lambda's own start), and the time of
 * the first English comment (the lazy load). "Before" is built from the sources of
 * `bundleBaseline` (git archive into a temp folder), with that commit's own bundling options.
 */
import { execFileSync, execSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import {
  httpBundling,
  lazyModuleCommands,
  lazyModules,
  nodeBundling,
} from '../../infra/lib/node-bundling'

/** The commit before the model moved out (wip/ingest's base): the bundle's "before". */
export const bundleBaseline = process.env.BENCH_BUNDLE_BEFORE ?? 'b5cffd8'
/** Fresh Node processes per timing; the median is reported. */
export const bundleRuns = 7

export interface BundleSide {
  /** index.mjs, the file every cold start loads. */
  mainBytes: number
  /** Each lazy package file beside it (none before). */
  lazyBytes: Record<string, number>
  importMs: number[]
  /** The first English comment read through the shipped files (after only). */
  firstEnglishMs?: number[]
}

export interface BundleFigures {
  date: string
  command: string
  /** The 1-minute load average when it started: the timings are only as quiet as the machine. */
  loadAverage: number
  baseline: string
  before: BundleSide | { skipped: string }
  after: BundleSide
}

/** The esbuild options CDK derives from the bundling options (see its `buildEsbuildArgs`). */
async function bundle(entry: string, outfile: string, external: readonly string[]) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: nodeBundling.target,
    mainFields: nodeBundling.mainFields,
    banner: { js: nodeBundling.banner ?? '' },
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    external: [...external],
    logLevel: 'warning',
  })
}

/** Runs `script` in a fresh `node` and reads the number it prints last. */
function timeInFreshNode(script: string, cwd: string): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    env: {
      ...process.env,
      TABLE_NAME: 'touchpoint',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    encoding: 'utf8',
  })
  return Number(out.trim().split('\n').at(-1))
}

function importTimes(main: string): number[] {
  const url = pathToFileURL(main).href
  const script = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t)`
  return Array.from({ length: bundleRuns }, () => timeInFreshNode(script, join(main, '..')))
}

/** Our English reader, bundled with the same externals, reading one comment from the shipped files. */
async function firstEnglishTimes(outDir: string, repo: string): Promise<number[]> {
  const entry = join(outDir, 'first-english.ts')
  writeFileSync(
    entry,
    `import { createEnglishReader } from ${JSON.stringify(join(repo, 'functions/src/ingest/english-scorer'))}\n` +
      'export const readEnglish = createEnglishReader()\n',
  )
  const file = join(outDir, 'first-english.mjs')
  await bundle(entry, file, httpBundling.externalModules ?? [])
  const url = pathToFileURL(file).href
  const script =
    `const { readEnglish } = await import(${JSON.stringify(url)}); const t = performance.now(); ` +
    "await readEnglish('The doctor did not listen and I waited an hour.'); console.log(performance.now() - t)"
  return Array.from({ length: bundleRuns }, () => timeInFreshNode(script, outDir))
}

function sizeOf(file: string): number {
  return statSync(file).size
}

async function side(tree: string, outDir: string, lazy: readonly string[], repo: string) {
  const main = join(outDir, 'index.mjs')
  await bundle(join(tree, 'functions/src/handlers/http.ts'), main, [
    ...(nodeBundling.externalModules ?? []),
    ...lazy,
  ])
  for (const name of lazy) {
    for (const command of lazyModuleCommands(name, outDir)) execSync(command, { shell: 'bash' })
  }
  const result: BundleSide = {
    mainBytes: sizeOf(main),
    lazyBytes: Object.fromEntries(
      lazy.map((name) => [name, sizeOf(join(outDir, 'node_modules', name, 'index.js'))]),
    ),
    importMs: importTimes(main),
  }
  if (lazy.length) result.firstEnglishMs = await firstEnglishTimes(outDir, repo)
  return result
}

/**
 * @example
 * const figures = await measureBundle(repoRoot, 'npm run bench')
 * figures.after.mainBytes // under 1,000,000
 */
export async function measureBundle(repo: string, command: string): Promise<BundleFigures> {
  // Inside the repository, so the bundles find the installed @aws-sdk as Lambda's runtime would.
  const loadAverage = loadavg()[0] ?? Number.NaN
  const work = join(repo, 'test', '.tmp', 'bench-bundle')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const baselineTree = mkdtempSync(join(tmpdir(), 'touchpoint-bundle-before-'))
  try {
    let before: BundleFigures['before']
    try {
      execSync(
        `git -C ${JSON.stringify(repo)} archive ${bundleBaseline} functions workshops tsconfig.json | tar -x -C ${JSON.stringify(baselineTree)}`,
        { shell: 'bash', stdio: ['ignore', 'ignore', 'pipe'] },
      )
      symlinkSync(join(repo, 'node_modules'), join(baselineTree, 'node_modules'))
      before = await side(baselineTree, join(work, 'before'), [], repo)
    } catch (err) {
      before = { skipped: `could not build ${bundleBaseline}: ${String(err).split('\n')[0]}` }
    }
    const after = await side(repo, join(work, 'after'), lazyModules, repo)
    const date = new Date().toISOString()
    return { date, command, loadAverage, baseline: bundleBaseline, before, after }
  } finally {
    rmSync(baselineTree, { recursive: true, force: true })
    rmSync(work, { recursive: true, force: true })
  }
}
