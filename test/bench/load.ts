/**
 * Throughput comparisons. Two sides (say the API and the raw SDK) are each warmed up, then measured
 * in alternating windows, A B then B A, so that drift (a JVM still compiling, another process on the
 * machine) falls on both sides alike. Each side's figure is its completed requests over its
 * measured seconds; latency percentiles are over every request of its windows; CPU seconds per
 * process are read from /proc around each window.
 */
import autocannon, { type Options, type Result } from 'autocannon'
import { cpuSeconds, machineBusySeconds, ownCpuSeconds, type Group } from './proc'

export interface LoadSettings {
  connections: number
  warmupSeconds: number
  /** Measured seconds per side, split into `rounds` windows. */
  durationSeconds: number
  rounds: number
}

export interface Watched {
  name: string
  pid: number
}

/** One measured window of one side. */
export interface Window {
  completed: number
  seconds: number
  latencies: number[]
  /** CPU seconds each process used in the window. */
  cpu: { name: string; seconds: number }[]
  /** CPU seconds all cores spent busy in the window, ours or not (other sessions, the OS). */
  machineBusy: number
  /** Transaction retries after conflicts (raw submit loop only; the API's are not visible). */
  retries?: number
}

export interface Side {
  warm(seconds: number): Promise<void>
  measure(seconds: number): Promise<Window>
}

export interface Throughput {
  /** Completed requests (or raw read chains) per second over the measured windows. */
  perSecond: number
  completed: number
  seconds: number
  p50: number
  p99: number
  /** Requests per second of each window, in the order measured. */
  windows: number[]
  cpu: { name: string; seconds: number }[]
  machineBusy: number
  /** Transaction retries over the measured windows, where the side reports them. */
  retries?: number
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

function combine(windows: Window[]): Throughput {
  const completed = windows.reduce((sum, w) => sum + w.completed, 0)
  const seconds = windows.reduce((sum, w) => sum + w.seconds, 0)
  const latencies = windows.flatMap((w) => w.latencies).sort((a, b) => a - b)
  const cpu = (windows[0]?.cpu ?? []).map((proc, i) => ({
    name: proc.name,
    seconds: windows.reduce((sum, w) => sum + (w.cpu[i]?.seconds ?? 0), 0),
  }))
  return {
    perSecond: completed / seconds,
    completed,
    seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    windows: windows.map((w) => w.completed / w.seconds),
    cpu,
    machineBusy: windows.reduce((sum, w) => sum + w.machineBusy, 0),
    ...(windows.some((w) => w.retries !== undefined) && {
      retries: windows.reduce((sum, w) => sum + (w.retries ?? 0), 0),
    }),
  }
}

/** Warm both sides, then measure them in `rounds` windows each, alternating A B, B A, A B… */
export async function compare(
  a: Side,
  b: Side,
  settings: LoadSettings,
): Promise<{ a: Throughput; b: Throughput }> {
  await a.warm(settings.warmupSeconds)
  await b.warm(settings.warmupSeconds)
  const window = settings.durationSeconds / settings.rounds
  const measured = { a: [] as Window[], b: [] as Window[] }
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)
    for (const side of order) measured[side].push(await (side === 'a' ? a : b).measure(window))
  }
  return { a: combine(measured.a), b: combine(measured.b) }
}

function checkClean(what: string, result: Result) {
  if (result.errors === 0 && result.timeouts === 0 && result.non2xx === 0) return
  const codes = Object.entries(result.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(', ')
  throw new Error(
    `${what}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx ` +
      `(status codes: ${codes || 'none'}); the figure would be meaningless`,
  )
}

/** Sample CPU counters before and after `work`. */
async function sampled<T>(watched: Watched[], work: () => Promise<T>) {
  const busyBefore = machineBusySeconds()
  const before = watched.map((proc) => cpuSeconds(proc.pid))
  const value = await work()
  const after = watched.map((proc) => cpuSeconds(proc.pid))
  const machineBusy = machineBusySeconds() - busyBefore
  const cpu = watched.map((proc, i) => ({
    name: proc.name,
    seconds: (after[i] ?? 0) - (before[i] ?? 0),
  }))
  return { value, cpu, machineBusy }
}

/**
 * autocannon from this process against `url`; `watched` are the processes serving it. `requests`
 * replaces the plain GET (a POST whose body each request builds afresh, say).
 */
export function autocannonSide(
  what: string,
  url: string,
  headers: Record<string, string>,
  connections: number,
  watched: Watched[],
  requests?: Options['requests'],
): Side {
  const run = async (seconds: number, latencies?: number[]) => {
    const instance = autocannon({
      url,
      connections,
      duration: seconds,
      headers,
      timeout: 10,
      ...(requests && { requests }),
    })
    // autocannon's own histogram has 1 ms steps and cannot merge windows: keep every response time.
    if (latencies) instance.on('response', (_c, _s, _b, ms: number) => latencies.push(ms))
    const result = await instance
    checkClean(what, result)
    return result
  }
  return {
    async warm(seconds) {
      await run(seconds)
    },
    async measure(seconds) {
      const latencies: number[] = []
      const ownBefore = ownCpuSeconds()
      const {
        value: result,
        cpu,
        machineBusy,
      } = await sampled(watched, () => run(seconds, latencies))
      cpu.push({
        name: 'load generator (autocannon, bench process)',
        seconds: ownCpuSeconds() - ownBefore,
      })
      return {
        completed: result.requests.total,
        seconds: result.duration,
        latencies,
        cpu,
        machineBusy,
      }
    },
  }
}

interface RawWindow {
  completed: number
  errors: number
  retries?: number
  firstError?: string
  elapsedMs: number
  cpuSeconds: number
  latencies: number[]
}

/** The raw-SDK loop in its child process (target.ts `raw`), driven through its stdin. */
export function rawSide(group: Group, watched: Watched[]): Side {
  const event = (name: string) => (line: string) => line.startsWith(`{"event":"${name}"`)
  const margin = 30_000
  return {
    async warm(seconds) {
      const done = group.waitForLine(event('warmed'), 'raw SDK warm-up', seconds * 1000 + margin)
      group.send(`warmup ${seconds * 1000}`)
      const warmed = JSON.parse(await done) as { errors: number }
      if (warmed.errors > 0) throw new Error(`raw SDK warm-up: ${warmed.errors} failed iterations`)
    },
    async measure(seconds) {
      const {
        value: line,
        cpu,
        machineBusy,
      } = await sampled(watched, () => {
        const done = group.waitForLine(event('window'), 'raw SDK window', seconds * 1000 + margin)
        group.send(`measure ${seconds * 1000}`)
        return done
      })
      const window = JSON.parse(line) as RawWindow
      if (window.errors > 0) {
        throw new Error(
          `raw SDK loop: ${window.errors} failed iterations, first: ${window.firstError}`,
        )
      }
      return {
        completed: window.completed,
        seconds: window.elapsedMs / 1000,
        latencies: window.latencies,
        cpu: [{ name: 'raw SDK loop (child process)', seconds: window.cpuSeconds }, ...cpu],
        machineBusy,
        retries: window.retries,
      }
    },
  }
}
