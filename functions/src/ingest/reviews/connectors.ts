import type { ConnectedSource } from '../../domain/reviews/review'
import type { ReviewConnector } from './connector'
import { facebookConnector } from './facebook'
import { googleConnector } from './google'
import { yelpConnector } from './yelp'

/**
 * The connector of each site with an API. The sync job and the reply route find a site's
 * connector here and nowhere else.
 *
 * @example
 * const connector = connectorFor('google') // googleConnector
 */
const connectors: Record<ConnectedSource, ReviewConnector> = {
  google: googleConnector,
  yelp: yelpConnector,
  facebook: facebookConnector,
}

export function connectorFor(source: ConnectedSource): ReviewConnector | undefined {
  return connectors[source]
}
