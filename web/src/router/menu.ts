// Which routes a role may open: read from each route module's meta.roles.
import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '@/api/types'

export interface MenuMeta {
  titleKey: string
  roles?: Role[]
  icon?: string
  menu?: boolean
  order?: number
  public?: boolean
}

export function allowed(route: Pick<RouteRecordRaw, 'meta'>, role: Role | null): boolean {
  const meta = route.meta as unknown as MenuMeta | undefined
  if (meta?.public) return true
  if (!role) return false
  return !meta?.roles || meta.roles.includes(role)
}

export function menuFor(routes: RouteRecordRaw[], role: Role | null): RouteRecordRaw[] {
  return routes
    .filter((r) => (r.meta as unknown as MenuMeta | undefined)?.menu && allowed(r, role))
    .sort((a, b) => ((a.meta as any)?.order ?? 0) - ((b.meta as any)?.order ?? 0))
}
