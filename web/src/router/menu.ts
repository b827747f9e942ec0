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
  needsPerson?: boolean  // only for users linked to a person record (they report their own health)
}

export function allowed(route: Pick<RouteRecordRaw, 'meta'>, role: Role | null): boolean {
  const meta = route.meta as unknown as MenuMeta | undefined
  if (meta?.public) return true
  if (!role) return false
  return !meta?.roles || meta.roles.includes(role)
}

export function menuFor(routes: RouteRecordRaw[], role: Role | null, hasPerson = false): RouteRecordRaw[] {
  return routes
    .filter((r) => {
      const meta = r.meta as unknown as MenuMeta | undefined
      return meta?.menu && allowed(r, role) && (!meta.needsPerson || hasPerson)
    })
    .sort((a, b) => ((a.meta as any)?.order ?? 0) - ((b.meta as any)?.order ?? 0))
}
