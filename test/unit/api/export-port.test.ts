import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, describe, expect, it } from 'vitest'
import { bucketExports, streamedExports } from '../../../functions/src/api/export-port'

const s3 = mockClient(S3Client)
afterEach(() => s3.reset())

async function* pieces() {
  yield '\uFEFFa,b\n'
  yield '1,2\n'
}

const file = {
  practiceId: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B',
  fileName: 'responses-2026-11-30.csv',
  contentType: 'text/csv; charset=utf-8',
}

describe('the export port', () => {
  it('streams the file in the answer locally', async () => {
    const res = await streamedExports.deliver({ ...file, chunks: pieces() })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('responses-2026-11-30.csv')
    // Bytes, not text(): decoding would drop the byte-order mark spreadsheets need.
    expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe('\uFEFFa,b\n1,2\n')
  })

  it('builds the file in the bucket under the practice and answers 303 to a 5-minute link', async () => {
    s3.on(PutObjectCommand).resolves({})
    const client = new S3Client({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    })
    const res = await bucketExports('touchpoint-exports', 'eu-west-1', client).deliver({
      ...file,
      chunks: pieces(),
    })
    expect(res.status).toBe(303)
    const link = new URL(res.headers.get('location')!)
    expect(link.hostname).toContain('touchpoint-exports')
    expect(link.pathname).toMatch(/^\/exports\/01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B\/[0-9A-Z]{26}\//)
    expect(link.searchParams.get('X-Amz-Expires')).toBe('300')
    const [put] = s3.commandCalls(PutObjectCommand)
    expect(put?.args[0].input).toMatchObject({
      Bucket: 'touchpoint-exports',
      ContentType: 'text/csv; charset=utf-8',
      ContentDisposition: 'attachment; filename="responses-2026-11-30.csv"',
    })
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0)
  })
})
