import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/incidents',
    name: 'incidents',
    component: () => import('@/views/incidents/list/index.vue'),
    meta: { titleKey: 'incidents.title', icon: 'Warning', menu: true, order: 9,
            access: 'incident_readers' },
  },
  {
    path: '/incidents/:id',
    name: 'incident',
    component: () => import('@/views/incidents/detail/index.vue'),
    meta: { titleKey: 'incidents.detailTitle', access: 'incident_readers' },
  },
  {
    path: '/incident-plans',
    name: 'incident-plans',
    component: () => import('@/views/incidents/plans/index.vue'),
    meta: { titleKey: 'incidents.plansTitle', icon: 'Notebook', menu: true, order: 10,
            access: 'staff' },
  },
]
export default routes
