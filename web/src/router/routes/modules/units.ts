import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/units',
    name: 'units',
    component: () => import('@/views/units/tree/index.vue'),
    meta: { titleKey: 'common.menu.units', icon: 'OfficeBuilding', menu: true, order: 20,
            access: 'readers' },
  },
]
export default routes
