// Boards open for staff and for guests from a link, so this group asks for no staff session: the
// board page itself handles a 401.
export const ssr = false
export const prerender = false
