import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the fake got, as a test asserts it (e.g. that no token is in a URL). */
export interface RecordedRequest {
  method: string
  /** Path and query, as sent. */
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** What the fake answers one request with. */
export interface FakeAnswer {
  status: number
  headers?: Record<string, string>
  body?: unknown
}

/** An answer forced on the next matching request (a 429, a 500, an error body). */
export interface InjectedAnswer extends FakeAnswer {
  /** Which requests it applies to: a path fragment (`/reviews`, `/token`). */
  on: string
}

export interface FakeSite {
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

/**
 * A real `node:http` server on a free port of 127.0.0.1: each request is recorded, then answered
 * by the first injected answer whose `on` matches its path (used up), else by `answer`.
 */
export async function startFakeSite(
  injected: InjectedAnswer[],
  answer: (request: RecordedRequest, url: URL) => FakeAnswer,
): Promise<FakeSite> {
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(request)
      const url = new URL(request.url, 'http://fake.test')
      const forced = injected.findIndex((entry) => url.pathname.includes(entry.on))
      let reply: FakeAnswer
      try {
        reply = forced >= 0 ? injected.splice(forced, 1)[0]! : answer(request, url)
      } catch (err) {
        reply = { status: 500, body: { error: { message: String(err) } } }
      }
      const text = reply.body === undefined ? '' : JSON.stringify(reply.body)
      res.writeHead(reply.status, {
        ...(text ? { 'content-type': 'application/json; charset=UTF-8' } : {}),
        ...reply.headers,
      })
      res.end(text)
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** The Bearer token of a request, or undefined. */
export const bearerOf = (request: RecordedRequest) =>
  /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1]
