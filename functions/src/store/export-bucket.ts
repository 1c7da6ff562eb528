import { Readable } from 'node:stream'
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

/** How long an export's download link works: long enough to click, too short to forward. */
export const linkSeconds = 300

export interface ExportObject {
  key: string
  fileName: string
  contentType: string
  chunks: AsyncIterable<string>
}

/**
 * Writes an export into the bucket as it is made (multipart upload, 5 MB parts, so memory stays
 * flat however many rows), and answers a short-lived download link. The bucket encrypts, blocks
 * public access and deletes exports after a day (infra/lib/api.ts).
 *
 * @example
 * const url = await putExport(s3, bucket, { key: `exports/${practiceId}/${id}.csv`, fileName, contentType, chunks })
 */
export async function putExport(client: S3Client, bucket: string, file: ExportObject) {
  const disposition = `attachment; filename="${file.fileName}"`
  await new Upload({
    client,
    params: {
      Bucket: bucket,
      Key: file.key,
      Body: Readable.from(file.chunks),
      ContentType: file.contentType,
      ContentDisposition: disposition,
    },
    queueSize: 2,
  }).done()
  return getSignedUrl(
    client,
    new GetObjectCommand({
      Bucket: bucket,
      Key: file.key,
      ResponseContentDisposition: disposition,
    }),
    { expiresIn: linkSeconds },
  )
}

export const s3Client = (region: string) => new S3Client({ region })
