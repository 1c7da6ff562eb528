import { Location } from '../domain/practice'
import { practiceCollection } from './collection'
import * as keys from './keys'

export const { list, get, create, update, remove } = practiceCollection({
  kind: 'location',
  schema: Location,
  key: keys.location,
  all: keys.locations,
  sort: (a, b) => a.name.localeCompare(b.name),
})
