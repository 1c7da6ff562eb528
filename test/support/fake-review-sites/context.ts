import type { ConnectorContext } from '../../../functions/src/ingest/reviews/connector'

/** A connector context pointed at the fakes, whose waits are recorded instead of slept. */
export function fakeContext(urls: { google?: string; yelp?: string; facebook?: string }) {
  const waits: number[] = []
  const context: ConnectorContext = {
    urls: {
      googleBusiness: urls.google ?? 'http://127.0.0.1:9',
      googleToken: `${urls.google ?? 'http://127.0.0.1:9'}/token`,
      yelp: urls.yelp ?? 'http://127.0.0.1:9',
      facebookGraph: urls.facebook ?? 'http://127.0.0.1:9',
    },
    fetch: (input, init) => fetch(input, init),
    sleep: async (milliseconds) => {
      waits.push(milliseconds)
    },
  }
  return { context, waits }
}
