/**
 * Dashboard figures computed from counter histograms. Pure: no AWS, Hono or store; values are not
 * rounded (the UI rounds).
 */
export * from './change'
export * from './composites'
export * from './histogram'
export * from './minimum'
export * from './normal'
export * from './nps'
export * from './proportions'
export * from './touchpoints'
