// One page of the app: its path and name, its view (a lazy chunk of its own) and what the
// menu and the guard read from it (RouteMeta: title, icon, menu order, who may open it).
import type { RouteMeta, RouteRecordRaw, RouteRecordSingleView } from 'vue-router'

export function page(path: string, name: string, view: RouteRecordSingleView['component'],
  meta: RouteMeta): RouteRecordRaw {
  return { path, name, component: view, meta }
}
