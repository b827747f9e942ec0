import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/notices',
    name: 'notices',
    component: () => import('@/views/notices/index.vue'),
    meta: { titleKey: 'notices.title', icon: 'Bell', menu: true, order: 2 },
  },
  {
    path: '/admin/outbox',
    name: 'outbox',
    component: () => import('@/views/outbox/index.vue'),
    meta: { titleKey: 'notices.outboxTitle', icon: 'Message', menu: true, order: 96, access: 'admins' },
  },
]
export default routes
