import { ulid } from 'ulid'
import { putExport, s3Client } from '../store/export-bucket'

/** A file made row by row: its name, type and text in pieces, read once. */
export interface ExportFile {
  practiceId: string
  fileName: string
  contentType: string
  chunks: AsyncIterable<string>
}

/**
 * How an export reaches the person who asked for it. Locally the file streams in the answer
 * itself; in Lambda an answer stops at 6 MB and cannot stream (HTTP API), so the file is built in
 * S3 and the answer sends the browser there (303 to a presigned link).
 *
 * @example
 * const exports = config.EXPORT_BUCKET ? bucketExports(config.EXPORT_BUCKET, region) : streamedExports
 * return exports.deliver(file)
 */
export interface ExportPort {
  deliver(file: ExportFile): Promise<Response>
}

export const streamedExports: ExportPort = {
  deliver: async (file) => {
    const encoder = new TextEncoder()
    const chunks = file.chunks[Symbol.asyncIterator]()
    // Pulled as the client reads: a slow download reads the table no faster than it is sent.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await chunks.next()
        if (done) controller.close()
        else controller.enqueue(encoder.encode(value))
      },
      async cancel() {
        await chunks.return?.()
      },
    })
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
      },
    })
  },
}

export function bucketExports(
  bucket: string,
  region: string,
  client = s3Client(region),
): ExportPort {
  return {
    deliver: async (file) => {
      const url = await putExport(client, bucket, {
        key: `exports/${file.practiceId}/${ulid()}/${file.fileName}`,
        fileName: file.fileName,
        contentType: file.contentType,
        chunks: file.chunks,
      })
      return new Response(null, { status: 303, headers: { location: url } })
    },
  }
}
