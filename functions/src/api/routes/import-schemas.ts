import { z } from 'zod'
import { Id } from '../../domain/practice'

/** A row of the file that was not imported, numbered as in the file (the header is row 1). */
export const RejectedRow = z
  .object({ row: z.number().int().min(2), reason: z.string() })
  .meta({ id: 'RejectedRow' })

export const ReviewImportResult = z
  .object({
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(RejectedRow),
  })
  .meta({ id: 'ReviewImportResult' })

export const ResponseImportResult = z
  .object({
    imported: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(RejectedRow),
  })
  .meta({ id: 'ResponseImportResult' })

export const ResponseImportQuery = z.object({
  surveyId: Id,
  mapping: z.string().max(20_000).optional().meta({
    description:
      'JSON `{"column": "questionId" | "date" | "location" | "provider" | "language" | "external_id" | "ignore"}` for columns not named after what they hold.',
  }),
})

/** A CSV request body, as the OpenAPI document shows it. */
export const csvBody = (description: string) => ({
  required: true,
  description,
  content: { 'text/csv': { schema: z.string() } },
})
