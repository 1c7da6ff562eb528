import { Conflict, Invalid } from '../../domain/errors'
import { Location, namedAlike, NewLocation, NewProvider, Provider } from '../../domain/practice'
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
  async check(db, practiceId, { name }, id) {
    if (name === undefined) return
    if (namedAlike(await locations.list(db, practiceId), name, id)) throw nameTaken('location')
  },
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
  // A provider may only be tied to this practice's own locations, and patients choose them by name.
  async check(db, practiceId, { name, locationIds }, id) {
    if (name !== undefined && namedAlike(await providers.list(db, practiceId), name, id)) {
      throw nameTaken('provider')
    }
    if (!locationIds?.length) return
    const known = new Set((await locations.list(db, practiceId)).map((location) => location.id))
    const index = locationIds.findIndex((id) => !known.has(id))
    if (index >= 0) throw new Invalid('No such location in this practice.', `locationIds.${index}`)
  },
})

/** Two entries a patient or colleague cannot tell apart in a list; letter case and spaces aside. */
function nameTaken(noun: string): Conflict {
  return new Conflict(`This practice already has a ${noun} with that name.`, 'name-taken', 'name')
}
