/** Start target.ts in a child process (see there) and, for `full`, sign a practice owner in. */
import { fileURLToPath } from 'node:url'
import { freePort } from '../../functions/src/local/dynamodb-local'
import { isPortFree, spawnGroup, type Group } from './proc'

const targetPath = fileURLToPath(new URL('./target.ts', import.meta.url))
const repo = fileURLToPath(new URL('../..', import.meta.url))

export interface TargetSettings {
  endpoint: string
  table: string
}

function spawnTarget(mode: 'full' | 'bare' | 'raw' | 'submit', env: Record<string, string>): Group {
  return spawnGroup(process.execPath, ['--import', 'tsx', targetPath, mode], {
    cwd: repo,
    stdin: mode === 'raw' || mode === 'submit',
    env: {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      LOG_LEVEL: 'silent',
      ...env,
    },
  })
}

export interface RunningServer {
  url: string
  pid: number
  /** Whether web/build existed, so the full server also served the web app (as `npm start` does). */
  webBuild: boolean
  stop(): Promise<void>
}

/** `env` adds settings (PUBLIC_SUBMIT_RATE_LIMIT, BENCH_WEB_BUILD…) to the server's environment. */
export async function startServer(
  mode: 'full' | 'bare',
  { endpoint, table }: TargetSettings,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort()
  const group = spawnTarget(mode, {
    ...env,
    BENCH_ENDPOINT: endpoint,
    BENCH_TABLE: table,
    BENCH_PORT: String(port),
  })
  const stop = async () => {
    await group.stop()
    if (!(await isPortFree(port))) throw new Error(`Port ${port} is still in use after stopping`)
  }
  try {
    const line = await group.waitForLine(
      (text) => text.startsWith('{"event":"ready"'),
      `starting the ${mode} server`,
      30_000,
    )
    const ready = JSON.parse(line) as { url: string; webBuild?: boolean }
    return { url: ready.url, pid: group.pid, webBuild: ready.webBuild ?? false, stop }
  } catch (err) {
    await stop().catch(() => undefined)
    throw err
  }
}

/**
 * A raw-SDK loop's child process, ready for commands: `raw` does GET /api/me's reads with the
 * session of `token`, `submit` the transaction that accepts a response to `survey` (see target.ts).
 */
export async function startRaw(
  { endpoint, table }: TargetSettings,
  what: { mode: 'raw'; token: string } | { mode: 'submit'; survey: string },
  connections: number,
): Promise<Group> {
  const group = spawnTarget(what.mode, {
    BENCH_ENDPOINT: endpoint,
    BENCH_TABLE: table,
    ...(what.mode === 'raw' ? { BENCH_TOKEN: what.token } : { BENCH_SURVEY: what.survey }),
    BENCH_CONNECTIONS: String(connections),
  })
  try {
    await group.waitForLine(
      (text) => text.startsWith('{"event":"ready"'),
      `starting the raw SDK loop (${what.mode})`,
      30_000,
    )
    return group
  } catch (err) {
    await group.stop().catch(() => undefined)
    throw err
  }
}

/** Create a practice through the API; returns the session cookie and the token inside it. */
export async function signUp(
  url: string,
  practiceName = 'Bench Dermatology',
): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${url}/api/practices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      practiceName,
      specialty: 'dermatology',
      timeZone: 'UTC',
      ownerName: 'Bench Owner',
      email: `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`,
      password: 'a long enough password',
    }),
    signal: AbortSignal.timeout(15_000),
  })
  const body = await res.text()
  if (res.status !== 201) throw new Error(`POST /api/practices answered ${res.status}: ${body}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  if (!cookie.startsWith('tp_session='))
    throw new Error('POST /api/practices set no session cookie')
  const token = decodeURIComponent(cookie.slice('tp_session='.length))

  const me = await fetch(`${url}/api/me`, {
    headers: { cookie },
    signal: AbortSignal.timeout(5_000),
  })
  const meBody = await me.text()
  if (me.status !== 200)
    throw new Error(`GET /api/me with the new session answered ${me.status}: ${meBody}`)
  return { cookie, token }
}
