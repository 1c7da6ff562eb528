import type { Pathname } from '$app/types'
import type { Config, Me } from './api'
import { can } from './roles'

export interface NavItem {
  href: Pathname
  label: string
  /** Whether this person sees the item; absent means everyone. */
  visible?: (me: Me, config: Config) => boolean
}

/**
 * The signed-in app's main navigation, in order. Later areas (Reviews, Moments, Governance) are
 * added here as they are built.
 */
export const navItems: readonly NavItem[] = [
  { href: '/home', label: 'Home' },
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/surveys', label: 'Surveys' },
  { href: '/responses', label: 'Responses' },
  { href: '/reviews', label: 'Reviews' },
  { href: '/moments', label: 'Moments' },
  { href: '/workshops', label: 'Workshops' },
  { href: '/settings', label: 'Settings' },
  {
    href: '/outbox',
    label: 'Outbox',
    visible: (me, config) => config.mailMode === 'outbox' && can(me, 'outbox:read'),
  },
]

/** `aria-current` for a link: the page itself, or the section the current page is in. */
export function currentState(pathname: string, href: string): 'page' | 'true' | undefined {
  if (pathname === href) return 'page'
  return pathname.startsWith(`${href}/`) ? 'true' : undefined
}
