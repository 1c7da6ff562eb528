import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  LimitExceededException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi'
import { mockClient } from 'aws-sdk-client-mock'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  apiGatewayTransport,
  callbackUrl,
} from '../../../functions/src/realtime/api-gateway-transport'

const gateway = mockClient(ApiGatewayManagementApiClient)
const endpoint = 'https://abc123.execute-api.eu-west-1.amazonaws.com/live'

/** A logger that keeps what it logs, to check failures are reported without message contents. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = []
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  )
  return { logger, lines }
}

const gone = () => new GoneException({ message: 'Gone', $metadata: { httpStatusCode: 410 } })
const throttled = () =>
  new LimitExceededException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } })

let log: ReturnType<typeof recordingLogger>

beforeEach(() => {
  gateway.reset()
  log = recordingLogger()
})
afterEach(() => gateway.reset())

describe('apiGatewayTransport', () => {
  it('posts the message as JSON to the connection, at the stage endpoint', async () => {
    gateway.on(PostToConnectionCommand).resolves({})
    const transport = apiGatewayTransport({ endpoint, region: 'eu-west-1', logger: log.logger })

    const delivered = await transport.send('conn-1=', { type: 'pong', seq: 0 })

    expect(delivered).toBe(true)
    const calls = gateway.commandCalls(PostToConnectionCommand)
    expect(calls).toHaveLength(1)
    const input = calls[0]!.args[0].input
    expect(input.ConnectionId).toBe('conn-1=')
    expect(JSON.parse(new TextDecoder().decode(input.Data as Uint8Array))).toEqual({
      type: 'pong',
      seq: 0,
    })
    const client = calls[0]!.thisValue as ApiGatewayManagementApiClient
    const url = await client.config.endpoint!()
    expect(`${url.protocol}//${url.hostname}${url.path}`).toBe(endpoint)
  })

  it('reports a closed connection (410 Gone) as not delivered', async () => {
    gateway.on(PostToConnectionCommand).rejects(gone())
    const transport = apiGatewayTransport({ endpoint, region: 'eu-west-1', logger: log.logger })

    expect(await transport.send('conn-gone', { type: 'pong', seq: 0 })).toBe(false)
    expect(log.lines).toEqual([])
  })

  it('keeps a live connection when a post is throttled, and logs ids only', async () => {
    gateway.on(PostToConnectionCommand).rejects(throttled())
    const transport = apiGatewayTransport({ endpoint, region: 'eu-west-1', logger: log.logger })

    const delivered = await transport.send('conn-busy', {
      type: 'error',
      detail: 'words that must not reach the logs',
    })

    expect(delivered).toBe(true)
    expect(log.lines).toHaveLength(1)
    expect(log.lines[0]).toMatchObject({
      level: 40,
      connectionId: 'conn-busy',
      messageType: 'error',
      errorName: 'LimitExceededException',
    })
    expect(JSON.stringify(log.lines)).not.toContain('words that must not')
  })

  it('treats any other failure the same way: logged, connection kept', async () => {
    gateway.on(PostToConnectionCommand).rejects(new Error('socket hang up'))
    const transport = apiGatewayTransport({ endpoint, region: 'eu-west-1', logger: log.logger })

    expect(await transport.send('conn-2', { type: 'pong', seq: 0 })).toBe(true)
    expect(log.lines[0]).toMatchObject({ errorName: 'Error' })
  })

  it('closes a connection, and takes one already closed in its stride', async () => {
    gateway.on(DeleteConnectionCommand, { ConnectionId: 'open' }).resolves({})
    gateway.on(DeleteConnectionCommand, { ConnectionId: 'closed' }).rejects(gone())
    const transport = apiGatewayTransport({ endpoint, region: 'eu-west-1', logger: log.logger })

    await transport.close('open')
    await transport.close('closed')

    expect(
      gateway.commandCalls(DeleteConnectionCommand).map((call) => call.args[0].input.ConnectionId),
    ).toEqual(['open', 'closed'])
  })

  it('does not hide other failures to close', async () => {
    gateway.on(DeleteConnectionCommand).rejects(throttled())
    const transport = apiGatewayTransport({ endpoint, region: 'eu-west-1', logger: log.logger })

    await expect(transport.close('busy')).rejects.toBeInstanceOf(LimitExceededException)
  })
})

describe('callbackUrl', () => {
  it('is the socket address over https: same host and stage', () => {
    expect(callbackUrl('wss://abc123.execute-api.eu-west-1.amazonaws.com/live')).toBe(endpoint)
    expect(callbackUrl('wss://abc123.execute-api.eu-west-1.amazonaws.com/live/')).toBe(endpoint)
  })

  it('refuses an address that is not a secure socket', () => {
    expect(() => callbackUrl('ws://127.0.0.1:8787/ws')).toThrow(/wss/)
  })
})
