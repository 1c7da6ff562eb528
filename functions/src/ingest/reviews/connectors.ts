import type { ConnectedSource } from '../../domain/reviews/review'
import type { ReviewConnector } from './connector'

/**
 * The connector of each site with an API. The sync job and the reply route find a site's
 * connector here and nowhere else.
 *
 * @example
 * const connector = connectorFor('google') // undefined until the site has one
 */
const connectors: Partial<Record<ConnectedSource, ReviewConnector>> = {}

export function connectorFor(source: ConnectedSource): ReviewConnector | undefined {
  return connectors[source]
}
