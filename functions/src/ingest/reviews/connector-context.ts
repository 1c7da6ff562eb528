import type { Config } from '../../config'
import type { ConnectorContext } from './connector'

/**
 * The connectors' context from the configuration: the sites' addresses, the global fetch and a
 * real wait.
 *
 * @example
 * const context = connectorContextFor(config)
 */
export function connectorContextFor(config: Config): ConnectorContext {
  return {
    urls: {
      googleBusiness: config.GOOGLE_BUSINESS_API_URL,
      googleToken: config.GOOGLE_OAUTH_TOKEN_URL,
      yelp: config.YELP_API_URL,
      facebookGraph: config.FACEBOOK_GRAPH_URL,
    },
    fetch: (input, init) => fetch(input, init),
    sleep: (milliseconds) => new Promise((done) => setTimeout(done, milliseconds)),
  }
}
