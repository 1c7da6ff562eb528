import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve, upgradeWebSocket, type ServerType } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { ulid } from 'ulid'
import { WebSocketServer, type WebSocket } from 'ws'
import { createApp } from '../api/app'
import type { AppDeps } from '../api/env'
import { createLogger } from '../api/logger'
import { contentSecurityPolicy, pageSecurityHeaders, scriptHashesOf } from '../api/security-headers'
import { unmatchedRoute } from '../api/unmatched-route'
import { createBoardHub } from '../realtime/hub'
import { localSockets } from '../realtime/local-sockets'
import { memoryConnections } from '../realtime/memory-connections'
import { memoryStateCache } from '../realtime/memory-state-cache'
import { socketOriginAllowed } from '../realtime/socket-origin'
import { consumeTicket } from '../store/board-access'
import { resolveEvidence } from '../store/evidence'
import { sessionLimits } from '../domain/session-life'
import { localFileSecrets } from '../secrets/local-file-secrets'

/** The SvelteKit build that `npm run build` writes. */
export const webBuildDir = fileURLToPath(new URL('../../../web/build', import.meta.url))

/**
 * The local product on one port: the web build, `/api` (the same app Lambda serves) and `/ws`.
 */
export function createLocalApp(
  deps: Omit<AppDeps, 'clientAddress' | 'boardHub'>,
  { webBuildDir: buildDir = webBuildDir }: { webBuildDir?: string } = {},
) {
  const logger = deps.logger ?? createLogger(deps.config.LOG_LEVEL)
  const sockets = localSockets()
  // One process holds every socket, so the hub keeps connections and boards in memory.
  const boardHub = createBoardHub({
    db: deps.db,
    connections: memoryConnections(),
    transport: sockets,
    logger,
    cache: memoryStateCache(),
    resolveEvidence: (practiceId, source) => resolveEvidence(deps.db, practiceId, source),
    sessionLimits: sessionLimits(deps.config),
  })
  const api = createApp({
    secrets: localFileSecrets(resolve(deps.config.DATA_DIR)),
    ...deps,
    logger,
    boardHub,
    clientAddress: (c) => getConnInfo(c).remote.address,
  })
  const app = new Hono()

  app.get(
    '/ws',
    async (c, next) => {
      // A page of another site must not open a board socket (see socket-origin.ts).
      const allowed = { publicUrl: deps.config.PUBLIC_URL, host: c.req.header('host') }
      if (socketOriginAllowed(c.req.header('origin'), allowed)) return next()
      const detail = 'Board sockets open only from this site.'
      return c.json({ type: 'about:blank', title: 'Forbidden', status: 403, detail }, 403, {
        'content-type': 'application/problem+json',
      })
    },
    upgradeWebSocket(async (c) => {
      // The ticket (single use, one minute) is spent before the upgrade; it names the board and who.
      // Hono asks for these events before it checks the request is an upgrade at all: a plain GET
      // must not spend the ticket.
      const upgrading = c.req.header('upgrade')?.toLowerCase() === 'websocket'
      const ticket = upgrading ? c.req.query('ticket') : undefined
      const grant = ticket
        ? await consumeTicket(deps.db, ticket).catch((err: unknown) => {
            logger.error({ errorName: errorName(err) }, 'board ticket check failed')
            return undefined
          })
        : undefined
      const connectionId = ulid()
      // Each socket's messages are handled one after another, in the order they arrived, and only
      // once the hub knows the connection.
      let handled: Promise<void> = Promise.resolve()
      const then = (step: () => Promise<void>) => {
        handled = handled.then(step).catch((err: unknown) => {
          logger.error({ connectionId, errorName: errorName(err) }, 'board socket message failed')
        })
      }
      return {
        onOpen(_event, ws) {
          if (!grant) return ws.close(4401, 'Ticket missing, used or expired')
          sockets.attach(connectionId, ws.raw as WebSocket)
          then(() =>
            boardHub.connect({
              connectionId,
              practiceId: grant.practiceId,
              boardId: grant.boardId,
              participant: grant.participant,
              facilitator: grant.facilitator,
              ...(grant.credential && { credential: grant.credential }),
              typing: null,
              connectedAt: new Date().toISOString(),
            }),
          )
        },
        onMessage(event) {
          if (!grant || typeof event.data !== 'string') return
          const text = event.data
          then(() => boardHub.receive(connectionId, text))
        },
        onClose() {
          if (!grant) return
          sockets.detach(connectionId)
          then(() => boardHub.disconnect(connectionId))
        },
      }
    }),
  )
  app.route('/', api)
  // Any method on an unknown API path: the API's own 404/405 problem+json, not this app's text 404.
  app.all(
    '/api/*',
    unmatchedRoute(() => api.routes),
  )

  const shell = `${buildDir}/index.html`
  if (existsSync(shell)) {
    // Phones on slow links get pages gzipped, as CloudFront serves them in AWS.
    app.use('*', compress())
    app.use('*', async (c, next) => {
      await next()
      for (const [name, value] of Object.entries(pageSecurityHeaders)) c.header(name, value)
      // The header allows the build's boot script by the hash kit wrote into index.html; locally
      // the board socket is this origin, which 'self' covers.
      c.header(
        'content-security-policy',
        contentSecurityPolicy({ scriptHashes: scriptHashesOf(readFileSync(shell, 'utf8')) }),
      )
      // Hashed file names under _app/immutable never change: cache them for a year.
      if (c.req.path.startsWith('/_app/immutable/')) {
        c.header('cache-control', 'public, max-age=31536000, immutable')
      }
    })
    app.use('*', serveStatic({ root: buildDir }))
    // Every other page is the single-page app's shell; its router takes it from there. Unknown API
    // paths go back to the API, which answers them with a problem+json 404.
    app.get('*', (c) =>
      c.req.path.startsWith('/api/')
        ? api.fetch(c.req.raw, c.env)
        : // Read each time (a few hundred bytes): a rebuild while the server runs is served at once.
          c.html(readFileSync(shell, 'utf8')),
    )
  }
  return app
}

