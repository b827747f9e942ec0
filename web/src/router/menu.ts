// Which routes the caller may open: each route module's meta.access names a role set the
// server publishes in /auth/me (the server enforces the same sets on the API).
import type { RouteRecordRaw } from 'vue-router'
import type { RoleSet } from '@/api/types'
import type { MenuIcon } from '@/icons'

export interface MenuMeta {
  titleKey: string
  access?: RoleSet  // absent: every signed-in user
  icon?: MenuIcon
  menu?: boolean
  order?: number
  public?: boolean
  needsPerson?: boolean  // only for users linked to a person record (they report their own health)
}

declare module 'vue-router' {
  // Typed route meta: the router, the guard and the menu read it without casts.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface RouteMeta extends Partial<MenuMeta> {}
}

export function allowed(route: Pick<RouteRecordRaw, 'meta'>, sets: RoleSet[] | null): boolean {
  const meta = route.meta
  if (meta?.public) return true
  if (!sets || sets.length === 0) return false
  return !meta?.access || sets.includes(meta.access)
}

export function menuFor(routes: RouteRecordRaw[], sets: RoleSet[] | null, hasPerson = false): RouteRecordRaw[] {
  return routes
    .filter((r) => r.meta?.menu && allowed(r, sets) && (!r.meta.needsPerson || hasPerson))
    .sort((a, b) => (a.meta?.order ?? 0) - (b.meta?.order ?? 0))
}
