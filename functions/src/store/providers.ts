import { Provider } from '../domain/practice'
import { practiceCollection } from './collection'
import * as keys from './keys'

export const { list, get, create, update, remove } = practiceCollection({
  kind: 'provider',
  schema: Provider,
  key: keys.provider,
  all: keys.providers,
  sort: (a, b) => a.name.localeCompare(b.name),
})