const errorName = (err: unknown) => (err instanceof Error ? err.name : typeof err)

export interface StartedServer {
  url: string
  server: ServerType
  close(): Promise<void>
}

export class PortInUseError extends Error {}

/** Fails fast, before DynamoDB Local spends seconds starting, when the port is taken. */
export function assertPortFree(port: number, hostname: string): Promise<void> {
  if (port === 0) return Promise.resolve()
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'EADDRINUSE' ? new PortInUseError(`Port ${port} is already in use`) : err),
    )
    probe.listen(port, hostname, () => probe.close(() => done()))
  })
}

/** Listen on `port` (0 picks a free one) and resolve with the URL people open. */
export function listen(app: Hono, port: number, hostname: string): Promise<StartedServer> {
  return new Promise((done, fail) => {
    // Board messages are small (a note is at most 500 characters); a larger frame closes the socket.
    const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
    const server = serve(
      { fetch: app.fetch, port, hostname, websocket: { server: wss } },
      (info) => {
        const shownHost =
          hostname === '0.0.0.0' || hostname === '127.0.0.1' ? 'localhost' : hostname
        done({
          url: `http://${shownHost}:${info.port}`,
          server,
          close: () =>
            new Promise((closed) => {
              // Open board sockets would hold the close open until their clients leave.
              for (const socket of wss.clients) socket.terminate()
              wss.close()
              server.close(() => closed())
              // Keep-alive browser connections would hold the close open for minutes.
              ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
            }),
        })
      },
    )
    // Node closes an idle keep-alive socket after 5 s; a client reusing it at that moment gets a
    // "socket hang up". Browsers and test clients keep sockets about a minute: outlast them.
    const http = server as { keepAliveTimeout?: number; headersTimeout?: number }
    http.keepAliveTimeout = 65_000
    http.headersTimeout = 66_000
    server.once('error', (err: NodeJS.ErrnoException) => {
      fail(err.code === 'EADDRINUSE' ? new PortInUseError(`Port ${port} is already in use`) : err)
    })
  })
}
