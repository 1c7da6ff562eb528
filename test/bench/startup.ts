/**
 * Time from `node scripts/start.mjs` to the first 200 from /api/health.
 *
 * The runs happen in a mirror of the repository in a temp directory: real copies of the sources
 * (scripts/, functions/, web/ and workshops/ without build output) and symlinks to the installed node_modules.
 * The cold run starts with no web/build (nor web/.svelte-kit), as after a fresh clone, and builds
 * it; the warm runs reuse that build. The working tree is never touched, so an interrupted bench
 * cannot leave it without its build, and a session editing web/ meanwhile cannot race the bench.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../functions/src/local/dynamodb-local'
import { isPortFree, sleep, spawnGroup } from './proc'

/** Copied as-is from the repository root when present. */
const rootFiles = ['package.json', 'tsconfig.json', '.npmrc']
/**
 * Workspaces start.mjs needs (functions and web import the workshops catalogue), and what not to
 * copy from each (output, installed packages).
 */
const workspaces: Record<string, string[]> = {
  functions: ['node_modules', 'cdk.out'],
  web: ['node_modules', 'build', '.svelte-kit'],
  workshops: ['node_modules'],
}

export interface Mirror {
  root: string
  remove(): void
}

export function makeMirror(repo: string): Mirror {
  const root = mkdtempSync(join(tmpdir(), 'touchpoint-bench-'))
  const remove = () => rmSync(root, { recursive: true, force: true })
  try {
    for (const file of rootFiles) {
      if (existsSync(join(repo, file))) cpSync(join(repo, file), join(root, file))
    }
    cpSync(join(repo, 'scripts'), join(root, 'scripts'), { recursive: true })
    symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir')
    for (const [name, skip] of Object.entries(workspaces)) {
      mkdirSync(join(root, name))
      for (const entry of readdirSync(join(repo, name))) {
        if (skip.includes(entry)) continue
        cpSync(join(repo, name, entry), join(root, name, entry), { recursive: true })
      }
      if (existsSync(join(repo, name, 'node_modules'))) {
        symlinkSync(join(repo, name, 'node_modules'), join(root, name, 'node_modules'), 'dir')
      }
    }
  } catch (err) {
    remove()
    throw err
  }
  return { root, remove }
}

export interface StartRun {
  /** Seconds from spawn to the first 200 from /api/health. */
  seconds: number
  /** Seconds from spawn to the "Touchpoint is running at" line. */
  announcedSeconds: number | undefined
  built: boolean
}

/** The environment of a person running `npm start` with nothing configured, on a chosen port. */
function startEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    // npm_* (from `npm run bench`) would point the inner `npm run build -w web` at the real tree.
    if (name.startsWith('npm_') || name.startsWith('BENCH_')) continue
    env[name] = value
  }
  for (const name of [
    'DYNAMODB_ENDPOINT',
    'TABLE_NAME',
    'AWS_ACCESS_KEY_ID',
    'AWS_PROFILE',
    'HOST',
  ]) {
    delete env[name]
  }
  return {
    ...env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
    await res.arrayBuffer()
    return res.status === 200
  } catch {
    return false
  }
}

/**
 * Start the product from `root`, poll /api/health every 25 ms until it answers 200, then stop the
 * whole process group (node, the JVM, the JVM's watchdog) and check the port is free again.
 */
export async function timeStart(
  root: string,
  expectBuild: boolean,
  timeoutMs: number,
): Promise<StartRun> {
  const port = await freePort()
  // Inside the mirror, so that removing the mirror removes it even if this run is interrupted.
  const dataDir = mkdtempSync(join(root, 'data-'))
  const url = `http://127.0.0.1:${port}/api/health`
  let announcedAt: number | undefined
  let built = false
  const started = performance.now()
  const group = spawnGroup(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: startEnv(port, dataDir),
    onLine: (line) => {
      if (/Building the web app|rebuilding/.test(line)) built = true
      if (line.startsWith('Touchpoint is running at')) announcedAt ??= performance.now()
    },
  })
  try {
    const deadline = started + timeoutMs
    for (;;) {
      if (await healthy(url)) break
      if (group.child.exitCode !== null || group.child.signalCode !== null) {
        throw new Error(`npm start exited before answering:\n${group.output()}`)
      }
      if (performance.now() > deadline) {
        throw new Error(
          `npm start did not answer ${url} within ${timeoutMs / 1000} s:\n${group.output()}`,
        )
      }
      await sleep(25)
    }
    const seconds = (performance.now() - started) / 1000
    if (built !== expectBuild) {
      throw new Error(
        `npm start ${built ? 'built' : 'did not build'} the web app, expected the opposite:\n` +
          group.output(),
      )
    }
    return {
      seconds,
      announcedSeconds: announcedAt === undefined ? undefined : (announcedAt - started) / 1000,
      built,
    }
  } finally {
    await group.stop().finally(() => rmSync(dataDir, { recursive: true, force: true }))
    // A leftover server or JVM would skew every later figure: fail the bench (after cleanup).
    const stillInUse = !(await isPortFree(port))
    // eslint-disable-next-line no-unsafe-finally -- failing loudly here is the point
    if (stillInUse) throw new Error(`Port ${port} is still in use after stopping npm start`)
  }
}
