/** The import routes, whose bodies are files rather than forms. */
export const importBodyPaths = {
  reviews: '/reviews/import',
  responses: '/responses/import',
} as const

/**
 * How big an import body may be: 10 MB, a few years of a practice's results. Other routes keep the
 * app's small limit. In Lambda the HTTP API refuses requests above 6 MB before they arrive, which
 * is why the import pages send big files in parts of 1,000 rows.
 */
export const maxImportBodyBytes = 10 * 1024 * 1024

/** Whether a request path (`/api/reviews/import`) takes an import body. */
export const takesImportBody = (path: string) =>
  Object.values(importBodyPaths).some((route) => path === `/api${route}`)
