// autocannon ships no types: just the part of its API the bench uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    /** Called before every request this entry sends; answers the request to send. */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request
  }

  export interface Options {
    url: string
    /** Sent in turn by every connection; each may rebuild itself per request (setupRequest). */
    requests?: Request[]
    connections?: number
    duration?: number
    method?: string
    headers?: Record<string, string>
    timeout?: number
    pipelining?: number
  }

  export interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p99: number
  }

  export interface Result {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    latency: Histogram
    requests: Histogram & { sent: number }
    statusCodeStats: Record<string, { count: number }>
  }

  export type Instance = EventEmitter &
    PromiseLike<Result> & {
      stop(): void
      /** Every response, with its time in (fractional) milliseconds. */
      on(
        event: 'response',
        listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void,
      ): Instance
    }

  export default function autocannon(options: Options): Instance
}
