import type { SourceSecrets } from '../domain/reviews/sources'

/**
 * Where a practice's credentials for outside services live: never in the table, never in an API
 * answer or a log. Locally a file readable by its owner only under DATA_DIR
 * (`local-file-secrets.ts`); in AWS Secrets Manager, encrypted with KMS.
 *
 * @example
 * await secrets.put(practiceId, 'yelp', { source: 'yelp', apiKey })
 * const yelp = await secrets.get(practiceId, 'yelp') // { source: 'yelp', apiKey } | undefined
 */
export interface SecretStore {
  get(practiceId: string, name: SourceSecrets['source']): Promise<SourceSecrets | undefined>
  put(practiceId: string, name: SourceSecrets['source'], secrets: SourceSecrets): Promise<void>
  delete(practiceId: string, name: SourceSecrets['source']): Promise<void>
}
