import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/health/checkin',
    name: 'checkin',
    component: () => import('@/views/health/checkin/index.vue'),
    meta: { titleKey: 'health.checkinTitle', icon: 'FirstAidKit', menu: true, order: 3, needsPerson: true },
  },
  {
    path: '/health/today',
    name: 'health-today',
    component: () => import('@/views/health/today/index.vue'),
    meta: { titleKey: 'health.todayTitle', icon: 'DataLine', menu: true, order: 8,
            access: 'staff' },
  },
]
export default routes
