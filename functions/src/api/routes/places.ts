import { Invalid } from '../../domain/errors'
import { Location, NewLocation, NewProvider, Provider } from '../../domain/practice'
import * as locations from '../../store/locations'
import * as providers from '../../store/providers'
import { collectionApi } from './collection-api'

export const locationsApi = collectionApi({
  path: '/locations',
  tag: 'Practice',
  noun: 'location',
  schema: Location,
  input: NewLocation,
  store: locations,
  // Providers keep working where they still practise; the removed location just leaves their list.
  async afterRemove(db, practiceId, locationId) {
    const tied = (await providers.list(db, practiceId)).filter((p) =>
      p.locationIds.includes(locationId),
    )
    await Promise.all(
      tied.map((provider) =>
        providers.update(db, practiceId, provider.id, {
          locationIds: provider.locationIds.filter((id) => id !== locationId),
        }),
      ),
    )
  },
})

export const providersApi = collectionApi({
  path: '/providers',
  tag: 'Practice',
  noun: 'provider',
  schema: Provider,
  input: NewProvider,
  store: providers,
  // A provider may only be tied to this practice's own locations.
  async check(db, practiceId, { locationIds }) {
    if (!locationIds?.length) return
    const known = new Set((await locations.list(db, practiceId)).map((location) => location.id))
    const index = locationIds.findIndex((id) => !known.has(id))
    if (index >= 0) throw new Invalid('No such location in this practice.', `locationIds.${index}`)
  },
})
