import type { PageLoad } from './$types'

// The board loads itself (over HTTP, then the socket) so it can show its own loading, sign-in and
// reconnecting states; `load` only names it.
export const load: PageLoad = ({ params }) => ({ boardId: params.id })
