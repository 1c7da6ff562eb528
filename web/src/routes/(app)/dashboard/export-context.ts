import { getContext, setContext } from 'svelte'

/**
 * What every chart exported from the dashboard says under its title, so a PNG pasted into a
 * staff-meeting slide still tells its period, its scope and how many responses it rests on
 * ("Sep 1 – Nov 30, 2026 · Riverside Clinic · 836 responses"). The page sets it; panels read it.
 */
export interface ExportContext {
  readonly line: string
}

const key = Symbol('dashboard-export')

export function setExportContext(context: ExportContext): void {
  setContext(key, context)
}

export function getExportContext(): ExportContext | undefined {
  return getContext<ExportContext | undefined>(key)
}
